import { hasRole, type Actor, type RequestContext } from '../../infra/auth/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { AppError } from '../../infra/errors/index.ts';
import type { OfficerRoster } from './assessment.ts';
import { customsError } from './errors.ts';
import type { Command } from './lifecycle.ts';
import { OFFICER_OPEN_STATES, type Declaration, type TimelineEntry } from './model.ts';
import { declarationPolicy } from './policies.ts';
import { declarations, timeline } from './store/declarations.ts';
import type { Workflow } from './workflow.ts';

/** Commands an officer gives (the rest belong to the declarant or the platform). */
export type OfficerCommand = Extract<Command, { kind: 'request_documents' | 'accept_documents' | 'schedule_inspection' | 'record_inspection' | 'release' | 'hold' | 'reject' | 'override_channel' }>;

const assignedOnly = (actor: Actor, d: Declaration): AppError | null =>
  declarationPolicy.decide(actor, d) ? null : customsError('CUSTOMS_NOT_ASSIGNED', d.assignee ? `The declaration is assigned to ${d.assignee.name}` : 'The declaration is not assigned yet; a supervisor can assign it');

/** The officer console: worklist, decisions, reassignment and the supervisor's override review. */
export class OfficerService {
  constructor(
    private readonly db: Db,
    private readonly workflow: Workflow,
    private readonly roster: OfficerRoster,
  ) {}

  /** Open yellow and red cases: an officer's own, or for a supervisor every officer's (or one's). */
  worklist(actor: Actor, q: { officerId?: string; limit: number }): Promise<Declaration[]> {
    const supervisor = hasRole(actor, 'customs_supervisor');
    const assigneeId = supervisor ? q.officerId : actor.id;
    return declarations.worklist(this.db, { assigneeId, states: OFFICER_OPEN_STATES, limit: q.limit });
  }

  /** Gives a decision on a declaration assigned to this officer (or as a supervisor). */
  act(ctx: RequestContext, id: string, cmd: OfficerCommand): Promise<Declaration> {
    return this.workflow.run(ctx, id, { authorize: assignedOnly, command: () => cmd });
  }

  /** Moves a case to another officer (supervisors only), with a reason. */
  async reassign(ctx: RequestContext, id: string, officerId: string, reason: string): Promise<Declaration> {
    const officer = (await this.roster.officers()).find((o) => o.id === officerId);
    if (!officer) throw customsError('CUSTOMS_OFFICER_UNKNOWN', `${officerId} is not an active customs officer`, [{ pointer: '/officerId', code: 'OFFICER_UNKNOWN', message: 'is not an active customs officer' }]);
    return this.workflow.run(ctx, id, {
      authorize: (actor) => (declarationPolicy.reassign(actor, { enterpriseId: '', assignee: null }) ? null : customsError('CUSTOMS_NOT_ASSIGNED', 'Only a supervisor reassigns cases')),
      command: () => ({ kind: 'reassign', officer, reason }),
    });
  }

  /** Every channel override, newest first, for the supervisor. */
  overrides(q: { before?: Date; limit: number }): Promise<Array<TimelineEntry & { declarationId: string }>> {
    return timeline.overrides(this.db, q);
  }
}
