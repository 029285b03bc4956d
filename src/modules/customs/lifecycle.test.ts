import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decide, newDraft, type Command, type CommandKind } from './lifecycle.ts';
import { STATES, type Declaration, type DeclarationState } from './model.ts';

const now = new Date('2026-11-23T08:00:00Z');
const officer = { id: 'usr_officer', name: 'Lê Quang Huy', role: 'customs_officer' };

/** A declaration in a state, green unless said otherwise, so that guards pass by default. */
function inState(state: DeclarationState, extra: Partial<Declaration> = {}): Declaration {
  return {
    ...newDraft('decl_1', 'ent_1', 'usr_1', { type: 'import', consignment: { transport: { tractorPlate: '29C-123.45' }, equipment: [{ containerNumber: 'CSQU3054383' }] } }, now),
    state,
    channel: state === 'draft' || state === 'submitted' ? null : 'green',
    inspection: state === 'inspection_scheduled' || state === 'inspected' ? { kind: 'scanner', at: now.toISOString(), location: null, outcome: null, findings: [] } : null,
    ...extra,
  };
}

const COMMANDS: Record<CommandKind, Command> = {
  edit_draft: { kind: 'edit_draft', content: { type: 'export' } },
  submit: { kind: 'submit' },
  assess: { kind: 'assess', assessment: { channel: 'yellow', score: 50, reasons: [], assessor: 'test' }, assignee: { id: 'usr_officer', name: 'Lê Quang Huy' } },
  release: { kind: 'release', reason: 'all in order' },
  request_documents: { kind: 'request_documents', reason: 'invoice unreadable', documentTypes: ['commercial_invoice'] },
  provide_documents: { kind: 'provide_documents', note: null },
  accept_documents: { kind: 'accept_documents', note: null },
  schedule_inspection: { kind: 'schedule_inspection', inspectionKind: 'physical', at: now.toISOString(), location: 'Bay 3' },
  record_inspection: { kind: 'record_inspection', outcome: 'compliant', findings: [] },
  hold: { kind: 'hold', reason: 'suspected undervaluation' },
  reject: { kind: 'reject', reason: 'prohibited goods' },
  override_channel: { kind: 'override_channel', channel: 'red', reason: 'intelligence tip' },
  reassign: { kind: 'reassign', officer: { id: 'usr_other', name: 'Other' }, reason: 'workload' },
  amend: { kind: 'amend', content: { type: 'import', localReference: 'v2' } },
  cancel: { kind: 'cancel', reason: 'order cancelled' },
};

// Written out independently of lifecycle.ts: the state each legal command leads to.
const OPEN_DECISIONS = { hold: 'held', reject: 'rejected', reassign: 'same', amend: 'submitted', cancel: 'cancelled' } as const;
const EXPECTED: Record<DeclarationState, Partial<Record<CommandKind, DeclarationState | 'same'>>> = {
  draft: { edit_draft: 'draft', submit: 'submitted', cancel: 'cancelled' },
  submitted: { assess: 'assessed', amend: 'submitted', cancel: 'cancelled' },
  assessed: { ...OPEN_DECISIONS, release: 'released', request_documents: 'documents_requested', accept_documents: 'under_review', schedule_inspection: 'inspection_scheduled', override_channel: 'same' },
  documents_requested: { ...OPEN_DECISIONS, provide_documents: 'under_review', accept_documents: 'under_review', override_channel: 'same' },
  under_review: { ...OPEN_DECISIONS, release: 'released', request_documents: 'documents_requested', accept_documents: 'under_review', schedule_inspection: 'inspection_scheduled', override_channel: 'same' },
  inspection_scheduled: { ...OPEN_DECISIONS, schedule_inspection: 'inspection_scheduled', record_inspection: 'inspected' },
  inspected: { ...OPEN_DECISIONS, release: 'released', schedule_inspection: 'inspection_scheduled' },
  held: { release: 'released', reject: 'rejected', reassign: 'same', amend: 'submitted' },
  released: {},
  rejected: {},
  cancelled: {},
};

describe('declaration lifecycle: every command in every state', () => {
  for (const state of STATES) {
    for (const kind of Object.keys(COMMANDS) as CommandKind[]) {
      const expected = EXPECTED[state][kind];
      test(`${state} + ${kind} → ${expected ?? '409 refused'}`, () => {
        const d = inState(state);
        const r = decide(d, COMMANDS[kind], officer, now);
        if (expected === undefined) {
          assert.equal(r.ok, false);
          if (!r.ok) {
            assert.equal(r.refusal.code, 'CUSTOMS_TRANSITION_NOT_ALLOWED');
            assert.equal(r.refusal.state, state, 'the refusal names the current state');
          }
          return;
        }
        assert.ok(r.ok, r.ok ? '' : r.refusal.message);
        const t = r.value;
        assert.equal(t.declaration.state, expected === 'same' ? state : expected);
        assert.match(t.event.type, /^declaration\.[a-z_]+$/);
        assert.equal(t.event.data.declarationId, 'decl_1');
        assert.deepEqual(t.event.data.actor, officer, 'every event names its actor');
        assert.equal(t.entry.action, kind);
        assert.equal(t.entry.from, state);
        assert.equal(t.declaration.updatedAt, now);
      });
    }
  }
});

