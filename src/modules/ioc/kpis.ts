/**
 * KPI arithmetic, pure: per-minute counters and gauges (stored in `ioc.kpi_minutes`) and
 * clearance samples become the series the IOC charts. Rates are over the trailing 60 minutes.
 */
import type { Direction } from './model.ts';

/** Counter metrics: added to in the minute something happens. */
export const COUNTERS = ['arrived', 'exited', 'channel.green', 'channel.yellow', 'channel.red', 'slot.on_time', 'slot.early', 'slot.late', 'slot.no_show'] as const;
/** Gauge metrics: the last value in a minute holds until the next. */
export const GAUGES = ['queue.inbound', 'queue.outbound', 'yard.occupied'] as const;
/** A stored metric name. */
export type Metric = (typeof COUNTERS)[number] | (typeof GAUGES)[number];

/** The minute an instant falls in. */
export function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** The p-th percentile (0–100) of the values by nearest rank, or null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Clearance time percentiles of one direction, in minutes. */
export interface ClearanceStats {
  p50: number | null;
  p90: number | null;
  /** Trucks cleared in the window. */
  count: number;
}

/** The KPIs at one minute. */
export interface KpiPoint {
  minute: string;
  /** Trucks that left the site (exit or AGV hand-over) in the trailing 60 minutes. */
  vehiclesPerHour: number;
  /** Trucks that arrived in the trailing 60 minutes. */
  arrivalsPerHour: number;
  /** Always 0 with `peopleMeasured: false` until a people module reports crossings. */
  peoplePerHour: number;
  peopleMeasured: boolean;
  /** Arrival to exit, per direction, of trucks that left in the trailing 60 minutes (minutes). */
  clearance: Record<Direction, ClearanceStats>;
  queue: Record<Direction, number>;
  yardOccupied: number;
  /** Declarations assessed in this minute, per channel. */
  channelMix: { green: number; yellow: number; red: number };
  /** Share of arrivals in the trailing 60 minutes within the on-time window of their slot; null without arrivals. */
  slotAdherence: number | null;
}

/** One stored minute value. */
export interface MinuteValue {
  minute: Date;
  metric: string;
  value: number;
}

/** One clearance sample: a truck that left. */
export interface ClearanceSample {
  direction: string;
  seconds: number;
  at: Date;
}

const HOUR = 60 * 60_000;

/**
 * Builds the series for every minute in [from, to]. `rows` and `samples` must cover the hour
 * before `from` too; `gaugesBefore` holds the gauges' last values before that.
 */
export function buildSeries(from: Date, to: Date, rows: readonly MinuteValue[], samples: readonly ClearanceSample[], gaugesBefore: Readonly<Record<string, number>>): KpiPoint[] {
  const byMinute = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const m = r.minute.getTime();
    let mm = byMinute.get(m);
    if (!mm) byMinute.set(m, (mm = new Map()));
    mm.set(r.metric, r.value);
  }
  const counter = (metric: string, fromMs: number, toMs: number) => {
    let sum = 0;
    for (let m = fromMs; m <= toMs; m += 60_000) sum += byMinute.get(m)?.get(metric) ?? 0;
    return sum;
  };
  const gauges: Record<string, number> = { ...gaugesBefore };
  // Gauges of the hour before `from` carry into the first point.
  const start = minuteOf(from).getTime();
  for (let m = start - HOUR; m < start; m += 60_000) for (const g of ['queue.inbound', 'queue.outbound', 'yard.occupied']) { const v = byMinute.get(m)?.get(g); if (v !== undefined) gauges[g] = v; }
  const out: KpiPoint[] = [];
  for (let m = start; m <= to.getTime(); m += 60_000) {
    const here = byMinute.get(m);
    for (const g of ['queue.inbound', 'queue.outbound', 'yard.occupied']) { const v = here?.get(g); if (v !== undefined) gauges[g] = v; }
    const windowFrom = m - HOUR + 60_000;
    const inWindow = samples.filter((s) => s.at.getTime() >= windowFrom && s.at.getTime() < m + 60_000);
    const stats = (d: Direction): ClearanceStats => {
      const mins = inWindow.filter((s) => s.direction === d).map((s) => s.seconds / 60);
      return { p50: round1(percentile(mins, 50)), p90: round1(percentile(mins, 90)), count: mins.length };
    };
    const onTime = counter('slot.on_time', windowFrom, m);
    const judged = onTime + counter('slot.early', windowFrom, m) + counter('slot.late', windowFrom, m);
    out.push({
      minute: new Date(m).toISOString(),
      vehiclesPerHour: counter('exited', windowFrom, m),
      arrivalsPerHour: counter('arrived', windowFrom, m),
      peoplePerHour: 0,
      peopleMeasured: false,
      clearance: { inbound: stats('inbound'), outbound: stats('outbound') },
      queue: { inbound: gauges['queue.inbound'] ?? 0, outbound: gauges['queue.outbound'] ?? 0 },
      yardOccupied: gauges['yard.occupied'] ?? 0,
      channelMix: { green: here?.get('channel.green') ?? 0, yellow: here?.get('channel.yellow') ?? 0, red: here?.get('channel.red') ?? 0 },
      slotAdherence: judged > 0 ? Math.round((onTime / judged) * 1000) / 1000 : null,
    });
  }
  return out;
}

function round1(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}

/** Whether an arrival kept its slot: early, on time or late against the on-time window. */
export function slotAdherence(arrivedAt: Date, slotStart: Date, onTimeMinutes: number): 'early' | 'on_time' | 'late' {
  const diff = (arrivedAt.getTime() - slotStart.getTime()) / 60_000;
  if (diff < -onTimeMinutes) return 'early';
  if (diff > onTimeMinutes) return 'late';
  return 'on_time';
}

/** Estimated wait in minutes for `waiting` trucks served by `lanes` lanes at `perLanePerHour`. */
export function estimatedWaitMinutes(waiting: number, lanes: number, perLanePerHour: number): number | null {
  const rate = lanes * perLanePerHour;
  if (rate <= 0) return null;
  return Math.round((waiting / rate) * 60);
}
