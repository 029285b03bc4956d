import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { createScratchDatabase } from '../support/db.ts';
import { serviceOrSkip } from '../support/services.ts';
import { killHard, runFixture } from './child.ts';

interface Report {
  committed: string[];
  maxDeliveries: number;
  [consumer: string]: unknown;
}
const CONSUMERS = ['projection', 'notifier', 'tally'] as const;

/**
 * Done when: killing the process (SIGKILL) while events are being dispatched and starting it
 * again delivers every committed event to every consumer, none twice after dedup.
 */
async function crashAndRestart(t: TestContext, db: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bf-crash-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const attempts = path.join(dir, 'attempts.log');

  const writer = runFixture(t, 'worker.ts', ['--mode', 'write', '--db', db, '--attempts', attempts]);
  const paused = await writer.waitFor('PAUSED');
  await killHard(writer);
  const deliveredBeforeKill = Number(/delivered=(\d+)/.exec(paused)![1]);
  // Events whose commit had returned to the writer before the kill: all of them must survive.
  const acknowledged = Math.max(0, ...writer.lines().map((l) => Number(/^COMMITTED (\d+)/.exec(l)?.[1] ?? 0)));

  const restarted = runFixture(t, 'worker.ts', ['--mode', 'drain', '--db', db, '--attempts', attempts]);
  const report = JSON.parse((await restarted.waitFor('REPORT')).slice('REPORT '.length)) as Report;
  assert.equal(await restarted.exited, 0, restarted.stderr());

  assert.ok(acknowledged > 0 && report.committed.length >= acknowledged, `every acknowledged commit survived (${acknowledged} acknowledged)`);
  assert.ok(deliveredBeforeKill > 0 && deliveredBeforeKill < report.committed.length, 'the kill landed mid-dispatch');
  for (const name of CONSUMERS) {
    const { expected, received } = report[name] as { expected: string[]; received: string[] };
    assert.ok(expected.length > 0);
    assert.deepEqual(received, expected, `${name} received every committed event, once, in order`);
  }
  assert.equal(report.maxDeliveries, 1, 'no consumer recorded an event twice');

  // The batch the kill interrupted was handled once before the crash and again after it:
  // offered twice, recorded once.
  const tries = new Map<string, number>();
  for (const line of readFileSync(attempts, 'utf8').split('\n').filter(Boolean)) tries.set(line, (tries.get(line) ?? 0) + 1);
  const retried = [...tries].filter(([key, n]) => key.startsWith('tally ') && n > 1);
  assert.ok(retried.length >= 2, `the interrupted batch was offered again after restart (retried: ${retried.length})`);
}

describe('events survive SIGKILL mid-dispatch', { concurrency: true }, () => {
  test('on PostgreSQL', async (t) => {
    const base = serviceOrSkip(t, 'DATABASE_URL');
    if (!base) return;
    const scratch = await createScratchDatabase(base);
    t.after(() => scratch.drop());
    await crashAndRestart(t, scratch.url);
  });

  test('on PGlite with an on-disk data directory', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bf-crash-pglite-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    await crashAndRestart(t, path.join(dir, 'pgdata'));
  });
});
