import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { chainHash, contentHash, GENESIS_HASH } from './chain.ts';
import { toAuditRecord, type AuditRow } from './rows.ts';

/** The outcome of walking the chain. */
export interface AuditVerification {
  ok: boolean;
  records: number;
  /** The first record that does not verify, and why. */
  firstBad?: { seq: number; reason: string };
}

/**
 * Walks every record in order and recomputes its hash: a changed field, a removed or inserted
 * record, or a head that disagrees with the last record is reported at the first place it shows.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await sql<AuditRow>`select * from audit.records where seq >= ${expectedSeq} order by seq limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      const record = toAuditRecord(row);
      count++;
      if (record.seq !== expectedSeq) return bad(count, expectedSeq, `record ${expectedSeq} is missing (next is ${record.seq})`);
      if (record.prevHash !== prevHash) return bad(count, record.seq, 'previous-hash link does not match the record before it');
      const { seq: _seq, contentHash: storedContentHash, prevHash: _prev, hash, ...content } = record;
      if (contentHash(content) !== storedContentHash) return bad(count, record.seq, 'record content does not match its hash');
      if (chainHash(prevHash, storedContentHash) !== hash) return bad(count, record.seq, 'chain hash does not match the previous hash and the content');
      prevHash = hash;
      expectedSeq++;
    }
    if (page.rows.length < pageSize) break;
  }
  const head = await sql<{ seq: string; hash: string }>`select seq::text as seq, hash from audit.chain_head where id = 1`.execute(db);
  const h = head.rows[0];
  if (!h || Number(h.seq) !== expectedSeq - 1 || h.hash !== prevHash) {
    return bad(count, expectedSeq, `chain head (${h?.seq ?? 'missing'}) does not match the last record (${expectedSeq - 1})`);
  }
  return { ok: true, records: count };
}

function bad(records: number, seq: number, reason: string): AuditVerification {
  return { ok: false, records, firstBad: { seq, reason } };
}
