import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { MinuteValue, ClearanceSample } from '../kpis.ts';
import { FINAL_STAGES, QUEUE_STAGES, YARD_STAGES, ON_SITE_STAGES } from '../model.ts';
import type { Tables, TruckRow } from './tables.ts';

/** A truck on the site picture. */
export interface TruckView {
  journeyId: string; plate: string; direction: string; laneClass: string; stage: string; since: Date;
}

const toTruck = (r: TruckRow): TruckView => ({ journeyId: r.journey_id, plate: r.plate, direction: r.direction, laneClass: r.lane_class, stage: r.stage, since: new Date(r.stage_at) });

/** The site projection: trucks and their stage, declarations' channels, devices, clearance samples. */
export const projection = {
  async upsertTruck(x: Executor, t: { journeyId: string; plate: string; direction: string; laneClass: string; stage: string; declarationId: string | null; slotStart: Date | null; at: Date }): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.trucks').values({
      journey_id: t.journeyId, plate: t.plate, direction: t.direction, lane_class: t.laneClass, stage: t.stage, declaration_id: t.declarationId,
      slot_start: t.slotStart, arrived_at: null, stage_at: t.at,
    }).onConflict((oc) => oc.column('journey_id').doNothing()).execute();
  },
  async truck(x: Executor, journeyId: string): Promise<TruckRow | null> {
    return (await typed<Tables>(x).selectFrom('ioc.trucks').selectAll().where('journey_id', '=', journeyId).executeTakeFirst()) ?? null;
  },
  /** Moves a truck to a stage; answers its row as it is now, or null when the projection has no such truck. */
  async moveTruck(x: Executor, journeyId: string, stage: string, at: Date, arrived: boolean): Promise<TruckRow | null> {
    return (await typed<Tables>(x).updateTable('ioc.trucks').set({ stage, stage_at: at, ...(arrived ? { arrived_at: at } : {}) })
      .where('journey_id', '=', journeyId).returningAll().executeTakeFirst()) ?? null;
  },
  async onSite(x: Executor, limit: number): Promise<TruckView[]> {
    const rows = await typed<Tables>(x).selectFrom('ioc.trucks').selectAll().where('stage', 'in', [...ON_SITE_STAGES]).orderBy('stage_at').limit(limit).execute();
    return rows.map(toTruck);
  },
  /** Trucks waiting, per direction and lane class. */
  async queue(x: Executor): Promise<Array<{ direction: string; laneClass: string; n: number }>> {
    const rows = await typed<Tables>(x).selectFrom('ioc.trucks').select(['direction', 'lane_class', (eb) => eb.fn.countAll<string>().as('n')])
      .where('stage', 'in', [...QUEUE_STAGES]).groupBy(['direction', 'lane_class']).execute();
    return rows.map((r) => ({ direction: r.direction, laneClass: r.lane_class, n: Number(r.n) }));
  },
  async yardOccupied(x: Executor): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('ioc.trucks').select((eb) => eb.fn.countAll<string>().as('n')).where('stage', 'in', [...YARD_STAGES]).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** Trucks waiting per direction and trucks in the yard, in one read (the projector does it per stage event). */
  async gauges(x: Executor): Promise<{ queue: Record<string, number>; yardOccupied: number }> {
    const rows = await typed<Tables>(x).selectFrom('ioc.trucks').select((eb) => [
      'direction',
      eb.fn.countAll<string>().filterWhere('stage', 'in', [...QUEUE_STAGES]).as('queue'),
      eb.fn.countAll<string>().filterWhere('stage', 'in', [...YARD_STAGES]).as('yard'),
    ]).where('stage', 'in', [...new Set([...QUEUE_STAGES, ...YARD_STAGES])]).groupBy('direction').execute();
    const queue: Record<string, number> = {};
    let yardOccupied = 0;
    for (const r of rows) {
      queue[r.direction] = Number(r.queue);
      yardOccupied += Number(r.yard);
    }
    return { queue, yardOccupied };
  },
  async countStageSince(x: Executor, stage: string, since: Date): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('ioc.trucks').select((eb) => eb.fn.countAll<string>().as('n')).where('stage', '=', stage).where('stage_at', '>=', since).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** Forgets trucks that reached a final stage (left, handed over, cancelled, no-show) before `before`; answers how many. */
  async pruneTrucks(x: Executor, before: Date): Promise<number> {
    const r = await typed<Tables>(x).deleteFrom('ioc.trucks').where('stage', 'in', [...FINAL_STAGES]).where('stage_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
  async setChannel(x: Executor, declarationId: string, channel: string, at: Date): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.declarations').values({ declaration_id: declarationId, channel, updated_at: at })
      .onConflict((oc) => oc.column('declaration_id').doUpdateSet({ channel, updated_at: at })).execute();
  },
  async channelOf(x: Executor, declarationId: string): Promise<string | null> {
    const r = await typed<Tables>(x).selectFrom('ioc.declarations').select('channel').where('declaration_id', '=', declarationId).executeTakeFirst();
    return r?.channel ?? null;
  },
  async seeDevice(x: Executor, deviceId: string, kind: string, at: Date, state: string | null): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.devices').values({ device_id: deviceId, kind, last_seen: at, state })
      .onConflict((oc) => oc.column('device_id').doUpdateSet({
        last_seen: sql<Date>`greatest(ioc.devices.last_seen, excluded.last_seen)`,
        kind: sql<string>`case when excluded.kind = 'unknown' then ioc.devices.kind else excluded.kind end`,
        state: sql<string | null>`coalesce(excluded.state, ioc.devices.state)`,
      })).execute();
  },
  async devices(x: Executor): Promise<Array<{ deviceId: string; kind: string; lastSeen: Date; state: string | null }>> {
    const rows = await typed<Tables>(x).selectFrom('ioc.devices').selectAll().orderBy('device_id').execute();
    return rows.map((r) => ({ deviceId: r.device_id, kind: r.kind, lastSeen: new Date(r.last_seen), state: r.state }));
  },
  async addClearance(x: Executor, journeyId: string, direction: string, seconds: number, at: Date): Promise<void> {
    await typed<Tables>(x).insertInto('ioc.clearances').values({ journey_id: journeyId, direction, seconds, at }).onConflict((oc) => oc.column('journey_id').doNothing()).execute();
  },
  async clearances(x: Executor, from: Date, to: Date): Promise<ClearanceSample[]> {
    const rows = await typed<Tables>(x).selectFrom('ioc.clearances').select(['direction', 'seconds', 'at']).where('at', '>=', from).where('at', '<', to).orderBy('at').execute();
    return rows.map((r) => ({ direction: r.direction, seconds: Number(r.seconds), at: new Date(r.at) }));
  },
};

