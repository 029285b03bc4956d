import { systemActor, type RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { AppError } from '../../infra/errors/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { DirectoryService } from '../identity/index.ts';
import { officerForTurn, type Assessor, type OfficerRoster } from './assessment.ts';
import type { Declaration, Officer } from './model.ts';
import { declarations, rotation } from './store/declarations.ts';
import type { Workflow } from './workflow.ts';

class StaleAssessment extends Error {}

const AUTO_RELEASE_REASON = 'green channel: released automatically on assessment';

/**
 * Takes a submitted declaration to its channel: asks the assessor (outside any transaction, it
 * may be slow), then records the assessment with the next officer in rotation, and releases a
 * green one at once. Each step is its own transition with its own audit record.
 */
export class AssessmentService {
  #assessor: Assessor;

  constructor(
    private readonly db: Db,
    private readonly workflow: Workflow,
    private readonly roster: OfficerRoster,
    private readonly log: Logger,
    assessor: Assessor,
  ) {
    this.#assessor = assessor;
  }

  /** Replaces the assessor (the risk module plugs in here once it is built). */
  plug(assessor: Assessor): void {
    this.#assessor = assessor;
  }

  /** The assessor in use. */
  get assessorName(): string {
    return this.#assessor.name;
  }

  /** Assesses a submitted declaration; returns it as it stands afterwards (still submitted if the assessor failed). */
  async assess(origin: RequestContext, id: string): Promise<Declaration | null> {
    const d = await declarations.byId(this.db, id);
    if (!d || d.state !== 'submitted') return d;
    const assessor = this.#assessor;
    let assessment;
    try {
      assessment = await assessor.assess(d);
    } catch (err) {
      this.log.error({ err, declarationId: id }, 'assessment failed; the declaration stays submitted until resumed');
      return d;
    }
    const officers = assessment.channel === 'green' ? [] : await this.roster.officers();
    const ctx: RequestContext = { actor: { ...systemActor, name: `assessor:${assessor.name}` }, requestId: origin.requestId, sourceIp: origin.sourceIp };
    let out: Declaration;
    try {
      out = await this.workflow.run(ctx, id, {
        authorize: () => null,
        command: async (current, w) => {
          // An amendment in between makes this assessment stale: the newer version gets its own.
          if (current.version !== d.version) throw new StaleAssessment();
          let assignee: Officer | null = null;
          if (assessment.channel !== 'green' && officers.length > 0) {
            assignee = officerForTurn(officers, await rotation.nextTurn(w.tx), current.assignee?.id ?? null);
          }
          return { kind: 'assess', assessment, assignee };
        },
      });
    } catch (err) {
      // Someone else (a resumed assessment, an amendment, a cancellation) moved it first.
      if (err instanceof StaleAssessment || (err instanceof AppError && err.code === 'CUSTOMS_TRANSITION_NOT_ALLOWED')) return declarations.byId(this.db, id);
      throw err;
    }
    if (out.state === 'assessed' && out.channel === 'green') {
      const releaseCtx: RequestContext = { ...ctx, actor: { ...systemActor, name: 'customs:auto-release' } };
      out = await this.workflow.run(releaseCtx, id, { authorize: () => null, command: () => ({ kind: 'release', reason: AUTO_RELEASE_REASON }) });
    }
    return out;
  }

  /** Assesses declarations left submitted (a crash or a failing assessor); returns how many were tried. */
  async resume(limit = 500): Promise<number> {
    const pending = await declarations.awaitingAssessment(this.db, limit);
    for (const p of pending) {
      await this.assess({ actor: systemActor, requestId: null, sourceIp: null }, p.id).catch((err: unknown) => this.log.error({ err, declarationId: p.id }, 'resumed assessment failed'));
    }
    return pending.length;
  }
}

// The roster changes rarely; a new officer joins the rotation within this long.
const ROSTER_CACHE_MS = 5_000;

/** The roster of active customs officers, read from the identity directory. */
export function rosterFromDirectory(directory: Pick<DirectoryService, 'users'>, clock: Clock): OfficerRoster {
  let cached: { at: number; officers: Officer[] } | null = null;
  return {
    async officers() {
      const now = clock.now().getTime();
      if (cached && now - cached.at < ROSTER_CACHE_MS && now >= cached.at) return cached.officers;
      const officers: Officer[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await directory.users({ after, limit: 500 });
        for (const u of page) if (u.active && u.roles.includes('customs_officer')) officers.push({ id: u.id, name: u.displayName });
        if (page.length < 500) break;
        after = page[page.length - 1]!.id;
      }
      cached = { at: now, officers };
      return officers;
    },
  };
}
