import { sql } from 'kysely';
import type { Tx } from '../db/index.ts';
import { canonicalJson, sha256Hex } from '../crypto/index.ts';

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a service says about a state change. */
export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: 'success' | 'denied' | 'failed';
  details?: Record<string, unknown>;
}

/** A stored audit record: who did what to which target, when, from where, chained by hash. */
export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  sourceIp: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** SHA-256 over the RFC 8785 form of every field but `hash` itself; `prevHash` links the chain. */
export function hashAuditRecord(record: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(canonicalJson(record));
}

/** Appends one record inside the caller's transaction, after the current chain head. */
export async function appendAudit(
  tx: Tx,
  who: { actorId: string | null; actorName: string | null; role: string | null; requestId: string | null; sourceIp: string | null },
  entry: AuditEntry,
  at: Date,
): Promise<AuditRecord> {
  const head = await sql<{ seq: string; hash: string }>`
    update audit.chain_head set seq = seq + 1 where id = 1 returning seq::text as seq, hash`.execute(tx);
  const h = head.rows[0];
  if (!h) throw new Error('audit chain head is missing');
  const base: Omit<AuditRecord, 'hash'> = {
    seq: Number(h.seq),
    at: at.toISOString(),
    actorId: who.actorId,
    actorName: who.actorName,
    role: who.role,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? 'success',
    requestId: who.requestId,
    sourceIp: who.sourceIp,
    details: entry.details ?? {},
    prevHash: h.hash,
  };
  const record: AuditRecord = { ...base, hash: hashAuditRecord(base) };
  await tx
    .insertInto('audit.records')
    .values({
      seq: record.seq,
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      role: record.role,
      action: record.action,
      target_type: record.targetType,
      target_id: record.targetId,
      outcome: record.outcome,
      request_id: record.requestId,
      source_ip: record.sourceIp,
      details: JSON.stringify(record.details),
      prev_hash: record.prevHash,
      hash: record.hash,
    })
    .execute();
  await sql`update audit.chain_head set hash = ${record.hash} where id = 1`.execute(tx);
  return record;
}
