import type { Actor, RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Write } from '../../infra/events/index.ts';
import { platformError, type AppError, type FieldProblem } from '../../infra/errors/index.ts';
import { authError } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { AssessmentService } from './assessment-service.ts';
import { estimateDuties, type DutyEstimate } from './duties.ts';
import { customsError } from './errors.ts';
import { decide, newDraft, type Transition } from './lifecycle.ts';
import type { ActorRef, Channel, Declaration, DeclarationContent, DeclarationState, TimelineEntry } from './model.ts';
import { declarationPolicy, enterpriseScope } from './policies.ts';
import { declarations, timeline, versions } from './store/declarations.ts';
import type { TariffService, TariffSnapshot } from './tariff-service.ts';
import { normalizeContent, validateDeclaration } from './validation.ts';
import { actorRef, notFound, type Workflow } from './workflow.ts';

/** The outcome of checking a declaration without submitting it. */
export interface ValidationReport {
  valid: boolean;
  problems: FieldProblem[];
  duties: DutyEstimate;
}

const noTariff = () => customsError('CUSTOMS_NO_TARIFF', 'No tariff is in force yet, so HS codes cannot be checked; an operator loads one with `borderflow tariff load`');

const ownOnly = (actor: Actor, d: Declaration): AppError | null =>
  declarationPolicy.edit(actor, d) ? null : authError('FORBIDDEN', 'Only a declarant of the declaring enterprise may do this');

