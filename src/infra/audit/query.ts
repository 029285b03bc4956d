import type { Db } from '../db/index.ts';
import type { AuditRecord } from './chain.ts';
import { toAuditRecord, type AuditRow } from './rows.ts';

/** Filters for reading the audit trail (`actorId` also matches the actor's recorded name); `before` is the cursor (a record id) for the next page. */
export interface AuditQuery {
  actorId?: string;
  targetId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Newest first, one page; `next` is the cursor of the following page or null. */
export async function queryAudit(db: Db, q: AuditQuery): Promise<{ items: AuditRecord[]; next: string | null }> {
  let query = db.selectFrom('audit.records').selectAll().orderBy('id', 'desc').limit(q.limit + 1);
  // The actor as the auditor knows them: their id, or the name recorded with the action.
  if (q.actorId) {
    const actor = q.actorId;
    query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', '=', actor)]));
  }
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.before !== undefined) query = query.where('id', '<', q.before);
  const rows = (await query.execute()) as AuditRow[];
  const items = rows.slice(0, q.limit).map(toAuditRecord);
  const next = rows.length > q.limit ? String(items[items.length - 1]!.id) : null;
  return { items, next };
}
