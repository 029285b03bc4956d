import { simulateQueueDay } from './queue/run.ts';
import type { Scenario } from './scenario/index.ts';

/** Expected trucks in one hour of the scenario's day, per direction. */
export interface ForecastHour {
  /** Hour of the day, 0–23 (local time of the scenario's site, UTC+7). */
  hour: number;
  /** Trucks expected to reach the gate area in that hour. */
  arrivals: { import: number; export: number };
  /** Trucks expected through the exit barrier (or handed to an AGV) in that hour. */
  exits: { import: number; export: number };
}

/** The twin's hourly forecast of a scenario's day: the queue mode averaged over several seeds. */
export interface HourlyForecast {
  scenario: string;
  /** The scenario's date (local, UTC+7). */
  date: string;
  /** The seeds averaged: `seed … seed + replications − 1`. */
  seeds: number[];
  /** 24 entries, hour 0 to 23. */
  hours: ForecastHour[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Hourly expected vehicles per direction for a scenario's day: the queue mode run for `replications`
 * seeds from `seed`, arrivals and exits per hour averaged (one decimal). Deterministic for a
 * scenario and seed; ~0.1 s per replication for mong-cai-peak. Exits after midnight (trucks still
 * inside at 24:00 on a longer horizon) are left out: the forecast covers the scenario's day.
 */
export function forecastHourly(scenario: Scenario, seed = 1, replications = 5): HourlyForecast {
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError('replications must be a positive integer');
  const seeds = Array.from({ length: replications }, (_, i) => seed + i);
  const sum = { arrivals: { import: new Float64Array(24), export: new Float64Array(24) }, exits: { import: new Float64Array(24), export: new Float64Array(24) } };
  for (const s of seeds) {
    const { hourly } = simulateQueueDay(scenario, s);
    for (let h = 0; h < 24; h++) {
      for (const d of ['import', 'export'] as const) {
        sum.arrivals[d][h]! += hourly.arrived[d][h] ?? 0;
        sum.exits[d][h]! += hourly.exited[d][h] ?? 0;
      }
    }
  }
  const n = seeds.length;
  return {
    scenario: scenario.name, date: scenario.date, seeds,
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      arrivals: { import: r1(sum.arrivals.import[hour]! / n), export: r1(sum.arrivals.export[hour]! / n) },
      exits: { import: r1(sum.exits.import[hour]! / n), export: r1(sum.exits.export[hour]! / n) },
    })),
  };
}
