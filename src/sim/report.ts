import type { Interval, Summary } from './engine/index.ts';
import type { PlatformDayResult } from './platform/run.ts';
import type { QueueDayResult } from './queue/index.ts';
import type { ReplicationSummary } from './replicate.ts';

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number) => x.toFixed(1).padStart(8);

function summaryLines(title: string, rows: Record<string, Summary>): string[] {
  const out = [`${title} (minutes)`, `  ${pad('', 22)}${'n'.padStart(7)}${'mean'.padStart(8)}${'p50'.padStart(8)}${'p90'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`];
  for (const [k, s] of Object.entries(rows)) out.push(`  ${pad(k, 22)}${String(s.n).padStart(7)}${num(s.mean)}${num(s.p50)}${num(s.p90)}${num(s.p95)}${num(s.max)}`);
  return out;
}

/** The KPIs of one day as text for a terminal. */
export function formatDay(r: QueueDayResult | PlatformDayResult, wallTimeMs: number): string {
  const v = r.vehicles, p = r.people;
  const lines = [
    `scenario ${r.scenario} · seed ${r.seed} · mode ${r.mode} · policy ${r.policy} · ${r.date} · ${r.events} events in ${wallTimeMs.toFixed(0)} ms`,
    `trucks: ${v.served} served of ${v.arrived} arrived (demand ${v.demand}, no-shows ${v.noShows}, still inside at ${r.horizonHours} h: ${v.inSystemAtEnd}, manual fallbacks ${v.manualFallbacks})`,
    `booking: ${Object.entries(r.booking).map(([k, n]) => `${k} ${n}`).join(', ')}`,
    `people: ${p.served} served of ${p.arrived} arrived (referred from e-gates ${p.referred})`,
    ...summaryLines('truck clearance, plate read → release', r.clearanceMinutes),
    ...summaryLines('truck crossing, arrival → exit', r.truckCrossingMinutes),
    ...summaryLines('people crossing', r.peopleCrossingMinutes),
    `yard: max ${r.yard.maxOccupied} of ${r.yard.places} places`,
    `resources ${pad('', 14)}${'util'.padStart(7)}${'maxQ'.padStart(7)}${'meanQ'.padStart(8)}`,
    ...Object.keys(r.utilisation).map((k) => `  ${pad(k, 22)}${(r.utilisation[k]! * 100).toFixed(0).padStart(6)}%${String(r.queues[k]!.max).padStart(7)}${r.queues[k]!.mean.toFixed(2).padStart(8)}`),
  ];
  if (r.mode === 'platform') {
    const p = r.platform;
    lines.splice(1, 0, `platform: risk channels ${Object.entries(p.channels).map(([k, n]) => `${k} ${n}`).join(', ')}; ${p.requests} requests (${p.rejected} refused); reads referred ${p.referredReads}; held at entry ${p.heldAtEntry}, at exit ${p.heldAtExit}; declarations refused ${p.declarationsRefused}, bookings refused ${p.bookingsRefused}`);
    const g = (x: typeof p.gateClearance.inbound) => (x ? `${x.count} trucks, p50 ${x.p50Minutes ?? '–'} min, p90 ${x.p90Minutes ?? '–'} min` : 'n/a');
    lines.splice(2, 0, `gate clearance query (arrival → exit): inbound ${g(p.gateClearance.inbound)}; outbound ${g(p.gateClearance.outbound)}`);
    lines.push(`note: ${p.note}`);
  }
  return lines.join('\n');
}

const HEADLINE = [
  'vehicles.served', 'vehicles.inSystemAtEnd', 'people.served', 'clearanceMinutes.all.mean', 'clearanceMinutes.all.p50', 'clearanceMinutes.all.p90', 'clearanceMinutes.all.p95',
  'truckCrossingMinutes.all.mean', 'truckCrossingMinutes.all.p90', 'peopleCrossingMinutes.entry.p90', 'peopleCrossingMinutes.exit.p90', 'yard.maxOccupied',
];

/** Replication means and 95 % intervals as text: the headline KPIs, then every per-class and per-resource figure with --all. */
export function formatReplications(s: ReplicationSummary, wallTimeMs: number, all = false): string {
  const keys = all ? Object.keys(s.metrics) : HEADLINE.concat(Object.keys(s.metrics).filter((k) => k.startsWith('utilisation.') || /^clearanceMinutes\.[a-z]+\/[a-z0-9-]+\.p90$/.test(k)));
  const line = (k: string, iv: Interval) => `  ${pad(k, 44)}${iv.mean.toFixed(2).padStart(10)}   [${iv.lo.toFixed(2)}, ${iv.hi.toFixed(2)}]`;
  return [
    `scenario ${s.scenario} · mode ${s.mode} · policy ${s.policy} · ${s.replications} replications (seeds ${s.seeds.first}–${s.seeds.last}) on ${s.workers} worker(s) in ${(wallTimeMs / 1000).toFixed(2)} s`,
    `  ${pad('KPI', 44)}${'mean'.padStart(10)}   95 % interval`,
    ...keys.filter((k) => s.metrics[k]).map((k) => line(k, s.metrics[k]!)),
  ].join('\n');
}
