import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideJourney, stageSeconds, type JourneyCommand } from './journey.ts';
import { openExceptions, type Journey } from './model.ts';

const t0 = new Date('2026-03-01T01:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

function journey(over: Partial<Journey> = {}): Journey {
  return {
    id: 'jrn_1', bookingId: 'slot_1', enterpriseId: 'ent_1', declarationId: 'decl_1', gate: 'VN-MONGCAI', direction: 'inbound', laneClass: 'general',
    vehicleClass: 'tractor_trailer', plate: '桂A12345', trailerPlate: null, driverName: 'Wang Wei', driverDocument: 'E12345678', slotStart: t0, state: 'expected',
    scanSelected: false, maxGrossKg: 40_000, grossKg: null, containers: [], customsReleasedAt: null, exceptions: [], stages: [{ stage: 'expected', at: at(-60), by: 'declarant' }],
    fee: null, version: 1, ...over,
  };
}

function run(j: Journey, cmds: JourneyCommand[], startMin = 0): Journey {
  let x = j;
  cmds.forEach((c, i) => {
    const d = decideJourney(x, c, 'tester', at(startMin + i * 10));
    if (!d.ok) throw new Error(`${c.kind}: ${d.code} ${d.message}`);
    x = d.journey;
  });
  return x;
}

const toWeigh: JourneyCommand[] = [{ kind: 'arrive', plateRead: '桂A1Z345' }, { kind: 'enter_yard' }, { kind: 'call_forward' }, { kind: 'weigh', grossKg: 30_000 }];

test('the happy path stamps every stage; release after weighing moves to released at once', () => {
  const j = run(journey(), [...toWeigh, { kind: 'customs_release' }, { kind: 'border_check' }, { kind: 'exit' }]);
  assert.equal(j.state, 'exited');
  assert.deepEqual(j.stages.map((s) => s.stage), ['expected', 'arrived', 'in_yard', 'called_forward', 'weighed', 'released', 'border_checked', 'exited']);
  assert.equal(stageSeconds(j, 'arrived', 'exited'), 60 * 60);
});

test('customs release before arrival is remembered and applied once weighed; AGV hand-over ends the journey', () => {
  const early = run(journey(), [{ kind: 'customs_release' }]);
  assert.equal(early.state, 'expected');
  const d = decideJourney(run(early, toWeigh), { kind: 'border_check' }, 'guard', at(100));
  assert.ok(d.ok && d.journey.state === 'border_checked');
  const j = run(journey({ laneClass: 'agv' }), [{ kind: 'customs_release' }, ...toWeigh, { kind: 'border_check' }, { kind: 'hand_to_agv' }]);
  assert.equal(j.state, 'handed_to_agv');
});

test('a truck selected for scanning is released only after the scan; unselected trucks cannot be scanned', () => {
  const weighed = run(journey({ scanSelected: true }), [...toWeigh, { kind: 'customs_release' }]);
  assert.equal(weighed.state, 'weighed');
  assert.equal(run(weighed, [{ kind: 'scan', outcome: 'clear' }]).state, 'released');
  const d = decideJourney(run(journey(), toWeigh), { kind: 'scan', outcome: 'clear' }, 'x', at(99));
  assert.deepEqual(!d.ok && d.code, 'GATE_TRANSITION_NOT_ALLOWED');
});

test('overweight holds the truck until an officer overrides with a reason', () => {
  const j = run(journey(), [...toWeigh.slice(0, 3), { kind: 'weigh', grossKg: 48_000 }, { kind: 'customs_release' }]);
  assert.equal(j.state, 'weighed');
  assert.deepEqual(openExceptions(j).map((e) => e.kind), ['overweight']);
  const blocked = decideJourney(j, { kind: 'border_check' }, 'guard', at(200));
  assert.equal(!blocked.ok && blocked.code, 'GATE_TRANSITION_NOT_ALLOWED');
  const noReason = decideJourney(j, { kind: 'override', exception: 'overweight', reason: ' ' }, 'officer', at(200));
  assert.equal(!noReason.ok && noReason.code, 'GATE_REASON_REQUIRED');
  const wrong = decideJourney(j, { kind: 'override', exception: 'seal_problem', reason: 'fine' }, 'officer', at(200));
  assert.equal(!wrong.ok && wrong.code, 'GATE_NO_SUCH_EXCEPTION');
  const ok = decideJourney(j, { kind: 'override', exception: 'overweight', reason: 'Permit for indivisible load' }, 'officer', at(200));
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.journey.state, 'released');
    assert.deepEqual(ok.journey.exceptions[0]!.resolution, { by: 'officer', reason: 'Permit for indivisible load', override: true });
    assert.deepEqual(ok.events.map((e) => e.type), ['gate.exception_overridden', 'gate.released']);
  }
});

test('declaration held, plate mismatch and seal problems block the exit; a later release clears the hold', () => {
  const held = run(journey(), [...toWeigh, { kind: 'customs_stop', reason: 'held by customs' }]);
  assert.deepEqual(openExceptions(held).map((e) => e.kind), ['declaration_not_released']);
  assert.equal(run(held, [{ kind: 'customs_release' }]).state, 'released');
  const mismatch = run(journey(), [...toWeigh, { kind: 'customs_release' }, { kind: 'raise', exception: 'plate_mismatch', detail: 'exit read 桂A99999' }]);
  const d = decideJourney(mismatch, { kind: 'border_check' }, 'guard', at(300));
  assert.equal(!d.ok && d.code, 'GATE_EXCEPTIONS_OPEN');
  const seal = run(journey({ scanSelected: true }), [...toWeigh, { kind: 'scan', outcome: 'seal_problem' }, { kind: 'customs_release' }]);
  assert.equal(seal.state, 'scanned');
  assert.deepEqual(openExceptions(seal).map((e) => e.kind), ['seal_problem']);
});

test('out-of-order commands, cancellation and no-show are refused or final', () => {
  const d = decideJourney(journey(), { kind: 'weigh', grossKg: 1 }, 'x', t0);
  assert.deepEqual(!d.ok && [d.code, d.state], ['GATE_TRANSITION_NOT_ALLOWED', 'expected']);
  const ns = run(journey(), [{ kind: 'no_show' }]);
  assert.equal(ns.state, 'no_show');
  const after = decideJourney(ns, { kind: 'arrive', plateRead: 'x' }, 'x', t0);
  assert.equal(!after.ok && after.code, 'GATE_TRANSITION_NOT_ALLOWED');
  assert.equal(run(journey(), [{ kind: 'arrive', plateRead: 'x' }, { kind: 'cancel', reason: 'declaration cancelled' }]).state, 'cancelled');
});
