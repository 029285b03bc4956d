import { hasRole, type Policy } from '../../infra/auth/index.ts';
import type { Enterprise } from './model.ts';

/** Who may do what with enterprises: declarants see only their own; agency staff see all. */
export const enterprisePolicy: Policy<Pick<Enterprise, 'id'>, 'read' | 'manage'> = {
  read: (actor, e) =>
    hasRole(actor, 'admin', 'customs_officer', 'customs_supervisor', 'auditor', 'ioc_operator', 'border_guard') ||
    (hasRole(actor, 'declarant') && actor.enterpriseId === e.id),
  manage: (actor) => hasRole(actor, 'admin'),
};

/** Users, API keys and devices are administered by admins; auditors may read them. */
export const accountPolicy: Policy<null, 'read' | 'manage'> = {
  read: (actor) => hasRole(actor, 'admin', 'auditor'),
  manage: (actor) => hasRole(actor, 'admin'),
};
