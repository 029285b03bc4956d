import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { chainHash, contentHash, GENESIS_HASH } from './chain.ts';
import { toAuditRecord, type AuditRow } from './rows.ts';

/** The outcome of walking the chains. */
export interface AuditVerification {
  ok: boolean;
  records: number;
  /** The first record (by id) that does not verify, and why. */
  firstBad?: { id: number; chain: number; seq: number; reason: string };
}

interface Walk {
  prevHash: string;
  nextSeq: number;
}

/**
 * Reads every record in id order and checks it against its chain: the content against its
 * content hash, the link against the previous record of the same chain, and the sequence for
 * gaps. Finally each chain head must match its chain's last record. A changed field, a removed
 * or inserted record, or a rewritten head is reported at the first place it shows.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  const chains = new Map<number, Walk>();
  let afterId = 0;
  let count = 0;
  for (;;) {
    const page = await sql<AuditRow>`select * from audit.records where id > ${afterId} order by id limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      const record = toAuditRecord(row);
      count++;
      afterId = record.id;
      const walk = chains.get(record.chain) ?? { prevHash: GENESIS_HASH, nextSeq: 1 };
      const where = { id: record.id, chain: record.chain, seq: record.seq };
      if (record.seq !== walk.nextSeq) return bad(count, where, `record ${walk.nextSeq} of chain ${record.chain} is missing (next is ${record.seq})`);
      if (record.prevHash !== walk.prevHash) return bad(count, where, 'previous-hash link does not match the record before it');
      const { id: _id, chain: _chain, seq: _seq, contentHash: storedContentHash, prevHash: _prev, hash, ...content } = record;
      if (contentHash(content) !== storedContentHash) return bad(count, where, 'record content does not match its hash');
      if (chainHash(walk.prevHash, storedContentHash) !== hash) return bad(count, where, 'chain hash does not match the previous hash and the content');
      chains.set(record.chain, { prevHash: hash, nextSeq: walk.nextSeq + 1 });
    }
    if (page.rows.length < pageSize) break;
  }
  const heads = await sql<{ id: number; seq: string; hash: string }>`select id, seq::text as seq, hash from audit.chain_head order by id`.execute(db);
  for (const head of heads.rows) {
    const walk = chains.get(head.id) ?? { prevHash: GENESIS_HASH, nextSeq: 1 };
    if (Number(head.seq) !== walk.nextSeq - 1 || head.hash !== walk.prevHash) {
      return bad(count, { id: afterId, chain: head.id, seq: Number(head.seq) }, `chain ${head.id} head (${head.seq}) does not match its last record (${walk.nextSeq - 1}): records were removed from its end`);
    }
  }
  return { ok: true, records: count };
}

function bad(records: number, where: { id: number; chain: number; seq: number }, reason: string): AuditVerification {
  return { ok: false, records, firstBad: { ...where, reason } };
}
