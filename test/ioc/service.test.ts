// The IOC's services on a bare database (PGlite and PostgreSQL) with a ManualClock: events fed
// to the projector as the bus would deliver them, then the timer rules: forecast drift raised
// and cleared, device silence raised and cleared by the device's next report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditMigrations } from '../../src/infra/audit/index.ts';
import { ManualClock } from '../../src/infra/clock/index.ts';
import type { Db } from '../../src/infra/db/index.ts';
import { platformMigrations, UnitOfWork, type DomainEvent } from '../../src/infra/events/index.ts';
import { createIdGenerator } from '../../src/infra/ids/index.ts';
import { createLogger } from '../../src/infra/log/index.ts';
import { createIocModule, defaultIocSettings, iocMigrations, type IocModule } from '../../src/modules/ioc/index.ts';
import { openTestDatabase } from '../support/db.ts';

function harness(db: Db, expected: number | null) {
  const clock = new ManualClock('2026-11-23T10:00:00Z');
  const ids = createIdGenerator(clock);
  const ioc = createIocModule({
    db, uow: new UnitOfWork(db, null, clock, ids), clock, ids, log: createLogger('silent'), settings: defaultIocSettings(),
    site: { gate: 'VN-MONGCAI', yardCapacity: 100, lanes: [{ direction: 'inbound', laneClass: 'general', lanes: 2, trucksPerHourPerLane: 12 }] },
    forecast: { expectedVehiclesPerHour: () => expected },
  });
  let n = 0;
  /** Delivers one event to the projector in its own transaction, as the bus does. */
  const deliver = async (type: string, subject: string, data: Record<string, unknown>) => {
    const e: DomainEvent = { id: `evt_${++n}`, position: String(n), txid: String(n), type, subject, data, occurredAt: clock.now().toISOString() };
    await db.transaction().execute((tx) => ioc.consumer.handle(e, tx));
  };
  /** A truck booked, arrived now and gone `minutes` later. */
  const truckThrough = async (journeyId: string, minutes: number) => {
    const base = { journeyId, plate: `P-${journeyId}`, direction: 'inbound', declarationId: `decl_${journeyId}` };
    await deliver('gate.slot_booked', `bkg_${journeyId}`, { ...base, laneClass: 'general', slotStart: clock.now().toISOString() });
    await deliver('gate.arrived', journeyId, base);
    clock.advance(minutes * 60_000);
    await deliver('gate.exited', journeyId, base);
  };
  return { clock, ioc, deliver, truckThrough };
}

const rulesOf = async (ioc: IocModule) => (await ioc.alerts.list('unresolved')).map((a) => `${a.rule}:${a.subject}`);

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`IOC services (${kind})`, () => {
    test('throughput far below the forecast raises kpi_drift; catching up clears it', async (t) => {
      const database = await openTestDatabase(t, kind, [platformMigrations, auditMigrations, iocMigrations]);
      if (!database) return;
      const { clock, ioc, truckThrough } = harness(database.db, 20);
      for (let i = 0; i < 5; i++) await truckThrough(`jrn_${i}`, 2);
      clock.set('2026-11-23T10:40:00Z');
      const first = await ioc.tick();
      assert.equal(first.raised, 1);
      const [drift] = await ioc.alerts.list('unresolved');
      assert.equal(drift?.rule, 'kpi_drift');
      assert.match(drift!.message, /Vehicles\/h 5 is 75 % below the forecast 20/);
      assert.deepEqual(await ioc.tick(), { raised: 0, escalated: 0 }, 'an open alert is not raised again');

      for (let i = 5; i < 17; i++) await truckThrough(`jrn_${i}`, 1);
      assert.deepEqual(await rulesOf(ioc), ['kpi_drift:vehicles_per_hour'], 'still open until the timer looks again');
      await ioc.tick();
      assert.deepEqual(await rulesOf(ioc), [], '17 against 20 is within 30 %');
      const resolved = await ioc.alerts.list('resolved');
      assert.deepEqual(resolved.map((a) => a.id), [drift!.id]);
      const [point] = await ioc.picture.kpis(clock.now(), clock.now());
      assert.equal(point!.vehiclesPerHour, 17);
      assert.equal(point!.clearance.inbound.count, 17);
      assert.equal(point!.clearance.inbound.p90, 2);
    });

    test('a device silent too long raises device_silent; its next report clears it; without a forecast no drift', async (t) => {
      const database = await openTestDatabase(t, kind, [platformMigrations, auditMigrations, iocMigrations]);
      if (!database) return;
      const { clock, ioc, deliver } = harness(database.db, null);
      await deliver('gate.barrier_state', 'bar-1', { deviceId: 'bar-1', state: 'closed', commandId: null });
      clock.advance(10 * 60_000);
      assert.deepEqual(await ioc.tick(), { raised: 0, escalated: 0 }, 'exactly 10 minutes is not silent yet');
      clock.advance(60_000);
      await ioc.tick();
      assert.deepEqual(await rulesOf(ioc), ['device_silent:bar-1']);
      // An unconfirmed command is not a report: the alert stays.
      await deliver('gate.barrier_unconfirmed', 'bar-1', { deviceId: 'bar-1', action: 'open', commandId: 'cmd_1' });
      assert.deepEqual((await rulesOf(ioc)).sort(), ['barrier_unconfirmed:bar-1', 'device_silent:bar-1']);
      await deliver('gate.barrier_state', 'bar-1', { deviceId: 'bar-1', state: 'open', commandId: 'cmd_1' });
      assert.deepEqual(await rulesOf(ioc), ['barrier_unconfirmed:bar-1']);
      const picture = await ioc.picture.snapshot();
      assert.deepEqual(picture.devices.map((d) => [d.deviceId, d.kind, d.state, d.silent]), [['bar-1', 'barrier', 'open', false]]);
    });

    test('housekeeping forgets trucks that left a day ago; trucks on site and the KPIs stay', async (t) => {
      const database = await openTestDatabase(t, kind, [platformMigrations, auditMigrations, iocMigrations]);
      if (!database) return;
      const { clock, ioc, deliver, truckThrough } = harness(database.db, null);
      await truckThrough('jrn_gone', 5);
      const left = clock.now();
      await deliver('gate.arrived', 'jrn_here', { journeyId: 'jrn_here', plate: 'P-here', direction: 'inbound', declarationId: 'decl_here' });
      const trucks = async () => (await database.db.selectFrom('ioc.trucks' as never).select('journey_id' as never).orderBy('journey_id' as never).execute()).map((r) => (r as { journey_id: string }).journey_id);
      assert.equal(await ioc.prune(left), 0, 'left just now: kept');
      assert.deepEqual(await trucks(), ['jrn_gone', 'jrn_here']);
      assert.equal(await ioc.prune(new Date(left.getTime() + 1)), 1);
      assert.deepEqual(await trucks(), ['jrn_here'], 'the truck still on site stays however long it has been there');
      const [point] = await ioc.picture.kpis(left, left);
      assert.equal(point!.clearance.inbound.count, 1, 'its clearance sample still counts');
    });
  });
}
