/**
 * Checks at the entry barrier, pure: is the truck within its slot's window? Each check returns a
 * reason (never a bare boolean), so the barrier display and the gate page can say why a truck
 * is held.
 */
import type { Reason } from './reads.ts';
import { SLOT_MS } from './slots.ts';

/** The tolerances around a slot (settings). */
export interface SlotTolerance {
  slotEarlyToleranceMinutes: number;
  slotLateToleranceMinutes: number;
}

/** Why a truck is outside its slot window, with the minutes it is early or late. */
export interface SlotWindowProblem extends Reason {
  code: 'SLOT_TOO_EARLY' | 'SLOT_TOO_LATE';
  minutes: number;
}

const hhmm = (d: Date) => d.toISOString().slice(11, 16);

/**
 * The slot window check: a truck may enter from `early` minutes before its slot starts until
 * `late` minutes after it ends. Answers null inside the window.
 */
export function slotWindowProblem(slotStart: Date, now: Date, t: SlotTolerance): SlotWindowProblem | null {
  const opens = slotStart.getTime() - t.slotEarlyToleranceMinutes * 60_000;
  const closes = slotStart.getTime() + SLOT_MS + t.slotLateToleranceMinutes * 60_000;
  if (now.getTime() < opens) {
    const minutes = Math.ceil((slotStart.getTime() - now.getTime()) / 60_000);
    return { code: 'SLOT_TOO_EARLY', minutes, message: `${minutes} min before the booked slot ${hhmm(slotStart)} UTC (entry opens ${t.slotEarlyToleranceMinutes} min before it)` };
  }
  if (now.getTime() > closes) {
    const minutes = Math.floor((now.getTime() - slotStart.getTime() - SLOT_MS) / 60_000);
    return { code: 'SLOT_TOO_LATE', minutes, message: `${minutes} min after the booked slot ${hhmm(slotStart)} UTC ended (tolerance ${t.slotLateToleranceMinutes} min): an officer decides` };
  }
  return null;
}

/** What the declared containers say about a container read (null: nothing to object). */
export function containerMismatch(read: string, declared: readonly string[]): string | null {
  if (declared.length === 0 || declared.includes(read)) return null;
  return `container ${read} read, the declaration lists ${declared.join(', ')}`;
}
