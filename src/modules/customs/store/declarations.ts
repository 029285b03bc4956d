import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { DutyEstimate } from '../duties.ts';
import type { ActorRef, Channel, Declaration, DeclarationContent, DeclarationState, Inspection, RiskReason, TimelineEntry } from '../model.ts';
import { json, type DeclarationRow, type Tables, type TimelineRow } from './tables.ts';

const date = (d: Date | null) => (d ? new Date(d) : null);

function toDeclaration(r: DeclarationRow): Declaration {
  return {
    id: r.id, enterpriseId: r.enterprise_id, createdBy: r.created_by, version: r.version, state: r.state as DeclarationState,
    content: r.content as DeclarationContent, channel: r.channel as Channel | null, riskScore: r.risk_score, riskReasons: r.risk_reasons as RiskReason[],
    assessor: r.assessor, assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? r.assignee_id } : null,
    documentsAccepted: r.documents_accepted, inspection: r.inspection as Inspection | null, decisionReason: r.decision_reason,
    createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at), submittedAt: date(r.submitted_at), assessedAt: date(r.assessed_at),
    releasedAt: date(r.released_at), closedAt: date(r.closed_at),
  };
}

function toRow(d: Declaration): DeclarationRow {
  const c = d.content;
  const arrival = c.expectedArrival ? new Date(c.expectedArrival) : null;
  return {
    id: d.id, enterprise_id: d.enterpriseId, created_by: d.createdBy, version: d.version, state: d.state, content: json(c),
    type: c.type ?? null, border_gate: c.borderGate ?? null, tractor_plate: c.consignment?.transport?.tractorPlate ?? null,
    expected_arrival: arrival && !Number.isNaN(arrival.getTime()) ? arrival : null, local_reference: c.localReference ?? null,
    channel: d.channel, risk_score: d.riskScore, risk_reasons: json(d.riskReasons), assessor: d.assessor,
    assignee_id: d.assignee?.id ?? null, assignee_name: d.assignee?.name ?? null, documents_accepted: d.documentsAccepted,
    inspection: d.inspection ? json(d.inspection) : null, decision_reason: d.decisionReason,
    created_at: d.createdAt, updated_at: d.updatedAt, submitted_at: d.submittedAt, assessed_at: d.assessedAt, released_at: d.releasedAt, closed_at: d.closedAt,
  };
}

/** Filters for a page of declarations. */
export interface DeclarationQuery {
  enterpriseId?: string;
  states?: DeclarationState[];
  channel?: Channel;
  after?: string;
  limit: number;
}

/** Declaration rows, their submitted versions and their timeline. */
export const declarations = {
  async insert(x: Executor, d: Declaration): Promise<void> {
    await typed<Tables>(x).insertInto('customs.declarations').values(toRow(d)).execute();
  },
  async update(x: Executor, d: Declaration): Promise<void> {
    const { id: _id, created_at: _c, created_by: _b, enterprise_id: _e, ...rest } = toRow(d);
    await typed<Tables>(x).updateTable('customs.declarations').set(rest).where('id', '=', d.id).execute();
  },
  async byId(x: Executor, id: string, forUpdate = false): Promise<Declaration | null> {
    let q = typed<Tables>(x).selectFrom('customs.declarations').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? toDeclaration(r) : null;
  },
  /** Newest first (ids are time-ordered ULIDs); `after` is the last id of the previous page. */
  async page(x: Executor, f: DeclarationQuery): Promise<Declaration[]> {
    let q = typed<Tables>(x).selectFrom('customs.declarations').selectAll().orderBy('id', 'desc').limit(f.limit);
    if (f.enterpriseId) q = q.where('enterprise_id', '=', f.enterpriseId);
    if (f.states?.length) q = q.where('state', 'in', f.states);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.after) q = q.where('id', '<', f.after);
    return (await q.execute()).map(toDeclaration);
  },
  /** Open cases for officers: red before yellow, then higher risk, then longest waiting. */
  async worklist(x: Executor, f: { assigneeId?: string; states: readonly DeclarationState[]; limit: number }): Promise<Declaration[]> {
    let q = typed<Tables>(x)
      .selectFrom('customs.declarations')
      .selectAll()
      .where('state', 'in', [...f.states])
      .where('channel', 'in', ['yellow', 'red'])
      .orderBy(sql`case channel when 'red' then 0 else 1 end`)
      .orderBy('risk_score', 'desc')
      .orderBy('assessed_at', 'asc')
      .limit(f.limit);
    if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
    return (await q.execute()).map(toDeclaration);
  },
  /** Submitted declarations still waiting for a channel, oldest first (to resume after a crash). */
  async awaitingAssessment(x: Executor, limit: number): Promise<Array<{ id: string; version: number }>> {
    return typed<Tables>(x).selectFrom('customs.declarations').select(['id', 'version']).where('state', '=', 'submitted').orderBy('submitted_at').limit(limit).execute();
  },
};

