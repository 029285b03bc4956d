/**
 * The declaration lifecycle as a pure state machine (diagram: lifecycle.md). `decide` takes the
 * declaration, a command, who gives it and when, and returns the next declaration with the one
 * event and timeline entry the transition makes, or a refusal with a stable code.
 */
import type { ActorRef, Assessment, Channel, Declaration, DeclarationContent, DeclarationState, DocumentType, Officer } from './model.ts';

/** Everything that can happen to a declaration. */
export type Command =
  | { kind: 'edit_draft'; content: DeclarationContent }
  | { kind: 'submit' }
  | { kind: 'assess'; assessment: Assessment; assignee: Officer | null }
  | { kind: 'release'; reason: string }
  | { kind: 'request_documents'; reason: string; documentTypes: DocumentType[] }
  | { kind: 'provide_documents'; note: string | null }
  | { kind: 'accept_documents'; note: string | null }
  | { kind: 'schedule_inspection'; inspectionKind: 'scanner' | 'physical'; at: string; location: string | null }
  | { kind: 'record_inspection'; outcome: 'compliant' | 'discrepancy'; findings: string[] }
  | { kind: 'hold'; reason: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'override_channel'; channel: Channel; reason: string }
  | { kind: 'reassign'; officer: Officer; reason: string }
  | { kind: 'amend'; content: DeclarationContent }
  | { kind: 'cancel'; reason: string };

/** The kinds of command. */
export type CommandKind = Command['kind'];

/** Codes a refused transition carries (catalogued in errors.ts). */
export type RefusalCode = 'CUSTOMS_TRANSITION_NOT_ALLOWED' | 'CUSTOMS_INSPECTION_REQUIRED' | 'CUSTOMS_DOCUMENTS_NOT_ACCEPTED' | 'CUSTOMS_FINDINGS_REQUIRED' | 'CUSTOMS_CHANNEL_UNCHANGED';

/** A refused command: why, and the state it was refused in. */
export interface Refusal {
  code: RefusalCode;
  message: string;
  state: DeclarationState;
}

/** An event the transition emits (written to the outbox by the service). */
export interface LifecycleEvent {
  type: `declaration.${string}`;
  data: Record<string, unknown>;
}

/** An accepted command. */
export interface Transition {
  declaration: Declaration;
  event: LifecycleEvent;
  entry: { action: CommandKind; from: DeclarationState; to: DeclarationState; details: Record<string, unknown> };
}

/** The result of `decide`. */
export type Decision = { ok: true; value: Transition } | { ok: false; refusal: Refusal };

/** Which commands each state accepts; guards inside `decide` may still refuse. */
export const ALLOWED: Readonly<Record<DeclarationState, readonly CommandKind[]>> = {
  draft: ['edit_draft', 'submit', 'cancel'],
  submitted: ['assess', 'amend', 'cancel'],
  assessed: ['release', 'request_documents', 'accept_documents', 'schedule_inspection', 'hold', 'reject', 'override_channel', 'reassign', 'amend', 'cancel'],
  documents_requested: ['provide_documents', 'accept_documents', 'hold', 'reject', 'override_channel', 'reassign', 'amend', 'cancel'],
  under_review: ['release', 'request_documents', 'accept_documents', 'schedule_inspection', 'hold', 'reject', 'override_channel', 'reassign', 'amend', 'cancel'],
  inspection_scheduled: ['schedule_inspection', 'record_inspection', 'hold', 'reject', 'reassign', 'amend', 'cancel'],
  inspected: ['release', 'schedule_inspection', 'hold', 'reject', 'reassign', 'amend', 'cancel'],
  held: ['release', 'reject', 'reassign', 'amend'],
  released: [],
  rejected: [],
  cancelled: [],
};

const EVENT: Record<CommandKind, string> = {
  edit_draft: 'draft_updated', submit: 'submitted', assess: 'assessed', release: 'released', request_documents: 'documents_requested', provide_documents: 'documents_provided',
  accept_documents: 'documents_accepted', schedule_inspection: 'inspection_scheduled', record_inspection: 'inspected', hold: 'held',
  reject: 'rejected', override_channel: 'channel_overridden', reassign: 'reassigned', amend: 'amended', cancel: 'cancelled',
};

/** A new draft: where every declaration starts. */
export function newDraft(id: string, enterpriseId: string, createdBy: string, content: DeclarationContent, now: Date): Declaration {
  return {
    id, enterpriseId, createdBy, version: 1, state: 'draft', content, channel: null, riskScore: null, riskReasons: [], assessor: null,
    assignee: null, documentsAccepted: false, inspection: null, decisionReason: null, createdAt: now, updatedAt: now,
    submittedAt: null, assessedAt: null, releasedAt: null, closedAt: null,
  };
}

/** True when the command is accepted in this state before any guard. */
export function isAllowed(state: DeclarationState, kind: CommandKind): boolean {
  return ALLOWED[state].includes(kind);
}

/** Decides a command against a declaration. */
export function decide(d: Declaration, cmd: Command, by: ActorRef, now: Date): Decision {
  if (!isAllowed(d.state, cmd.kind)) return refuse('CUSTOMS_TRANSITION_NOT_ALLOWED', `cannot ${cmd.kind.replace(/_/g, ' ')} a declaration that is ${d.state.replace(/_/g, ' ')}`, d.state);
  const guard = guardOf(d, cmd);
  if (guard) return { ok: false, refusal: guard };
  const [next, details] = apply(d, cmd, now);
  const declaration: Declaration = { ...d, ...next, updatedAt: now };
  const data = { ...eventBase(declaration), previousState: d.state, actor: by, ...details };
  return {
    ok: true,
    value: { declaration, event: { type: `declaration.${EVENT[cmd.kind]}`, data }, entry: { action: cmd.kind, from: d.state, to: declaration.state, details } },
  };
}

