/**
 * Alert rules as pure functions over what happened and what the projections say now. Each
 * returns the alerts to raise (the store ignores one whose rule and subject is already open)
 * and, for conditions, the subjects whose alert can be resolved because the condition cleared.
 */
import type { Alert, AlertCandidate, AlertRule } from './model.ts';
import type { IocSettings } from './settings.ts';

/** What a condition rule decides: raise these, resolve the open alerts of these rule/subjects. */
export interface ConditionOutcome {
  raise: AlertCandidate[];
  clear: Array<{ rule: AlertRule; subject: string }>;
}

/** Queue lengths per direction and yard occupancy against their thresholds. */
export function gaugeRules(g: { queue: Record<string, number>; yardOccupied: number; yardCapacity: number }, s: IocSettings): ConditionOutcome {
  const out: ConditionOutcome = { raise: [], clear: [] };
  for (const [direction, n] of Object.entries(g.queue)) {
    if (n >= s.queueThreshold) {
      out.raise.push({ rule: 'queue_threshold', severity: 'warning', subject: direction, message: `${n} trucks waiting ${direction} (threshold ${s.queueThreshold})`, data: { direction, queue: n, threshold: s.queueThreshold } });
    } else out.clear.push({ rule: 'queue_threshold', subject: direction });
  }
  const ratio = g.yardCapacity > 0 ? g.yardOccupied / g.yardCapacity : 0;
  if (ratio >= s.yardFullRatio) {
    out.raise.push({ rule: 'yard_full', severity: 'critical', subject: 'yard', message: `Yard at ${Math.round(ratio * 100)} % (${g.yardOccupied} of ${g.yardCapacity})`, data: { occupied: g.yardOccupied, capacity: g.yardCapacity, ratio } });
  } else out.clear.push({ rule: 'yard_full', subject: 'yard' });
  return out;
}

/** Alerts that one event raises by itself. `channelOf` is the channel of the event's declaration, if known. */
export function eventRules(type: string, subject: string, data: Record<string, unknown>, channel: string | null): AlertCandidate[] {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (type) {
    case 'gate.barrier_unconfirmed':
      return [{ rule: 'barrier_unconfirmed', severity: 'critical', subject: str(data.deviceId) || subject, message: `Barrier ${str(data.deviceId) || subject} did not confirm the ${str(data.action) || 'last'} command`, data: { commandId: data.commandId ?? null, journeyId: data.journeyId ?? null } }];
    case 'exchange.message_dead_lettered':
      return [{ rule: 'exchange_dead_letter', severity: 'warning', subject, message: `Partner message ${subject} could not be delivered and was dead-lettered${data.reason ? `: ${str(data.reason)}` : ''}`, data: { reason: data.reason ?? null, messageType: data.messageType ?? data.type ?? null } }];
    case 'gate.arrived':
      if (channel !== 'red') return [];
      return [{ rule: 'red_truck_arrived', severity: 'warning', subject: str(data.journeyId) || subject, message: `Truck ${str(data.plate)} of red-channel declaration ${str(data.declarationId)} has arrived: inspection needed`, data: { plate: data.plate ?? null, declarationId: data.declarationId ?? null, direction: data.direction ?? null } }];
    case 'ledger.fork_detected':
      return [{ rule: 'ledger_fork', severity: 'critical', subject, message: `The transparency log of ${str(data.origin)} forked: ${str(data.reason)}`, data: { origin: data.origin ?? null, reason: data.reason ?? null } }];
    default:
      return [];
  }
}

/** Devices seen before and silent for longer than the setting. */
export function silenceRules(devices: Array<{ deviceId: string; lastSeen: Date }>, now: Date, s: IocSettings): ConditionOutcome {
  const out: ConditionOutcome = { raise: [], clear: [] };
  const limitMs = s.deviceSilentMinutes * 60_000;
  for (const d of devices) {
    const silentMs = now.getTime() - d.lastSeen.getTime();
    if (silentMs > limitMs) {
      out.raise.push({ rule: 'device_silent', severity: 'warning', subject: d.deviceId, message: `Device ${d.deviceId} silent for ${Math.floor(silentMs / 60_000)} min`, data: { lastSeen: d.lastSeen.toISOString() } });
    } else out.clear.push({ rule: 'device_silent', subject: d.deviceId });
  }
  return out;
}

/** Open (unacknowledged) alerts due for their next escalation. */
export function escalationsDue(alerts: readonly Alert[], now: Date, s: IocSettings): Alert[] {
  const stepMs = s.escalateAfterMinutes * 60_000;
  return alerts.filter((a) => {
    if (a.state !== 'open' || a.escalationLevel >= s.maxEscalationLevel) return false;
    const since = (a.escalatedAt ?? a.raisedAt).getTime();
    return now.getTime() - since >= stepMs;
  });
}

/** Measured vehicles/h against the forecast for this hour. */
export function driftRule(measured: number, expected: number | null, hourStart: Date, s: IocSettings): ConditionOutcome {
  const subject = 'vehicles_per_hour';
  if (expected === null || !Number.isFinite(expected) || expected < s.forecastMinVehicles) return { raise: [], clear: [{ rule: 'kpi_drift', subject }] };
  const gap = (measured - expected) / expected;
  if (Math.abs(gap) < s.forecastDriftRatio) return { raise: [], clear: [{ rule: 'kpi_drift', subject }] };
  const word = gap < 0 ? 'below' : 'above';
  return {
    raise: [{ rule: 'kpi_drift', severity: 'warning', subject, message: `Vehicles/h ${measured} is ${Math.round(Math.abs(gap) * 100)} % ${word} the forecast ${Math.round(expected)}`, data: { measured, expected, gap, hour: hourStart.toISOString() } }],
    clear: [],
  };
}