/** Per-minute KPI values. */
export const kpiMinutes = {
  /** Adds one to each metric's value of the minute. */
  async add(x: Executor, minute: Date, ...metrics: string[]): Promise<void> {
    if (metrics.length === 0) return;
    const counts = new Map<string, number>();
    for (const m of metrics) counts.set(m, (counts.get(m) ?? 0) + 1);
    await typed<Tables>(x).insertInto('ioc.kpi_minutes').values([...counts].map(([metric, value]) => ({ minute, metric, value })))
      .onConflict((oc) => oc.columns(['minute', 'metric']).doUpdateSet({ value: sql<number>`ioc.kpi_minutes.value + excluded.value` })).execute();
  },
  /** Sets the minute's value of each metric (gauges), in one statement. */
  async set(x: Executor, minute: Date, values: Record<string, number>): Promise<void> {
    const rows = Object.entries(values).map(([metric, value]) => ({ minute, metric, value }));
    if (rows.length === 0) return;
    await typed<Tables>(x).insertInto('ioc.kpi_minutes').values(rows)
      .onConflict((oc) => oc.columns(['minute', 'metric']).doUpdateSet({ value: sql<number>`excluded.value` })).execute();
  },
  async range(x: Executor, from: Date, to: Date): Promise<MinuteValue[]> {
    const rows = await typed<Tables>(x).selectFrom('ioc.kpi_minutes').selectAll().where('minute', '>=', from).where('minute', '<=', to).execute();
    return rows.map((r) => ({ minute: new Date(r.minute), metric: r.metric, value: Number(r.value) }));
  },
  /** The last value of each metric before an instant. */
  async lastBefore(x: Executor, metrics: readonly string[], before: Date): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const metric of metrics) {
      const r = await typed<Tables>(x).selectFrom('ioc.kpi_minutes').select('value').where('metric', '=', metric).where('minute', '<', before).orderBy('minute', 'desc').limit(1).executeTakeFirst();
      if (r) out[metric] = Number(r.value);
    }
    return out;
  },
};
