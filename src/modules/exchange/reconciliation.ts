import type { Db } from '../../infra/db/index.ts';
import type { ReconciliationRow } from './model.ts';
import { reconciliationCounts } from './store/inbox.ts';

/** The reconciliation report: per day (of `createdAt`, UTC), partner and type, what we sent and what we received. */
export interface ReconciliationReport {
  from: string;
  to: string;
  rows: ReconciliationRow[];
  totals: Omit<ReconciliationRow, 'day' | 'partner' | 'type'>;
}

/**
 * Sent vs acknowledged vs received. Both sites run it over the same period: our `sent` and
 * `acknowledged` for a partner should equal the partner's `received`, and `pending` and
 * `deadLettered` say what is still owed.
 */
export async function reconciliation(db: Db, from: Date, to: Date): Promise<ReconciliationReport> {
  const c = await reconciliationCounts(db, from, to);
  const rows = new Map<string, ReconciliationRow>();
  const row = (day: string, partner: string, type: string) => {
    const k = `${day}|${partner}|${type}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { day, partner, type, sent: 0, acknowledged: 0, pending: 0, deadLettered: 0, received: 0, processed: 0 }));
    return r;
  };
  for (const o of c.out) Object.assign(row(o.day, o.partner, o.type), { sent: Number(o.sent), acknowledged: Number(o.acknowledged), pending: Number(o.pending), deadLettered: Number(o.dead) });
  for (const i of c.in) Object.assign(row(i.day, i.partner, i.type), { received: Number(i.received), processed: Number(i.processed) });
  const sorted = [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.partner.localeCompare(b.partner) || a.type.localeCompare(b.type));
  const totals = { sent: 0, acknowledged: 0, pending: 0, deadLettered: 0, received: 0, processed: 0 };
  for (const r of sorted) for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += r[k];
  return { from: from.toISOString(), to: to.toISOString(), rows: sorted, totals };
}
