import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test, type TestContext } from 'node:test';
import {
  commitEvents,
  committedEvents,
  maxDeliveries,
  quietLog,
  receivedBy,
  recordDelivery,
  recordingConsumer,
  sharedEventsDatabase,
  unitOfWork,
} from '../../../test/events/support.ts';
import { systemContext } from '../auth/index.ts';
import { sql, type Db } from '../db/index.ts';
import { EventBus, type EventBusOptions } from './bus.ts';
import { appendEvents } from './outbox.ts';

function newBus(t: TestContext, db: Db, options: EventBusOptions = {}): EventBus {
  const bus = new EventBus(db, quietLog, { pollMs: 20, retryBaseMs: 10, drainTimeoutMs: 30_000, ...options });
  t.after(() => bus.stop());
  return bus;
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`EventBus on ${kind}`, () => {
    const setup = sharedEventsDatabase(kind);
    test('delivers every committed event in order to each consumer, filtered by type', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const bus = newBus(t, db);
      bus.subscribe(recordingConsumer('everything'));
      bus.subscribe(recordingConsumer('gate', ['gate.entered']));
      bus.subscribe(recordingConsumer('customs', ['declaration.submitted', 'declaration.released']));
      const uow = unitOfWork(db, bus);
      for (let i = 0; i < 5; i++) {
        await commitEvents(uow, [
          { type: 'declaration.submitted', subject: `decl_${i}` },
          { type: 'gate.entered', subject: `veh_${i}` },
          { type: 'declaration.released', subject: `decl_${i}` },
        ]);
      }
      await bus.drain();
      assert.equal((await committedEvents(db)).length, 15);
      assert.deepEqual(await receivedBy(db, 'everything'), await committedEvents(db));
      assert.deepEqual(await receivedBy(db, 'gate'), await committedEvents(db, ['gate.entered']));
      assert.deepEqual(await receivedBy(db, 'customs'), await committedEvents(db, ['declaration.submitted', 'declaration.released']));
      assert.equal(await maxDeliveries(db), 1);
    });

    test('a consumer that throws is retried and neither loses nor reorders events', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const bus = newBus(t, db);
      let attemptsOnThird = 0;
      bus.subscribe({
        name: 'flaky',
        types: '*',
        async handle(event, tx) {
          await recordDelivery(tx, 'flaky', event);
          // Fails after writing, twice: the row must roll back with the failed delivery.
          if (event.subject === 'decl_2' && ++attemptsOnThird <= 2) throw new Error('downstream unavailable');
        },
      });
      bus.subscribe(recordingConsumer('steady'));
      bus.start();
      const uow = unitOfWork(db, bus);
      for (let i = 0; i < 6; i++) await commitEvents(uow, [{ type: 'declaration.submitted', subject: `decl_${i}` }]);
      await bus.drain();
      assert.equal(attemptsOnThird, 3);
      assert.deepEqual(await receivedBy(db, 'flaky'), await committedEvents(db));
      assert.deepEqual(await receivedBy(db, 'steady'), await committedEvents(db));
      assert.equal(await maxDeliveries(db), 1);
    });

    test('a transaction that rolls back, or names an event badly, delivers nothing', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const bus = newBus(t, db);
      bus.subscribe(recordingConsumer('everything'));
      const uow = unitOfWork(db, bus);
      await assert.rejects(
        uow.run(systemContext(), async (w) => {
          w.emit({ type: 'declaration.submitted', subject: 'decl_lost', data: {} });
          w.audit({ action: 'test.events' });
          throw new Error('validation failed after emitting');
        }),
        /validation failed/,
      );
      await assert.rejects(commitEvents(uow, [{ type: 'Declaration Submitted', subject: 'decl_badly_named' }]), /noun\.verb/);
      await commitEvents(uow, [{ type: 'declaration.submitted', subject: 'decl_kept' }]);
      await bus.drain();
      const received = await receivedBy(db, 'everything');
      assert.equal(received.length, 1);
      assert.deepEqual(received, await committedEvents(db));
    });

    test('drain catches up on everything written while no bus was running', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const uow = unitOfWork(db, null);
      for (let i = 0; i < 5; i++) {
        await commitEvents(uow, Array.from({ length: 50 }, (_, j) => ({ type: 'plate.read', subject: `veh_${i}_${j}` })));
      }
      const bus = newBus(t, db, { batchSize: 40 });
      bus.subscribe(recordingConsumer('late'));
      await bus.drain();
      assert.equal((await receivedBy(db, 'late')).length, 250);
      assert.deepEqual(await receivedBy(db, 'late'), await committedEvents(db));
    });

    test('a restarted bus resumes from its checkpoint', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const uow = unitOfWork(db, null);
      const first = newBus(t, db);
      first.subscribe(recordingConsumer('projection'));
      for (let i = 0; i < 3; i++) await commitEvents(uow, [{ type: 'slot.booked', subject: `slot_${i}` }]);
      await first.drain();
      await first.stop();
      for (let i = 3; i < 6; i++) await commitEvents(uow, [{ type: 'slot.booked', subject: `slot_${i}` }]);
      const handled: string[] = [];
      const second = newBus(t, db);
      second.subscribe({ name: 'projection', types: '*', handle: async (e, tx) => (handled.push(e.subject), recordDelivery(tx, 'projection', e)) });
      await second.drain();
      assert.deepEqual(handled, ['slot_3', 'slot_4', 'slot_5']);
      assert.deepEqual(await receivedBy(db, 'projection'), await committedEvents(db));

      // A checkpoint rewound (restored backup, manual reset) re-offers events; dedup stops them.
      await sql`update platform.consumers set last_txid = '0', last_position = 0 where name = 'projection'`.execute(db);
      await second.drain();
      assert.deepEqual(handled, ['slot_3', 'slot_4', 'slot_5']);
      assert.equal(await maxDeliveries(db), 1);
    });

    test('pruning drops only what every consumer has passed, and never what it still needs', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const uow = unitOfWork(db, null);
      for (let i = 0; i < 4; i++) await commitEvents(uow, [{ type: 'slot.booked', subject: `slot_${i}` }]);
      const first = newBus(t, db);
      first.subscribe(recordingConsumer('projection'));
      first.subscribe(recordingConsumer('ledger'));
      await first.drain();
      for (let i = 4; i < 6; i++) await commitEvents(uow, [{ type: 'slot.booked', subject: `slot_${i}` }]);
      const future = new Date(Date.now() + 60_000);

      // A consumer that has never run holds the outbox back (it will start at the beginning);
      // the processed marks of the others go.
      const withNewcomer = newBus(t, db);
      for (const name of ['projection', 'ledger', 'newcomer']) withNewcomer.subscribe(recordingConsumer(name));
      assert.deepEqual(await withNewcomer.prune(future), { outbox: 0, processed: 8 });
      assert.equal((await committedEvents(db)).length, 6);

      // Old enough and passed by every consumer: gone. Not yet delivered: kept.
      assert.deepEqual(await first.prune(future), { outbox: 4, processed: 0 });
      const left = await committedEvents(db);
      assert.equal(left.length, 2);
      // Nothing younger than the cut-off goes, delivered or not.
      await first.drain();
      assert.deepEqual(await first.prune(new Date(Date.now() - 60_000)), { outbox: 0, processed: 0 });
      // The survivors are still delivered exactly once, and the checkpoints still hold.
      assert.deepEqual((await receivedBy(db, 'projection')).slice(-2), left);
      assert.equal(await maxDeliveries(db), 1);
    });

    test('two dispatchers on one database deliver each event once', async (t) => {
      const db = await setup(t);
      if (!db) return;
      const buses = [newBus(t, db), newBus(t, db)];
      for (const bus of buses) {
        bus.subscribe(recordingConsumer('shared'));
        bus.start();
      }
      await Promise.all(buses.map(async (bus) => {
        const uow = unitOfWork(db, bus);
        for (let i = 0; i < 20; i++) await commitEvents(uow, [{ type: 'gate.entered', subject: `veh_${i}` }]);
      }));
      await Promise.all(buses.map((bus) => bus.drain()));
      assert.deepEqual(await receivedBy(db, 'shared'), await committedEvents(db));
      assert.equal(await maxDeliveries(db), 1);
    });
  });
}

