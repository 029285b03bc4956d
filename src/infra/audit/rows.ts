import type { AuditRecord } from './chain.ts';

/** A row of `audit.records` as the driver returns it. */
export interface AuditRow {
  id: string | number;
  chain: number;
  seq: string | number;
  at: Date | string;
  actor_id: string | null;
  actor_name: string | null;
  role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  source_ip: string | null;
  details: Record<string, unknown>;
  content_hash: string;
  prev_hash: string;
  hash: string;
}

/** Maps a stored row to the record shape the hash is computed over. */
export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    chain: row.chain,
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    role: row.role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    requestId: row.request_id,
    sourceIp: row.source_ip,
    details: row.details,
    contentHash: row.content_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
