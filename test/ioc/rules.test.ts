// The IOC's alert rules, lifecycles and KPI arithmetic as pure functions: what fires, what
// clears, when escalation is due, and how the per-minute series are built.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actOnAlert, actOnIncident, openIncident } from '../../src/modules/ioc/lifecycle.ts';
import { buildSeries, defaultIocSettings, driftRule, escalationsDue, eventRules, gaugeRules, percentile, silenceRules, slotAdherence, estimatedWaitMinutes, type Alert } from '../../src/modules/ioc/index.ts';

const s = { ...defaultIocSettings(), queueThreshold: 10, yardFullRatio: 0.9, deviceSilentMinutes: 10, escalateAfterMinutes: 5, maxEscalationLevel: 2 };
const t0 = new Date('2026-11-23T08:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

function alert(over: Partial<Alert> = {}): Alert {
  return {
    id: 'alr_1', rule: 'yard_full', severity: 'critical', subject: 'yard', message: 'm', data: {}, state: 'open', raisedAt: t0,
    acknowledgedAt: null, acknowledgedBy: null, assignee: null, escalationLevel: 0, escalatedAt: null, resolvedAt: null, ...over,
  };
}

describe('IOC alert rules', () => {
  test('a queue at its threshold fires for that direction only; the other direction clears', () => {
    const o = gaugeRules({ queue: { inbound: 10, outbound: 9 }, yardOccupied: 0, yardCapacity: 100 }, s);
    assert.deepEqual(o.raise.map((c) => `${c.rule}:${c.subject}`), ['queue_threshold:inbound']);
    assert.match(o.raise[0]!.message, /10 trucks waiting inbound/);
    assert.deepEqual(o.clear.map((c) => `${c.rule}:${c.subject}`), ['queue_threshold:outbound', 'yard_full:yard']);
  });

  test('the yard fires at 90 % and not at 89 %', () => {
    assert.equal(gaugeRules({ queue: {}, yardOccupied: 90, yardCapacity: 100 }, s).raise[0]?.rule, 'yard_full');
    assert.equal(gaugeRules({ queue: {}, yardOccupied: 89, yardCapacity: 100 }, s).raise.length, 0);
  });

  test('a device seen before fires after N silent minutes, and clears when it speaks', () => {
    const devices = [{ deviceId: 'cam-1', lastSeen: at(0) }, { deviceId: 'cam-2', lastSeen: at(5) }];
    const o = silenceRules(devices, at(11), s);
    assert.deepEqual(o.raise.map((c) => c.subject), ['cam-1']);
    assert.match(o.raise[0]!.message, /silent for 11 min/);
    assert.deepEqual(o.clear.map((c) => c.subject), ['cam-2']);
    assert.equal(silenceRules(devices, at(10), s).raise.length, 0, 'exactly N minutes is not yet silent');
  });

  test('event rules: unconfirmed barrier, dead letter, red truck arriving, ledger fork; a green truck raises nothing', () => {
    assert.equal(eventRules('gate.barrier_unconfirmed', 'bar-1', { deviceId: 'bar-1', action: 'open', commandId: 'cmd_1' }, null)[0]?.severity, 'critical');
    assert.equal(eventRules('exchange.message_dead_lettered', 'msg_1', { reason: 'partner refused' }, null)[0]?.rule, 'exchange_dead_letter');
    const red = eventRules('gate.arrived', 'jrn_1', { journeyId: 'jrn_1', plate: '桂A12345', declarationId: 'decl_1' }, 'red');
    assert.equal(red[0]?.rule, 'red_truck_arrived');
    assert.equal(red[0]?.subject, 'jrn_1');
    assert.match(red[0]!.message, /桂A12345/);
    assert.deepEqual(eventRules('gate.arrived', 'jrn_1', { journeyId: 'jrn_1' }, 'green'), []);
    assert.equal(eventRules('ledger.fork_detected', 'fork_1', { origin: 'CN', reason: 'two roots' }, null)[0]?.rule, 'ledger_fork');
  });

  test('escalation is due after the set minutes unacknowledged, again after as long, and stops at the top level', () => {
    assert.deepEqual(escalationsDue([alert()], at(4), s), []);
    assert.equal(escalationsDue([alert()], at(5), s).length, 1);
    assert.deepEqual(escalationsDue([alert({ escalationLevel: 1, escalatedAt: at(5) })], at(9), s), []);
    assert.equal(escalationsDue([alert({ escalationLevel: 1, escalatedAt: at(5) })], at(10), s).length, 1);
    assert.deepEqual(escalationsDue([alert({ escalationLevel: 2, escalatedAt: at(10) })], at(60), s), [], 'the top level is not passed');
    assert.deepEqual(escalationsDue([alert({ state: 'acknowledged' })], at(60), s), [], 'an acknowledged alert is not escalated');
  });

  test('forecast drift fires past the ratio either way and stays quiet without a forecast', () => {
    assert.match(driftRule(60, 100, t0, s).raise[0]!.message, /40 % below the forecast 100/);
    assert.match(driftRule(140, 100, t0, s).raise[0]!.message, /40 % above/);
    assert.equal(driftRule(80, 100, t0, s).raise.length, 0);
    assert.equal(driftRule(0, null, t0, s).raise.length, 0);
    assert.equal(driftRule(0, 5, t0, s).raise.length, 0, 'too small a forecast to compare');
  });
});

describe('IOC alert and incident lifecycles', () => {
  test('acknowledge once; a resolved alert takes no action', () => {
    const acked = actOnAlert(alert(), { kind: 'acknowledge' }, 'operator', at(1));
    assert.ok(acked.ok);
    assert.deepEqual([acked.value.state, acked.value.acknowledgedBy], ['acknowledged', 'operator']);
    const again = actOnAlert(acked.value, { kind: 'acknowledge' }, 'admin', at(2));
    assert.deepEqual(again.ok ? null : again.code, 'IOC_ALERT_ALREADY_ACKNOWLEDGED');
    const closed = actOnAlert(alert({ state: 'resolved' }), { kind: 'assign', assignee: 'operator' }, 'admin', at(2));
    assert.deepEqual(closed.ok ? null : closed.code, 'IOC_ALERT_CLOSED');
  });

  test('an incident keeps a timeline of opening, hand-over, notes and resolution, then refuses more', () => {
    let i = openIncident({ id: 'inc_1', title: 'Scanner 2 down', agency: 'gate_operator', alertId: null, note: null }, 'operator', at(0));
    for (const [action, minute] of [[{ kind: 'assign', agency: 'customs', note: 'needs manual inspection' }, 1], [{ kind: 'note', text: 'technician on the way' }, 2], [{ kind: 'resolve', resolution: 'scanner restarted' }, 3]] as const) {
      const r = actOnIncident(i, action, 'operator', at(minute));
      assert.ok(r.ok);
      i = r.value;
    }
    assert.deepEqual(i.notes.map((n) => `${n.seq}:${n.kind}:${n.text}`), ['1:opened:Scanner 2 down', '2:assigned:customs: needs manual inspection', '3:note:technician on the way', '4:resolved:scanner restarted']);
    assert.deepEqual([i.state, i.agency, i.resolution], ['resolved', 'customs', 'scanner restarted']);
    const late = actOnIncident(i, { kind: 'note', text: 'late' }, 'operator', at(4));
    assert.deepEqual(late.ok ? null : late.code, 'IOC_INCIDENT_RESOLVED');
  });
});

describe('IOC KPI arithmetic', () => {
  test('percentiles by nearest rank', () => {
    assert.equal(percentile([], 50), null);
    assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
  });

  test('series: trailing-hour rates, clearance per direction, gauges carried forward, channel mix per minute', () => {
    const rows = [
      { minute: at(-70), metric: 'exited', value: 5 }, // outside every window shown
      { minute: at(-30), metric: 'exited', value: 2 },
      { minute: at(0), metric: 'exited', value: 1 },
      { minute: at(0), metric: 'arrived', value: 3 },
      { minute: at(0), metric: 'slot.on_time', value: 2 },
      { minute: at(0), metric: 'slot.late', value: 1 },
      { minute: at(-5), metric: 'queue.inbound', value: 4 },
      { minute: at(1), metric: 'queue.inbound', value: 6 },
      { minute: at(1), metric: 'channel.red', value: 1 },
    ];
    const samples = [{ direction: 'inbound', seconds: 600, at: at(-10) }, { direction: 'inbound', seconds: 1800, at: at(0) }, { direction: 'outbound', seconds: 300, at: at(-90) }];
    const series = buildSeries(at(0), at(2), rows, samples, { 'yard.occupied': 7 });
    assert.deepEqual(series.map((p) => p.minute.slice(11, 16)), ['08:00', '08:01', '08:02']);
    assert.deepEqual(series.map((p) => p.vehiclesPerHour), [3, 3, 3]);
    assert.deepEqual(series.map((p) => p.queue.inbound), [4, 6, 6], 'a gauge holds until its next value');
    assert.deepEqual(series.map((p) => p.yardOccupied), [7, 7, 7]);
    assert.deepEqual(series[0]!.clearance.inbound, { p50: 10, p90: 30, count: 2 });
    assert.deepEqual(series[0]!.clearance.outbound, { p50: null, p90: null, count: 0 });
    assert.deepEqual(series.map((p) => p.channelMix.red), [0, 1, 0]);
    assert.equal(series[0]!.slotAdherence, 0.667);
    assert.deepEqual([series[0]!.peoplePerHour, series[0]!.peopleMeasured], [0, false], 'people are not faked');
  });

  test('slot adherence and wait estimates', () => {
    assert.equal(slotAdherence(at(-31), t0, 30), 'early');
    assert.equal(slotAdherence(at(30), t0, 30), 'on_time');
    assert.equal(slotAdherence(at(31), t0, 30), 'late');
    assert.equal(estimatedWaitMinutes(12, 2, 12), 30);
    assert.equal(estimatedWaitMinutes(3, 0, 12), null);
  });
});
