import type { Resource, Simulation } from '../engine/index.ts';
// Scenario types only and the time helper: the worker threads must not load the schema (typebox, ajv).
import type { Scenario } from '../scenario/schema.ts';
import { minutesOf } from '../scenario/time.ts';

/** A daily window [from, to) in minutes after midnight. */
interface Window {
  from: number;
  to: number;
}

/** How many units a resource has at a minute of the run, before failures. */
export type BaseCapacity = (minute: number) => number;

const DAY = 24 * 60;

function inDaily(w: Window, minute: number): boolean {
  const m = minute % DAY;
  return m >= w.from && m < w.to;
}

/** Units of `base` while the daily hours are open, none outside. */
export function duringHours(base: BaseCapacity, open: string, close: string): BaseCapacity {
  const w = { from: minutesOf(open), to: minutesOf(close) };
  return (minute) => (inDaily(w, minute) ? base(minute) : 0);
}

/** Units open during the daily hours, none outside. */
export function openHours(units: number, open: string, close: string): BaseCapacity {
  const w = { from: minutesOf(open), to: minutesOf(close) };
  return (minute) => (inDaily(w, minute) ? units : 0);
}

/** Staff on duty from the shift table (shifts repeat daily; overlapping shifts add up). */
export function onDuty(s: Scenario, role: 'customsOfficers' | 'borderGuards'): BaseCapacity {
  const shifts = s.staffing.map((x) => ({ from: minutesOf(x.from), to: minutesOf(x.to), n: x[role] }));
  return (minute) => shifts.reduce((sum, x) => sum + (inDaily(x, minute) ? x.n : 0), 0);
}

/** The same number of units all the time. */
export function always(units: number): BaseCapacity {
  return () => units;
}

/**
 * Drives a resource's capacity through the run: the base timeline (opening hours, shifts,
 * repeating every day) minus the units a failure takes down on the scenario's day. The capacity
 * is set at minute 0 and then at every minute where one of those inputs changes.
 */
export function scheduleCapacity(sim: Simulation, resource: Resource, key: string, base: BaseCapacity, s: Scenario, horizon: number): void {
  const downs = s.failures.flatMap((f) => (f.kind === 'resource-down' && f.resource === key ? [{ from: minutesOf(f.from), to: minutesOf(f.to), units: f.units }] : []));
  const points = new Set<number>([0]);
  for (let day = 0; day * DAY < horizon; day++) {
    for (let m = 0; m < DAY; m += 1) {
      const t = day * DAY + m;
      if (t > 0 && base(t) !== base(t - 1)) points.add(t);
    }
  }
  for (const d of downs) { points.add(d.from); points.add(d.to); }
  const capAt = (t: number) => Math.max(0, base(t) - downs.reduce((sum, d) => sum + (t >= d.from && t < d.to ? d.units : 0), 0));
  resource.setCapacity(capAt(0));
  for (const t of [...points].sort((a, b) => a - b)) {
    if (t > 0 && t < horizon) sim.at(t, () => resource.setCapacity(capAt(t)));
  }
}

/** Whether the partner link is down at a minute of the scenario's day. */
export function partnerLinkDown(s: Scenario): (minute: number) => boolean {
  const outages = s.failures.flatMap((f) => (f.kind === 'partner-link-down' ? [{ from: minutesOf(f.from), to: minutesOf(f.to) }] : []));
  return (minute) => outages.some((o) => minute >= o.from && minute < o.to);
}