/** The content of each submitted version, kept for history and comparison. */
export const versions = {
  async insert(x: Executor, v: { declarationId: string; version: number; content: DeclarationContent; duties: DutyEstimate; at: Date; by: string }): Promise<void> {
    await typed<Tables>(x).insertInto('customs.declaration_versions')
      .values({ declaration_id: v.declarationId, version: v.version, content: json(v.content), duties: json(v.duties), submitted_at: v.at, submitted_by: v.by })
      .execute();
  },
  async list(x: Executor, declarationId: string): Promise<Array<{ version: number; content: DeclarationContent; duties: DutyEstimate; submittedAt: Date; submittedBy: string }>> {
    const rows = await typed<Tables>(x).selectFrom('customs.declaration_versions').selectAll().where('declaration_id', '=', declarationId).orderBy('version').execute();
    return rows.map((r) => ({ version: r.version, content: r.content as DeclarationContent, duties: r.duties as DutyEstimate, submittedAt: new Date(r.submitted_at), submittedBy: r.submitted_by }));
  },
};

const toEntry = (r: TimelineRow): TimelineEntry => ({
  seq: r.seq, at: new Date(r.at), actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role }, action: r.action,
  from: r.from_state as DeclarationState | null, to: r.to_state as DeclarationState, details: r.details as Record<string, unknown>,
});

/** The timeline: one entry per transition, numbered per declaration. */
export const timeline = {
  /** Appends after the last entry; the caller holds the declaration's row lock. */
  async append(x: Executor, declarationId: string, e: { at: Date; actor: ActorRef; action: string; from: DeclarationState | null; to: DeclarationState; details: Record<string, unknown> }): Promise<void> {
    await sql`insert into customs.timeline (declaration_id, seq, at, actor_id, actor_name, actor_role, action, from_state, to_state, details)
      select ${declarationId}, coalesce(max(seq), 0) + 1, ${e.at}, ${e.actor.id}, ${e.actor.name}, ${e.actor.role}, ${e.action}, ${e.from}, ${e.to}, ${json(e.details)}::jsonb
      from customs.timeline where declaration_id = ${declarationId}`.execute(x);
  },
  async list(x: Executor, declarationId: string): Promise<TimelineEntry[]> {
    return (await typed<Tables>(x).selectFrom('customs.timeline').selectAll().where('declaration_id', '=', declarationId).orderBy('seq').execute()).map(toEntry);
  },
  /** Every channel override, newest first: what the supervisor reviews. */
  async overrides(x: Executor, f: { before?: Date; limit: number }): Promise<Array<TimelineEntry & { declarationId: string }>> {
    let q = typed<Tables>(x).selectFrom('customs.timeline').selectAll().where('action', '=', 'override_channel').orderBy('at', 'desc').limit(f.limit);
    if (f.before) q = q.where('at', '<', f.before);
    return (await q.execute()).map((r) => ({ ...toEntry(r), declarationId: r.declaration_id }));
  },
};

/**
 * The assignment rotation's turn counter. A sequence, not a row: it holds no lock until commit,
 * so concurrent assessments do not queue behind each other (a rolled-back turn is just skipped).
 */
export const rotation = {
  async nextTurn(x: Executor): Promise<number> {
    const r = await sql<{ turn: string }>`select nextval('customs.assignment_turn')::text as turn`.execute(x);
    return Number(r.rows[0]!.turn);
  },
};
