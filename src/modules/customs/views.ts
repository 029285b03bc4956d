/**
 * What the API answers: response schemas (for serialisation and OpenAPI) and the presenters
 * that shape domain objects into them. Rows never reach the wire.
 */
import { Type, type TSchema } from 'typebox';
import { hasRole, type Actor } from '../../infra/auth/index.ts';
import type { DutyEstimate } from './duties.ts';
import { availableCommands, type CommandKind } from './lifecycle.ts';
import type { Declaration, DeclarationDocument, TimelineEntry } from './model.ts';
import { declarationPolicy } from './policies.ts';
import { DeclarationBody } from './schema.ts';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Reason = Type.Object({
  code: Type.String(), message: Type.String(),
  messages: Type.Optional(Type.Object({ vi: Type.String(), en: Type.String(), zh: Type.String() })),
  numbers: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]))),
});
const OfficerView = Type.Object({ id: Type.String(), name: Type.String() });
const Num = nullable(Type.Number());

export const DutiesView = Type.Object({
  items: Type.Array(Type.Object({
    item: Type.Integer(), tariffLine: nullable(Type.String()), importDutyRate: Num, vatRate: Num, currency: nullable(Type.String()),
    customsValue: Num, importDuty: Num, vat: Num, note: nullable(Type.String()),
  })),
  totals: Type.Array(Type.Object({ currency: Type.String(), importDuty: Type.Number(), vat: Type.Number() })),
});

export const DeclarationView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  state: Type.String(),
  channel: nullable(Type.String()),
  risk: Type.Object({ score: Num, reasons: Type.Array(Reason), assessor: nullable(Type.String()) }),
  enterpriseId: Type.String(),
  assignee: nullable(OfficerView),
  documentsAccepted: Type.Boolean(),
  inspection: nullable(Type.Object({ kind: Type.String(), at: Type.String(), location: nullable(Type.String()), outcome: nullable(Type.String()), findings: Type.Array(Type.String()) })),
  decisionReason: nullable(Type.String()),
  content: DeclarationBody,
  duties: DutiesView,
  allowedActions: Type.Array(Type.String(), { description: 'What the caller may do now (POST …/{action} paths in docs/customs.md)' }),
  createdAt: Instant, updatedAt: Instant,
  submittedAt: nullable(Instant), assessedAt: nullable(Instant), releasedAt: nullable(Instant), closedAt: nullable(Instant),
});

export const DeclarationPage = Type.Object({ items: Type.Array(DeclarationView), next: nullable(Type.String()) });

export const WorklistView = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), state: Type.String(), channel: Type.String(), riskScore: Num, reasons: Type.Array(Reason), assignee: nullable(OfficerView),
    type: nullable(Type.String()), borderGate: nullable(Type.String()), tractorPlate: nullable(Type.String()), expectedArrival: nullable(Type.String()),
    goodsItems: Type.Integer(), assessedAt: nullable(Instant), waitingMinutes: Type.Integer(),
  })),
});

export const TimelineView = Type.Object({
  items: Type.Array(Type.Object({
    seq: Type.Integer(), at: Instant, actor: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }),
    action: Type.String(), from: nullable(Type.String()), to: Type.String(), details: Type.Record(Type.String(), Type.Unknown()),
  })),
});

export const DocumentView = Type.Object({
  id: Type.String(), declarationId: Type.String(), type: Type.String(), filename: Type.String(), mediaType: Type.String(),
  sizeBytes: Type.Integer(), sha256: Type.String(), uploadedBy: Type.String(), uploadedAt: Instant,
});

export const ValidationView = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(Type.Object({ pointer: Type.String(), code: Type.String(), message: Type.String() })),
  duties: DutiesView,
});

const DECLARANT_ACTIONS: CommandKind[] = ['edit_draft', 'submit', 'amend', 'cancel', 'provide_documents'];
const OFFICER_ACTIONS: CommandKind[] = ['request_documents', 'accept_documents', 'schedule_inspection', 'record_inspection', 'release', 'hold', 'reject', 'override_channel'];

/** The commands this actor may give now; release is offered only when its guard would pass. */
export function allowedActions(d: Declaration, actor: Actor): CommandKind[] {
  const mine = [
    ...(declarationPolicy.edit(actor, d) ? DECLARANT_ACTIONS : []),
    ...(declarationPolicy.decide(actor, d) ? OFFICER_ACTIONS : []),
    ...(hasRole(actor, 'customs_supervisor') ? (['reassign'] as CommandKind[]) : []),
  ];
  const releasable = d.channel === 'green' || d.state === 'inspected' || d.state === 'held' || (d.channel === 'yellow' && d.documentsAccepted);
  return availableCommands(d).filter((k) => mine.includes(k) && (k !== 'release' || releasable));
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Shapes a declaration for the API. */
export function presentDeclaration(d: Declaration, actor: Actor, duties: DutyEstimate) {
  return {
    id: d.id, version: d.version, state: d.state, channel: d.channel,
    risk: declarationPolicy.readRisk(actor, d) ? { score: d.riskScore, reasons: d.riskReasons, assessor: d.assessor } : { score: null, reasons: [], assessor: null },
    enterpriseId: d.enterpriseId, assignee: d.assignee, documentsAccepted: d.documentsAccepted, inspection: d.inspection,
    decisionReason: d.decisionReason, content: d.content, duties, allowedActions: allowedActions(d, actor),
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(), submittedAt: iso(d.submittedAt),
    assessedAt: iso(d.assessedAt), releasedAt: iso(d.releasedAt), closedAt: iso(d.closedAt),
  };
}

/** Shapes a worklist line; waiting time is counted from assessment. */
export function presentWorkItem(d: Declaration, now: Date) {
  const c = d.content;
  return {
    id: d.id, state: d.state, channel: d.channel ?? 'yellow', riskScore: d.riskScore, reasons: d.riskReasons, assignee: d.assignee,
    type: c.type ?? null, borderGate: c.borderGate ?? null, tractorPlate: c.consignment?.transport?.tractorPlate ?? null,
    expectedArrival: c.expectedArrival ?? null, goodsItems: c.goods?.length ?? 0, assessedAt: iso(d.assessedAt),
    waitingMinutes: d.assessedAt ? Math.max(0, Math.floor((now.getTime() - d.assessedAt.getTime()) / 60_000)) : 0,
  };
}

const RISK_DETAILS = new Set(['score', 'reasons', 'assessor']);

/** Shapes a timeline entry; the risk details of an assessment are left out for those who may not read them. */
export function presentEntry(e: TimelineEntry, actor: Actor, d: Declaration) {
  const details = declarationPolicy.readRisk(actor, d) ? e.details : Object.fromEntries(Object.entries(e.details).filter(([k]) => !RISK_DETAILS.has(k)));
  return { ...e, details, at: e.at.toISOString() };
}

/** Shapes a document's metadata. */
export function presentDocument(d: DeclarationDocument) {
  return { ...d, uploadedAt: d.uploadedAt.toISOString() };
}
