import { typed, type Executor } from '../../../infra/db/index.ts';
import type { PartnerExport } from '../engine/context.ts';
import { json, type Tables } from './tables.ts';

/** The partner's export data, by consignment reference and by the keys a declaration can be matched on. */
export const partnerExports = {
  /** Stores (or replaces) the record of a consignment reference with its match keys. */
  async upsert(x: Executor, record: PartnerExport, keys: string[]): Promise<void> {
    const db = typed<Tables>(x);
    await db.deleteFrom('risk.partner_exports').where('consignment_ref', '=', record.consignmentRef).execute();
    await db.insertInto('risk.partner_exports').values({
      consignment_ref: record.consignmentRef, received_at: new Date(record.receivedAt), source: record.source, record: json(record),
    }).execute();
    if (keys.length) await db.insertInto('risk.partner_keys').values(keys.map((key) => ({ key, consignment_ref: record.consignmentRef }))).execute();
  },
  /** The newest record matching any key, received in [since, until]. */
  async find(x: Executor, keys: readonly string[], since: Date, until: Date): Promise<PartnerExport | null> {
    if (keys.length === 0) return null;
    const r = await typed<Tables>(x).selectFrom('risk.partner_keys as k').innerJoin('risk.partner_exports as e', 'e.consignment_ref', 'k.consignment_ref')
      .select(['e.record']).where('k.key', 'in', [...keys]).where('e.received_at', '>=', since).where('e.received_at', '<=', until)
      .orderBy('e.received_at', 'desc').orderBy('e.consignment_ref').limit(1).executeTakeFirst();
    return r ? (r.record as PartnerExport) : null;
  },
  async byRef(x: Executor, ref: string): Promise<PartnerExport | null> {
    const r = await typed<Tables>(x).selectFrom('risk.partner_exports').select('record').where('consignment_ref', '=', ref).executeTakeFirst();
    return r ? (r.record as PartnerExport) : null;
  },
};
