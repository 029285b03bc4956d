/**
 * Crossing-slot capacity, pure. A 30-minute slot at a gate, in a direction and lane class, can
 * take as many trucks as our lanes clear in 30 minutes **and** as the partner side announced it
 * can take — and nothing while the partner side is closed. A slot is offered only when both
 * sides have room left.
 */
import type { Direction, GateId, LaneClass } from './model.ts';

/** Length of a crossing slot. */
export const SLOT_MS = 30 * 60_000;

/** Our lanes of one class at one gate and direction. */
export interface LaneConfig {
  lanes: number;
  trucksPerHourPerLane: number;
}

/** What the partner side announced for a period (exchange feeds it; an API input for now). */
export interface PartnerWindow {
  gate: GateId;
  direction: Direction;
  laneClass: LaneClass;
  from: Date;
  to: Date;
  /** Trucks the partner can take per 30-minute slot in this period; 0 means closed. */
  trucksPerSlot: number;
}

/** One slot as offered. */
export interface SlotOffer {
  start: Date;
  end: Date;
  ourCapacity: number;
  partnerCapacity: number;
  capacity: number;
  booked: number;
  available: number;
  /** Why the slot cannot be booked, when it cannot. */
  reason: 'partner_closed' | 'full' | 'past' | null;
}

/** The slot that contains an instant (slots start on the hour and half hour, UTC). */
export function slotStartOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / SLOT_MS) * SLOT_MS);
}

/** True when `at` is the start of a slot. */
export function isSlotStart(at: Date): boolean {
  return at.getTime() % SLOT_MS === 0;
}

/** Trucks our lanes clear in one slot. */
export function ourSlotCapacity(lanes: LaneConfig | undefined): number {
  return lanes ? Math.floor((lanes.lanes * lanes.trucksPerHourPerLane * SLOT_MS) / 3_600_000) : 0;
}

/**
 * The partner's capacity for the slot starting at `start`: the window covering the whole slot
 * (the latest announced wins when windows overlap); no window means the partner side is closed.
 */
export function partnerSlotCapacity(windows: readonly PartnerWindow[], start: Date): number {
  const end = start.getTime() + SLOT_MS;
  let found: number | null = null;
  for (const w of windows) if (w.from.getTime() <= start.getTime() && w.to.getTime() >= end) found = w.trucksPerSlot;
  return found ?? 0;
}

/** The slots from `from` (rounded down) for `count` slots, with what is left in each. */
export function offerSlots(input: {
  from: Date; count: number; now: Date; lanes: LaneConfig | undefined; windows: readonly PartnerWindow[]; booked: ReadonlyMap<number, number>;
}): SlotOffer[] {
  const out: SlotOffer[] = [];
  const first = slotStartOf(input.from).getTime();
  const ours = ourSlotCapacity(input.lanes);
  for (let i = 0; i < input.count; i++) {
    const start = new Date(first + i * SLOT_MS);
    const partner = partnerSlotCapacity(input.windows, start);
    const capacity = Math.min(ours, partner);
    const booked = input.booked.get(start.getTime()) ?? 0;
    const available = Math.max(0, capacity - booked);
    const reason = start.getTime() + SLOT_MS <= input.now.getTime() ? 'past' : partner === 0 ? 'partner_closed' : available === 0 ? 'full' : null;
    out.push({ start, end: new Date(start.getTime() + SLOT_MS), ourCapacity: ours, partnerCapacity: partner, capacity, booked, available: reason ? 0 : available, reason });
  }
  return out;
}
