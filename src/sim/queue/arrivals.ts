import { samplerOf, type RandomStream, type RandomStreams } from '../engine/index.ts';
// Scenario types only and the time helper: the worker threads must not load the schema (typebox, ajv).
import type { Scenario } from '../scenario/schema.ts';
import { minutesOf } from '../scenario/time.ts';

/**
 * Arrival times (minutes after midnight) of a non-homogeneous Poisson process whose rate is
 * constant within each hour: `perDay` spread over the hours in proportion to `weights`. Because
 * the exponential is memoryless, a draw that crosses an hour boundary restarts there at the next
 * hour's rate.
 */
export function hourlyArrivals(rng: RandomStream, perDay: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  if (total <= 0 || perDay <= 0) return out;
  for (let h = 0; h < 24; h++) {
    const rate = (perDay * weights[h]!) / total / 60;
    if (rate <= 0) continue;
    const end = (h + 1) * 60;
    let t = h * 60 - Math.log(1 - rng.next()) / rate;
    while (t < end) {
      out.push(t);
      t -= Math.log(1 - rng.next()) / rate;
    }
  }
  return out;
}

/** How a truck came to the gate. */
export type BookingOutcome = 'unbooked' | 'onTime' | 'early' | 'late' | 'noShow';

/** One truck of the day's demand with every random attribute drawn up front. */
export interface TruckTrip {
  flow: number;
  /** When the truck reaches the gate area (minutes after midnight). */
  arrival: number;
  /** When it may join the queue: its slot start when it came early, else its arrival. */
  callForward: number;
  booking: BookingOutcome;
  channel: 'green' | 'yellow' | 'red';
  scan: boolean;
  physical: boolean;
  agv: boolean;
}

/**
 * The day's trucks. All attributes are drawn in desired-time order from streams of their own, so
 * both policies see the same trucks with the same channels (common random numbers); only the
 * booking changes when they come.
 */
export function truckDemand(s: Scenario, random: RandomStreams): TruckTrip[] {
  const wanted: Array<{ flow: number; desired: number }> = [];
  s.trucks.flows.forEach((f, i) => {
    const rng = random.stream(`trucks.${i}.${f.direction}.${f.goodsClass}.arrivals`);
    for (const t of hourlyArrivals(rng, f.perDay, s.profiles[f.profile]!)) wanted.push({ flow: i, desired: t });
  });
  wanted.sort((a, b) => a.desired - b.desired || a.flow - b.flow);
  const attr = random.stream('trucks.attributes');
  const bookingRng = random.stream('trucks.booking');
  const earlyBy = samplerOf(s.booking.earlyBy), lateBy = samplerOf(s.booking.lateBy);
  const b = s.booking;
  const slot = b.slotMinutes;
  const open = minutesOf(s.hours.trucks.open), close = minutesOf(s.hours.trucks.close);
  const used = new Map<number, number>();
  const out: TruckTrip[] = [];
  for (const w of wanted) {
    const f = s.trucks.flows[w.flow]!;
    const u = attr.next(), c = f.channels;
    const channel = u < c.green ? 'green' : u < c.green + c.yellow ? 'yellow' : 'red';
    const insp = s.inspection[channel];
    const scan = attr.next() < insp.scan, physical = attr.next() < insp.physical;
    const agv = attr.next() < (f.agvShare ?? 0);
    const booked = bookingRng.next() < b.bookedShare;
    const v = bookingRng.next();
    const kind: BookingOutcome = v < b.noShow ? 'noShow' : v < b.noShow + b.early ? 'early' : v < b.noShow + b.early + b.late ? 'late' : 'onTime';
    const offset = bookingRng.next(), early = earlyBy(bookingRng), late = lateBy(bookingRng);
    const trip = { flow: w.flow, arrival: w.desired, callForward: w.desired, booking: 'unbooked' as BookingOutcome, channel, scan, physical, agv } satisfies TruckTrip;
    if (kind === 'noShow') trip.booking = 'noShow';
    if (s.policy === 'booked-slots' && booked) {
      let k = Math.floor(Math.max(w.desired, open) / slot);
      while ((used.get(k) ?? 0) >= b.slotCapacity && k * slot < close) k++;
      if (k * slot < close) {
        used.set(k, (used.get(k) ?? 0) + 1);
        const start = k * slot;
        trip.booking = kind;
        trip.arrival = kind === 'early' ? Math.max(0, start - early) : kind === 'late' ? start + slot + late : start + offset * slot;
        trip.callForward = kind === 'early' ? start : trip.arrival;
      }
    }
    out.push(trip);
  }
  return out;
}