/** The declarant's side: drafts, validation, submission, amendment, cancellation, and reads. */
export class DeclarationService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly workflow: Workflow,
    private readonly tariff: TariffService,
    private readonly assessments: AssessmentService,
  ) {}

  /** Creates a draft, or with `submit` creates and submits it in one step (system-to-system). */
  async create(ctx: RequestContext, content: DeclarationContent, submit: boolean): Promise<Declaration> {
    const actor = ctx.actor;
    if (!actor?.enterpriseId) throw authError('FORBIDDEN', 'A declaration is filed for an enterprise; this credential belongs to none');
    const now = this.clock.now();
    const draft = newDraft(this.ids.next('decl'), actor.enterpriseId, actor.id, normalizeContent(content), now);
    if (!submit) return this.workflow.insert(ctx, { declaration: draft, draft: true });
    const tariff = await this.tariff.current();
    const duties = this.#check(draft.content, tariff, now, true);
    const decision = decide(draft, { kind: 'submit' }, actorRef(actor), now);
    if (!decision.ok) throw new Error('a new draft is always submittable');
    await this.workflow.insert(ctx, decision.value, (w) => this.#storeVersion(w, decision.value, duties), { estimatedDuties: duties.totals });
    return (await this.assessments.assess(ctx, draft.id)) ?? decision.value.declaration;
  }

  /** Replaces the content of a draft. */
  update(ctx: RequestContext, id: string, content: DeclarationContent): Promise<Declaration> {
    return this.workflow.run(ctx, id, { authorize: ownOnly, command: () => ({ kind: 'edit_draft', content: normalizeContent(content) }) });
  }

  /** Checks content as submission would, without storing anything. */
  async validate(content: DeclarationContent): Promise<ValidationReport> {
    const normalized = normalizeContent(content);
    const tariff = await this.tariff.current();
    if (!tariff.version) throw noTariff();
    const problems = validateDeclaration(normalized, { now: this.clock.now(), knownSubheading: tariff.knownSubheading, checkArrival: true });
    return { valid: problems.length === 0, problems, duties: estimateDuties(normalized, tariff.rates) };
  }

  /** Checks a stored declaration as submission would. */
  async validateStored(actor: Actor, id: string): Promise<ValidationReport> {
    return this.validate((await this.get(actor, id)).content);
  }

  /** Submits a draft; answers with the declaration after assessment (released at once when green). */
  async submit(ctx: RequestContext, id: string): Promise<Declaration> {
    const tariff = await this.tariff.current();
    let duties: DutyEstimate;
    await this.workflow.run(ctx, id, {
      authorize: ownOnly,
      command: (d, w) => {
        if (d.state === 'draft') duties = this.#check(d.content, tariff, w.now, true);
        return { kind: 'submit' };
      },
      after: (w, t) => this.#storeVersion(w, t, duties),
      eventData: () => ({ estimatedDuties: duties.totals }),
    });
    return (await this.assessments.assess(ctx, id)) ?? (await this.get(ctx.actor!, id));
  }

  /** Amends a submitted declaration before release: a new version, assessed afresh. */
  async amend(ctx: RequestContext, id: string, content: DeclarationContent): Promise<Declaration> {
    const tariff = await this.tariff.current();
    const normalized = normalizeContent(content);
    let duties: DutyEstimate;
    await this.workflow.run(ctx, id, {
      authorize: ownOnly,
      command: (d, w) => {
        // Arrival is checked only when it changes: by now the truck may be at the gate.
        if (d.state !== 'draft') duties = this.#check(normalized, tariff, w.now, normalized.expectedArrival !== d.content.expectedArrival);
        return { kind: 'amend', content: normalized };
      },
      after: (w, t) => this.#storeVersion(w, t, duties),
      eventData: () => ({ estimatedDuties: duties.totals }),
    });
    return (await this.assessments.assess(ctx, id)) ?? (await this.get(ctx.actor!, id));
  }

  /** Cancels a declaration before release. */
  cancel(ctx: RequestContext, id: string, reason: string): Promise<Declaration> {
    return this.workflow.run(ctx, id, { authorize: ownOnly, command: () => ({ kind: 'cancel', reason }) });
  }

  /** Tells the officer the requested documents are uploaded. */
  provideDocuments(ctx: RequestContext, id: string, note: string | null): Promise<Declaration> {
    return this.workflow.run(ctx, id, { authorize: ownOnly, command: () => ({ kind: 'provide_documents', note }) });
  }

  /** One declaration the actor may see; anything else is not found. */
  async get(actor: Actor, id: string): Promise<Declaration> {
    const d = await declarations.byId(this.db, id);
    if (!d || !declarationPolicy.read(actor, d)) throw notFound(id);
    return d;
  }

  /** A page of the declarations the actor may see, newest first. */
  async list(actor: Actor, q: { states?: DeclarationState[]; channel?: Channel; after?: string; limit: number }): Promise<Declaration[]> {
    const scope = enterpriseScope(actor);
    if (scope === 'none') return [];
    return declarations.page(this.db, { ...q, enterpriseId: scope ?? undefined });
  }

  /** The timeline of a declaration. */
  async timeline(actor: Actor, id: string): Promise<TimelineEntry[]> {
    await this.get(actor, id);
    return timeline.list(this.db, id);
  }

  /** Every submitted version with its duty estimate. */
  async versions(actor: Actor, id: string) {
    await this.get(actor, id);
    return versions.list(this.db, id);
  }

  /** The current duty estimate of a declaration. */
  async duties(d: Declaration): Promise<DutyEstimate> {
    return estimateDuties(d.content, (await this.tariff.current()).rates);
  }

  #check(content: DeclarationContent, tariff: TariffSnapshot, now: Date, checkArrival: boolean): DutyEstimate {
    if (!tariff.version) throw noTariff();
    const problems = validateDeclaration(content, { now, knownSubheading: tariff.knownSubheading, checkArrival });
    if (problems.length > 0) throw platformError('VALIDATION_FAILED', `${problems.length} problem(s) with the declaration`, problems);
    return estimateDuties(content, tariff.rates);
  }

  async #storeVersion(w: Write, t: Transition, duties: DutyEstimate): Promise<void> {
    const d = t.declaration;
    await versions.insert(w.tx, { declarationId: d.id, version: d.version, content: d.content, duties, at: w.now, by: (t.event.data.actor as ActorRef).id });
  }
}
