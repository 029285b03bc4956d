import { hasRole, type Actor, type Policy } from '../../infra/auth/index.ts';
import type { Declaration } from './model.ts';

type Target = Pick<Declaration, 'enterpriseId' | 'assignee'>;

const AGENCY_READERS = ['customs_officer', 'customs_supervisor', 'auditor', 'admin', 'ioc_operator', 'border_guard'] as const;

/**
 * Who may do what with a declaration. A declarant works only on its own enterprise's
 * declarations (anything else is "not found"); officers decide only what the rotation assigned
 * them; supervisors decide, override and reassign anything.
 */
export const declarationPolicy: Policy<Target, 'read' | 'readRisk' | 'edit' | 'decide' | 'reassign'> = {
  read: (actor, d) => hasRole(actor, ...AGENCY_READERS) || ownsIt(actor, d),
  // Why a declaration was selected (watchlists, score, model reasons) is for customs staff only:
  // telling a declarant would teach it how to avoid selection. It still sees its channel.
  readRisk: (actor) => hasRole(actor, 'customs_officer', 'customs_supervisor', 'auditor', 'admin'),
  edit: (actor, d) => ownsIt(actor, d),
  decide: (actor, d) => hasRole(actor, 'customs_supervisor') || (hasRole(actor, 'customs_officer') && d.assignee?.id === actor.id),
  reassign: (actor) => hasRole(actor, 'customs_supervisor'),
};

function ownsIt(actor: Actor, d: Target): boolean {
  return hasRole(actor, 'declarant') && actor.enterpriseId !== null && actor.enterpriseId === d.enterpriseId;
}

/** The enterprise whose declarations the actor is limited to, or null for agency staff who see all. */
export function enterpriseScope(actor: Actor): string | null | 'none' {
  if (hasRole(actor, ...AGENCY_READERS)) return null;
  return hasRole(actor, 'declarant') && actor.enterpriseId ? actor.enterpriseId : 'none';
}