describe('EventBus on postgres, concurrent writers', () => {
  const setup = sharedEventsDatabase('postgres');
  test('a transaction that started earlier but commits later is not skipped', async (t) => {
    const db = await setup(t);
    if (!db) return;
    const bus = newBus(t, db);
    bus.subscribe(recordingConsumer('everything'));
    bus.start();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const slowWrote = new Promise<void>((resolve) => (written = resolve));
    // The slow transaction writes its event first (so it holds the older transaction id)...
    const slow = db.transaction().execute(async (tx) => {
      await appendEvents(tx, [{ id: 'evt_slow', type: 'declaration.submitted', subject: 'decl_slow', occurredAt: new Date(), data: {} }]);
      written();
      await held;
    });
    await slowWrote;
    // ...and a quick one commits while it is still open.
    await commitEvents(unitOfWork(db, bus), [{ type: 'declaration.submitted', subject: 'decl_quick' }]);
    await sleep(200);
    assert.deepEqual(await receivedBy(db, 'everything'), [], 'nothing moves past a transaction that may still commit');
    release();
    await slow;
    await bus.drain();
    const received = await receivedBy(db, 'everything');
    assert.equal(received.length, 2);
    assert.equal(received[0], 'evt_slow');
    assert.deepEqual(received, await committedEvents(db));
  });
});
