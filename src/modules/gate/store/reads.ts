import { typed, type Executor } from '../../../infra/db/index.ts';
import { json, type Tables } from './tables.ts';

/** Device reads (for idempotency) and the referrals officers resolve. */
export const reads = {
  /** The stored answer to a read already handled: same read id, or same value from the device within the window. */
  async duplicate(x: Executor, deviceId: string, readId: string, value: string, since: Date): Promise<unknown | null> {
    const r = await typed<Tables>(x).selectFrom('gate.reads').select('result').where('device_id', '=', deviceId)
      .where((eb) => eb.or([eb('read_id', '=', readId), eb.and([eb('value', '=', value), eb('received_at', '>=', since)])]))
      .orderBy('received_at', 'desc').limit(1).executeTakeFirst();
    return r ? r.result : null;
  },
  /** One handled read by its device and read id. */
  async byKey(x: Executor, deviceId: string, readId: string): Promise<{ kind: string; value: string; result: unknown } | null> {
    const r = await typed<Tables>(x).selectFrom('gate.reads').select(['kind', 'value', 'result']).where('device_id', '=', deviceId).where('read_id', '=', readId).executeTakeFirst();
    return r ?? null;
  },
  /** Records a handled read; false when a concurrent copy got there first. */
  async record(x: Executor, r: { deviceId: string; readId: string; kind: string; value: string; at: Date; receivedAt: Date; result: unknown }): Promise<boolean> {
    const res = await typed<Tables>(x).insertInto('gate.reads').values({
      device_id: r.deviceId, read_id: r.readId, kind: r.kind, value: r.value, at: r.at, received_at: r.receivedAt, result: json(r.result),
    }).onConflict((oc) => oc.columns(['device_id', 'read_id']).doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};

/** Reads the gate could not match by itself, waiting for an officer. */
export const referrals = {
  async insert(x: Executor, r: { id: string; deviceId: string; readId: string; reason: string; value: string; candidates: unknown; at: Date }): Promise<void> {
    await typed<Tables>(x).insertInto('gate.referrals').values({
      id: r.id, device_id: r.deviceId, read_id: r.readId, reason: r.reason, read_value: r.value, candidates: json(r.candidates), created_at: r.at, resolved_at: null, resolution: null,
    }).execute();
  },
  async byId(x: Executor, id: string, forUpdate = false) {
    let q = typed<Tables>(x).selectFrom('gate.referrals').selectAll().where('id', '=', id);
    if (forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? { id: r.id, deviceId: r.device_id, readId: r.read_id, reason: r.reason, read: r.read_value, candidates: r.candidates, createdAt: new Date(r.created_at), resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null } : null;
  },
  async resolve(x: Executor, id: string, at: Date, resolution: { by: string; reason: string; journeyId: string | null }): Promise<void> {
    await typed<Tables>(x).updateTable('gate.referrals').set({ resolved_at: at, resolution: json(resolution) }).where('id', '=', id).execute();
  },
  async open(x: Executor, limit: number) {
    const rows = await typed<Tables>(x).selectFrom('gate.referrals').selectAll().where('resolved_at', 'is', null).orderBy('created_at').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, deviceId: r.device_id, readId: r.read_id, reason: r.reason, read: r.read_value, candidates: r.candidates, createdAt: new Date(r.created_at) }));
  },
};
