/**
 * The digital twin of the crossing (issue 7, part A). The engine and the queue mode need no
 * domain module; the platform mode (later) may import modules only through their index.ts.
 */
export * from './engine/index.ts';
export * from './scenario/index.ts';
export * from './queue/index.ts';
export { runReplications, summariseReplications, type ReplicationSummary } from './replicate.ts';
export { runSimCommand, SIM_USAGE } from './cli.ts';
export { forecastHourly, type HourlyForecast, type ForecastHour } from './forecast.ts';
