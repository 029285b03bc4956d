/** The audit-trail HTTP API as the audit page calls it (contract: docs/api.md, `/api/audit`). */
import { request } from '../api.ts';

/** One audit record as served. */
export interface AuditRecord {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  sourceIp: string | null;
  details: Record<string, unknown>;
}

/** What the auditor filters by; empty fields are ignored. Times are ISO 8601. */
export interface AuditFilter {
  actor?: string;
  target?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** One page of records, newest first. */
export function searchAudit(filter: AuditFilter, cursor: string | null, limit = 50): Promise<{ items: AuditRecord[]; next: string | null }> {
  const q = new URLSearchParams({ limit: String(limit) });
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  if (cursor) q.set('cursor', cursor);
  return request('GET', `/api/audit?${q}`);
}

/** Every record checked against its hash chain. */
export function verifyAudit(): Promise<{ ok: boolean; records: number; firstBad?: { id: number; chain: number; seq: number; reason: string } }> {
  return request('GET', '/api/audit/verify');
}