describe('declaration lifecycle: guards and effects', () => {
  test('a yellow declaration is not released before its documents are accepted', () => {
    const r = decide(inState('assessed', { channel: 'yellow' }), COMMANDS.release, officer, now);
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.refusal.code, r.refusal.state], ['CUSTOMS_DOCUMENTS_NOT_ACCEPTED', 'assessed']);
    const accepted = decide(inState('under_review', { channel: 'yellow', documentsAccepted: true }), COMMANDS.release, officer, now);
    assert.ok(accepted.ok);
  });

  test('a red declaration is released only after an inspection', () => {
    for (const state of ['assessed', 'under_review'] as const) {
      const r = decide(inState(state, { channel: 'red', documentsAccepted: true }), COMMANDS.release, officer, now);
      assert.equal(r.ok ? null : r.refusal.code, 'CUSTOMS_INSPECTION_REQUIRED');
    }
    assert.ok(decide(inState('inspected', { channel: 'red' }), COMMANDS.release, officer, now).ok);
  });

  test('a discrepancy needs findings; findings are kept on the inspection', () => {
    const none = decide(inState('inspection_scheduled'), { kind: 'record_inspection', outcome: 'discrepancy', findings: [] }, officer, now);
    assert.equal(none.ok ? null : none.refusal.code, 'CUSTOMS_FINDINGS_REQUIRED');
    const some = decide(inState('inspection_scheduled'), { kind: 'record_inspection', outcome: 'discrepancy', findings: ['2 pallets undeclared'] }, officer, now);
    assert.ok(some.ok);
    if (some.ok) assert.deepEqual(some.value.declaration.inspection?.findings, ['2 pallets undeclared']);
  });

  test('overriding to the same channel is refused; an override records from, to and reason', () => {
    const same = decide(inState('assessed', { channel: 'red' }), COMMANDS.override_channel, officer, now);
    assert.equal(same.ok ? null : same.refusal.code, 'CUSTOMS_CHANNEL_UNCHANGED');
    const r = decide(inState('assessed', { channel: 'yellow' }), COMMANDS.override_channel, officer, now);
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.value.declaration.channel, 'red');
      assert.deepEqual(r.value.entry.details, { from: 'yellow', to: 'red', reason: 'intelligence tip' });
      assert.equal(r.value.event.type, 'declaration.channel_overridden');
    }
  });

  test('green assessment assigns nobody; yellow assigns the given officer', () => {
    const green = decide(inState('submitted'), { ...COMMANDS.assess, assessment: { channel: 'green', score: 0, reasons: [], assessor: 't' } } as Command, officer, now);
    assert.ok(green.ok && green.value.declaration.assignee === null);
    const yellow = decide(inState('submitted'), COMMANDS.assess, officer, now);
    assert.ok(yellow.ok && yellow.value.declaration.assignee?.id === 'usr_officer');
  });

  test('an amendment makes a new version and forgets the previous channel, checks and inspection', () => {
    const d = inState('inspected', { channel: 'red', documentsAccepted: true, version: 2, riskScore: 90 });
    const r = decide(d, COMMANDS.amend, officer, now);
    assert.ok(r.ok);
    if (!r.ok) return;
    const next = r.value.declaration;
    assert.deepEqual([next.state, next.version, next.channel, next.documentsAccepted, next.inspection, next.riskScore], ['submitted', 3, null, false, null, null]);
    assert.equal(r.value.event.type, 'declaration.amended');
    assert.deepEqual(r.value.entry.details, { previousVersion: 2, newVersion: 3 });
  });

  test('release, rejection and cancellation close the declaration and keep the reason', () => {
    for (const [kind, state] of [['release', 'released'], ['reject', 'rejected'], ['cancel', 'cancelled']] as const) {
      const r = decide(inState('inspected'), COMMANDS[kind], officer, now);
      assert.ok(r.ok);
      if (!r.ok) continue;
      assert.equal(r.value.declaration.state, state);
      assert.equal(r.value.declaration.closedAt, now);
      assert.ok(r.value.declaration.decisionReason);
    }
  });

  test('events carry what the gate needs: plate, containers, channel, version', () => {
    const r = decide(inState('assessed'), COMMANDS.release, officer, now);
    assert.ok(r.ok);
    if (!r.ok) return;
    const data = r.value.event.data;
    assert.equal(r.value.event.type, 'declaration.released');
    assert.deepEqual([data.tractorPlate, data.containers, data.channel, data.version, data.state], ['29C-123.45', ['CSQU3054383'], 'green', 1, 'released']);
  });
});
