// Commit-to-push latency of the IOC's live WebSocket: trucks arrive one at a time through the
// gate's HTTP device-read endpoint; for each, the time from the read's 200 answer (its
// transaction committed) to the first WebSocket picture that shows the truck. Includes the
// event bus round (20 ms coalescing), the IOC projection and its push coalescing (100 ms),
// and building the picture. Also the time to answer GET /api/ioc/snapshot. PGlite and
// PostgreSQL. The goal from issue 7: ≤ 1 s from commit to screen.
import WebSocket from 'ws';
import { ManualClock } from '../src/infra/clock/index.ts';
import { call } from '../test/support/http.ts';
import { startPlatform } from '../test/support/platform.ts';
import { services } from '../test/support/services.ts';
import { prepareGate } from '../test/gate/support.ts';
import { arrive, bookTruck } from '../test/ioc/support.ts';

const TRUCKS = 30;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Prints commit-to-push p50/p95/max and snapshot latency per database. */
export async function run(): Promise<void> {
  const kinds: Array<'pglite' | 'postgres'> = services.databaseUrl ? ['pglite', 'postgres'] : ['pglite'];
  for (const kind of kinds) {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const bf = await startPlatform({ database: kind, clock });
    try {
      const h = await prepareGate(bf, clock);
      bf.platform.gate.settings.maxActiveBookingsPerEnterprise = TRUCKS;
      const plates: string[] = [];
      for (let i = 0; i < TRUCKS; i++) {
        const plate = `桂A${String(10_000 + i * 317).padStart(5, '0')}`;
        await bookTruck(h, plate, i, `2026-11-23T${String(9 + Math.floor(i / 8)).padStart(2, '0')}:00:00.000Z`);
        plates.push(plate);
      }
      clock.set('2026-11-23T08:55:00Z');
      const ws = new WebSocket(`${bf.url.replace('http', 'ws')}/api/ioc/live`, { headers: { authorization: `Bearer ${h.tokens.operator}` } });
      let waiting: { plate: string; resolve: (at: number) => void } | null = null;
      ws.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { data: { trucks: Array<{ plate: string }> } };
        if (waiting && msg.data.trucks.some((t) => t.plate === waiting!.plate)) waiting.resolve(performance.now());
      });
      await new Promise((r) => ws.once('message', r));
      const push: number[] = [];
      for (const [i, plate] of plates.entries()) {
        const seen = new Promise<number>((resolve) => (waiting = { plate, resolve }));
        await arrive(h, plate, `bench-${i}`);
        const committed = performance.now();
        push.push((await seen) - committed);
      }
      ws.close();
      const snap: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        await call(bf.url, 'GET', '/api/ioc/snapshot', { token: h.tokens.operator });
        snap.push(performance.now() - t0);
      }
      const f = (v: number) => `${v.toFixed(0)} ms`;
      console.log(`${kind.padEnd(9)} commit-to-push p50 ${f(pct(push, 50))}  p95 ${f(pct(push, 95))}  max ${f(Math.max(...push))}  (${TRUCKS} arrivals)   snapshot p50 ${f(pct(snap, 50))}  p95 ${f(pct(snap, 95))}`);
    } finally {
      await bf.close();
    }
  }
}
