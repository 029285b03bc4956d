/**
 * The yard queue, pure: who is called forward next, and how long each truck should expect to
 * wait. Trucks go in slot order; perishables go first, but only up to their quota of the calls,
 * so general cargo is never starved in fruit season.
 */
import type { LaneClass } from './model.ts';

/** A truck waiting in the yard. */
export interface QueuedTruck {
  journeyId: string;
  plate: string;
  laneClass: LaneClass;
  slotStart: Date;
  enteredYardAt: Date;
}

/** A truck in queue order with its estimated wait. */
export interface QueuePosition extends QueuedTruck {
  position: number;
  estimatedWaitMinutes: number;
}

/**
 * Orders the yard: earliest slot first (then earliest arrival, then id); a perishable truck jumps
 * ahead of general cargo while perishables have had at most `perishableQuota` (0–1) of the calls
 * so far in this ordering.
 */
export function orderYard(trucks: readonly QueuedTruck[], perishableQuota: number): QueuedTruck[] {
  const byTime = (a: QueuedTruck, b: QueuedTruck) =>
    a.slotStart.getTime() - b.slotStart.getTime() || a.enteredYardAt.getTime() - b.enteredYardAt.getTime() || a.journeyId.localeCompare(b.journeyId);
  const perishable = trucks.filter((t) => t.laneClass === 'perishable').sort(byTime);
  const other = trucks.filter((t) => t.laneClass !== 'perishable').sort(byTime);
  const out: QueuedTruck[] = [];
  let p = 0;
  let o = 0;
  let perishableCalls = 0;
  while (p < perishable.length || o < other.length) {
    const withinQuota = perishableCalls < perishableQuota * (out.length + 1);
    if (p < perishable.length && (withinQuota || o >= other.length)) {
      out.push(perishable[p++]!);
      perishableCalls++;
    } else {
      out.push(other[o++]!);
    }
  }
  return out;
}

/**
 * Positions and wait estimates: the k-th truck waits for k trucks to be served at the
 * downstream service rate (trucks per hour), plus the trucks already called forward.
 */
export function estimateWaits(ordered: readonly QueuedTruck[], opts: { trucksPerHour: number; alreadyCalled: number }): QueuePosition[] {
  const perTruck = opts.trucksPerHour > 0 ? 60 / opts.trucksPerHour : Infinity;
  return ordered.map((t, i) => ({ ...t, position: i + 1, estimatedWaitMinutes: Math.round((i + opts.alreadyCalled) * perTruck) }));
}
