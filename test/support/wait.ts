import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it holds, or fails naming what was awaited. For things that happen on their
 * own schedule (the live twin, a broker reconnecting, a page updating over the WebSocket). The
 * limit is wall-clock time, so a slow machine waits as long as a fast one, not a fixed number of
 * slower polls.
 */
export async function eventually(what: string, check: () => Promise<boolean> | boolean, o: { seconds?: number; everyMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (o.seconds ?? 15) * 1000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`still waiting for ${what} after ${o.seconds ?? 15} s`);
    await sleep(o.everyMs ?? 100);
  }
}
