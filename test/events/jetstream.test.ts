import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { sql, type Db } from '../../src/infra/db/index.ts';
import { connectJetStream, EventBus, PUBLISHER_NAME, type JetStreamEvents } from '../../src/infra/events/index.ts';
import { createScratchDatabase, openTestDatabase } from '../support/db.ts';
import { serviceOrSkip, services } from '../support/services.ts';
import { killHard, runFixture } from './child.ts';
import { commitEvents, committedEvents, eventOwners, quietLog, unitOfWork } from './support.ts';

const SITE = 'VN-TEST';

interface Setup {
  db: Db;
  bus: EventBus;
  events: JetStreamEvents;
  jsm: JetStreamManager;
  stream: string;
  prefix: string;
  url: string;
}

/** A source database whose bus publishes to a stream of this test's own, deleted afterwards. */
async function setup(t: TestContext): Promise<Setup | null> {
  const url = serviceOrSkip(t, 'NATS_URL');
  if (!url) return null;
  const database = await openTestDatabase(t, services.databaseUrl ? 'postgres' : 'pglite', eventOwners);
  if (!database) return null;
  const run = randomBytes(4).toString('hex');
  const stream = `BF_TEST_${run}`;
  const prefix = `bftest.${run}.events`;
  const admin = await connect({ servers: url });
  const jsm = await jetstreamManager(admin);
  t.after(async () => {
    await jsm.streams.delete(stream).catch(() => false);
    await admin.close();
  });
  const events = await connectJetStream({ url, siteId: SITE, log: quietLog, stream, subjectPrefix: prefix });
  t.after(() => events.close());
  const bus = new EventBus(database.db, quietLog, { pollMs: 20 });
  bus.subscribe(events.publisher);
  t.after(() => bus.stop());
  return { db: database.db, bus, events, jsm, stream, prefix, url };
}

async function writeEvents(s: Setup, from: number, to: number): Promise<void> {
  const uow = unitOfWork(s.db, s.bus);
  for (let i = from; i < to; i++) {
    await commitEvents(uow, [
      { type: 'declaration.submitted', subject: `decl_${i}` },
      { type: 'gate.entered', subject: `veh_${i}` },
    ]);
  }
  await s.bus.drain();
}

describe('events over NATS JetStream', () => {
  test('each event is in the stream once, on its site and type subject, even when published again', async (t) => {
    const s = await setup(t);
    if (!s) return;
    assert.equal(await s.events.ping(), true);
    await writeEvents(s, 0, 10);
    const ids = await committedEvents(s.db);
    assert.equal((await s.jsm.streams.info(s.stream)).state.messages, 20);

    // A crash between publish and checkpoint looks like this: the publisher starts over.
    await sql`update platform.consumers set last_txid = '0', last_position = 0 where name = ${PUBLISHER_NAME}`.execute(s.db);
    await sql`delete from platform.processed_events where consumer = ${PUBLISHER_NAME}`.execute(s.db);
    await s.bus.drain();
    assert.equal((await s.jsm.streams.info(s.stream)).state.messages, 20, 'the re-publish was dropped as duplicate');

    const first = await s.jsm.streams.getMessage(s.stream, { seq: 1 });
    assert.ok(first);
    assert.equal(first.subject, `${s.prefix}.${SITE}.declaration.submitted`);
    assert.equal(first.header.get('Nats-Msg-Id'), ids[0]);
    assert.equal((first.json() as { id: string }).id, ids[0]);
    const last = await s.jsm.streams.getMessage(s.stream, { seq: 20 });
    assert.equal(last?.header.get('Nats-Msg-Id'), ids[19], 'published in outbox order');

    await s.events.close();
    assert.equal(await s.events.ping(), false, 'readiness reports a closed connection');
  });

  test('every start ensures the stream: nothing lost, changed settings applied', async (t) => {
    const s = await setup(t);
    if (!s) return;
    await writeEvents(s, 0, 3);
    const again = await connectJetStream({ url: s.url, siteId: SITE, log: quietLog, stream: s.stream, subjectPrefix: s.prefix, duplicateWindowMs: 60_000 });
    await again.close();
    const info = await s.jsm.streams.info(s.stream);
    assert.equal(info.state.messages, 6);
    assert.equal(info.config.duplicate_window, 60_000 * 1_000_000);
    assert.equal(info.config.storage, 'file');
    assert.deepEqual(info.config.subjects, [`${s.prefix}.>`]);
  });

  test('a consumer in another process gets every event in order and survives being killed', async (t) => {
    const s = await setup(t);
    if (!s) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'bf-remote-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const scratch = services.databaseUrl ? await createScratchDatabase(services.databaseUrl) : null;
    if (scratch) t.after(() => scratch.drop());
    const args = ['--nats', s.url, '--stream', s.stream, '--prefix', s.prefix, '--db', scratch?.url ?? path.join(dir, 'pgdata'), '--fail-once', 'decl_2'];

    await writeEvents(s, 0, 10);
    const firstIds = await committedEvents(s.db);
    const first = runFixture(t, 'remote-worker.ts', args);
    await first.waitFor(`HANDLED remote-all ${firstIds[7]}`);
    await killHard(first);

    await writeEvents(s, 10, 20);
    const all = await committedEvents(s.db);
    const customs = await committedEvents(s.db, ['declaration.submitted', 'declaration.released']);
    const second = runFixture(t, 'remote-worker.ts', args);
    await second.waitFor(`HANDLED remote-all ${all.at(-1)}`);
    await second.waitFor(`HANDLED remote-customs ${customs.at(-1)}`);
    second.child.kill('SIGTERM');
    const report = JSON.parse((await second.waitFor('REPORT')).slice('REPORT '.length)) as Record<string, unknown>;
    assert.equal(await second.exited, 0, `clean stop\n${second.stderr()}`);

    assert.equal(all.length, 40);
    assert.deepEqual(report['remote-all'], all, 'every event, once, in order, across the kill');
    assert.deepEqual(report['remote-customs'], customs, 'only its types, in order');
    assert.equal(report.maxDeliveries, 1);
  });
});