function guardOf(d: Declaration, cmd: Command): Refusal | null {
  if (cmd.kind === 'release' && (d.state === 'assessed' || d.state === 'under_review') && d.channel !== 'green') {
    if (d.channel === 'red') return refusal('CUSTOMS_INSPECTION_REQUIRED', 'a red-channel declaration is released only after an inspection', d.state);
    if (!d.documentsAccepted) return refusal('CUSTOMS_DOCUMENTS_NOT_ACCEPTED', 'accept the documents before releasing a yellow-channel declaration', d.state);
  }
  if (cmd.kind === 'record_inspection' && cmd.outcome === 'discrepancy' && cmd.findings.length === 0) {
    return refusal('CUSTOMS_FINDINGS_REQUIRED', 'a discrepancy needs at least one finding', d.state);
  }
  if (cmd.kind === 'override_channel' && cmd.channel === d.channel) return refusal('CUSTOMS_CHANNEL_UNCHANGED', `the channel is already ${d.channel}`, d.state);
  return null;
}

function apply(d: Declaration, cmd: Command, now: Date): [Partial<Declaration>, Record<string, unknown>] {
  switch (cmd.kind) {
    case 'edit_draft':
      return [{ content: cmd.content }, {}];
    case 'submit':
      return [{ state: 'submitted', submittedAt: now }, {}];
    case 'assess': {
      const a = cmd.assessment;
      const assignee = a.channel === 'green' ? null : cmd.assignee;
      return [
        { state: 'assessed', channel: a.channel, riskScore: a.score, riskReasons: a.reasons, assessor: a.assessor, assignee, assessedAt: now },
        { channel: a.channel, score: a.score, reasons: a.reasons, assessor: a.assessor, assignee },
      ];
    }
    case 'release':
      return [{ state: 'released', releasedAt: now, closedAt: now, decisionReason: cmd.reason }, { reason: cmd.reason }];
    case 'request_documents':
      return [{ state: 'documents_requested', documentsAccepted: false }, { reason: cmd.reason, documentTypes: cmd.documentTypes }];
    case 'provide_documents':
      return [{ state: 'under_review' }, { note: cmd.note }];
    case 'accept_documents':
      return [{ state: 'under_review', documentsAccepted: true }, { note: cmd.note }];
    case 'schedule_inspection': {
      const inspection = { kind: cmd.inspectionKind, at: cmd.at, location: cmd.location, outcome: null, findings: [] };
      return [{ state: 'inspection_scheduled', inspection }, { inspection }];
    }
    case 'record_inspection': {
      const inspection = { ...d.inspection!, outcome: cmd.outcome, findings: cmd.findings };
      return [{ state: 'inspected', inspection }, { outcome: cmd.outcome, findings: cmd.findings }];
    }
    case 'hold':
      return [{ state: 'held', decisionReason: cmd.reason }, { reason: cmd.reason }];
    case 'reject':
      return [{ state: 'rejected', closedAt: now, decisionReason: cmd.reason }, { reason: cmd.reason }];
    case 'override_channel':
      return [{ channel: cmd.channel }, { from: d.channel, to: cmd.channel, reason: cmd.reason }];
    case 'reassign':
      return [{ assignee: cmd.officer }, { from: d.assignee, to: cmd.officer, reason: cmd.reason }];
    case 'amend':
      return [
        {
          state: 'submitted', version: d.version + 1, content: cmd.content, channel: null, riskScore: null, riskReasons: [], assessor: null,
          documentsAccepted: false, inspection: null, submittedAt: now, assessedAt: null,
        },
        { previousVersion: d.version, newVersion: d.version + 1 },
      ];
    case 'cancel':
      return [{ state: 'cancelled', closedAt: now, decisionReason: cmd.reason }, { reason: cmd.reason }];
  }
}

/**
 * What every declaration event carries, so the gate (plates, containers, gate), the ledger (id,
 * version, state) and the IOC (channel, timings) need not ask back.
 */
export function eventBase(d: Declaration): Record<string, unknown> {
  const c = d.content;
  return {
    declarationId: d.id,
    version: d.version,
    enterpriseId: d.enterpriseId,
    state: d.state,
    channel: d.channel,
    type: c.type ?? null,
    direction: c.direction ?? null,
    borderGate: c.borderGate ?? null,
    expectedArrival: c.expectedArrival ?? null,
    tractorPlate: c.consignment?.transport?.tractorPlate ?? null,
    trailerPlate: c.consignment?.transport?.trailerPlate ?? null,
    containers: (c.consignment?.equipment ?? []).map((e) => e.containerNumber),
    goodsItems: c.goods?.length ?? 0,
    hsCodes: [...new Set((c.goods ?? []).map((g) => g.hsCode).filter((x): x is string => typeof x === 'string'))],
    grossMassKg: (c.goods ?? []).reduce((sum, g) => sum + (typeof g.grossMassKg === 'number' ? g.grossMassKg : 0), 0),
    assignee: d.assignee,
  };
}

/** Commands an officer or declarant could give now (before role and assignment checks). */
export function availableCommands(d: Pick<Declaration, 'state'>): CommandKind[] {
  return [...ALLOWED[d.state]];
}

function refusal(code: RefusalCode, message: string, state: DeclarationState): Refusal {
  return { code, message, state };
}

function refuse(code: RefusalCode, message: string, state: DeclarationState): Decision {
  return { ok: false, refusal: refusal(code, message, state) };
}
