import { hasRole, type Actor, type Policy } from '../../infra/auth/index.ts';

/** Agency roles that see every enterprise's bookings and journeys. */
export const BOOKING_READERS = ['admin', 'customs_officer', 'customs_supervisor', 'border_guard', 'ioc_operator', 'auditor'] as const;

/** Who may see and change bookings and journeys: declarants their own enterprise's, agency staff all. */
export const bookingPolicy: Policy<{ enterpriseId: string }, 'read' | 'book'> = {
  read: (actor, b) => hasRole(actor, ...BOOKING_READERS) || (hasRole(actor, 'declarant') && actor.enterpriseId === b.enterpriseId),
  book: (actor, b) => hasRole(actor, 'declarant') && actor.enterpriseId === b.enterpriseId,
};

/** Who may see a registered vehicle or driver: agency staff, and the owning enterprise's declarants. */
export const registryPolicy: Policy<{ enterpriseId: string | null }, 'read'> = {
  read: (actor, r) =>
    hasRole(actor, 'admin', 'customs_officer', 'customs_supervisor', 'border_guard', 'ioc_operator', 'auditor') ||
    (hasRole(actor, 'declarant') && r.enterpriseId !== null && actor.enterpriseId === r.enterpriseId),
};

/** Gate staff who move trucks (call-forward, border check, fees). */
export const GATE_STAFF = ['border_guard', 'ioc_operator', 'customs_officer', 'customs_supervisor', 'admin'] as const;
/** Who may override an exception (with a reason). */
export const OVERRIDERS = ['customs_officer', 'customs_supervisor', 'border_guard'] as const;

/** The actor's name for stage stamps. */
export function actorName(actor: Actor | null): string {
  return actor ? actor.name : 'system';
}
