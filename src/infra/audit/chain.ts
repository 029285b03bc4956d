import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../db/index.ts';
import { canonicalJson, sha256Hex } from '../crypto/index.ts';
import { AUDIT_CHAINS } from './migrations.ts';

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

/** Who acted and from where. */
export interface AuditActor {
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  requestId: string | null;
  sourceIp: string | null;
}

/** The content of a record: what the content hash covers. */
export interface AuditContent extends AuditActor {
  at: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

/** A stored audit record: its content, its place in its chain and the hashes that bind them. */
export interface AuditRecord extends AuditContent {
  id: number;
  chain: number;
  seq: number;
  contentHash: string;
  prevHash: string;
  hash: string;
}

/** SHA-256 over the RFC 8785 canonical form of the record's content. */
export function contentHash(content: AuditContent): string {
  return sha256Hex(canonicalJson(content));
}

/** The chain link: SHA-256(previous hash ‖ content hash), both as 32 raw bytes. */
export function chainHash(prevHash: string, content: string): string {
  return sha256Hex(Buffer.concat([Buffer.from(prevHash, 'hex'), Buffer.from(content, 'hex')]));
}

/**
 * Appends one record inside the caller's transaction. The content hash is computed first; the
 * chain link is computed by the database in the one statement that takes the chain-head row
 * lock, so the lock is held only for that statement and the commit (call this last). The chain
 * is picked by the database session, so concurrent writers on different connections do not
 * wait for each other's commits, and one transaction's records stay in one chain, in order.
 * `alongside` is a data-modifying CTE run in the same statement (the unit of work's outbox rows).
 */
export async function appendAudit(tx: Tx, who: AuditActor, entry: AuditEntry, at: Date, alongside: RawBuilder<unknown> | null = null): Promise<{ id: number; chain: number; seq: number; hash: string }> {
  const content: AuditContent = {
    at: at.toISOString(),
    ...who,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? 'success',
    details: entry.details ?? {},
  };
  const ch = contentHash(content);
  const r = await sql<{ id: string; chain: number; seq: string; hash: string }>`
    with ${alongside ? sql`${alongside}, ` : sql``}head as (
      update audit.chain_head
      set seq = seq + 1, prev_hash = hash, hash = encode(sha256(decode(hash || ${ch}, 'hex')), 'hex')
      where id = pg_backend_pid() % ${sql.lit(AUDIT_CHAINS)}
      returning id, seq, prev_hash, hash
    )
    insert into audit.records (chain, seq, at, actor_id, actor_name, role, action, target_type, target_id, outcome, request_id, source_ip, details, content_hash, prev_hash, hash)
    select id, seq, ${content.at}::timestamptz, ${content.actorId}, ${content.actorName}, ${content.role}, ${content.action}, ${content.targetType}, ${content.targetId},
      ${content.outcome}, ${content.requestId}, ${content.sourceIp}, ${JSON.stringify(content.details)}::jsonb, ${ch}, prev_hash, hash
    from head
    returning id::text as id, chain, seq::text as seq, hash`.execute(tx);
  const row = r.rows[0];
  if (!row) throw new Error('audit chain head is missing');
  return { id: Number(row.id), chain: row.chain, seq: Number(row.seq), hash: row.hash };
}
