import { sql, typed, type Executor, type Tx } from '../../../infra/db/index.ts';
import type { CheckpointRow, Tables } from './tables.ts';

/** A checkpoint this log issued. */
export interface StoredCheckpoint {
  size: number;
  rootHash: Buffer;
  /** The signed note, as served. */
  note: string;
  issuedAt: Date;
}

/** A cosignature another party made on one of our checkpoints. */
export interface StoredCosignature {
  size: number;
  cosigner: string;
  keyId: string;
  /** POSIX seconds, from the cosignature. */
  signedAt: number;
  line: string;
}

const toCheckpoint = (r: CheckpointRow): StoredCheckpoint => ({ size: Number(r.size), rootHash: Buffer.from(r.root_hash), note: r.note, issuedAt: new Date(r.issued_at) });

/** Issued checkpoints. */
export const checkpoints = {
  /** Stores a checkpoint; a second issuer racing for the same size writes nothing (same size, same root). */
  async insert(x: Executor, c: StoredCheckpoint): Promise<void> {
    await typed<Tables>(x).insertInto('ledger.checkpoints')
      .values({ size: c.size, root_hash: c.rootHash, note: c.note, issued_at: c.issuedAt })
      .onConflict((oc) => oc.column('size').doNothing()).execute();
  },
  async latest(x: Executor): Promise<StoredCheckpoint | null> {
    const r = await typed<Tables>(x).selectFrom('ledger.checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    return r ? toCheckpoint(r) : null;
  },
  async bySize(x: Executor, size: number): Promise<StoredCheckpoint | null> {
    const r = await typed<Tables>(x).selectFrom('ledger.checkpoints').selectAll().where('size', '=', size).executeTakeFirst();
    return r ? toCheckpoint(r) : null;
  },
  /**
   * Thins the history issued before `before`: keeps the latest checkpoint, every checkpoint a
   * witness cosigned, and the last one of each hour; deletes the rest. Returns how many went.
   */
  async thin(x: Executor, before: Date): Promise<number> {
    const r = await sql`delete from ledger.checkpoints c
      where c.issued_at < ${before}
        and c.size < (select max(size) from ledger.checkpoints)
        and not exists (select 1 from ledger.cosignatures s where s.size = c.size)
        and exists (select 1 from ledger.checkpoints later
          where later.size > c.size and date_trunc('hour', later.issued_at at time zone 'UTC') = date_trunc('hour', c.issued_at at time zone 'UTC'))`.execute(x);
    return Number(r.numAffectedRows ?? 0);
  },
  /** Checkpoints with size > `after`, smallest first. */
  async after(x: Executor, after: number, limit: number): Promise<StoredCheckpoint[]> {
    const rows = await typed<Tables>(x).selectFrom('ledger.checkpoints').selectAll().where('size', '>', after).orderBy('size').limit(limit).execute();
    return rows.map(toCheckpoint);
  },
};

/** Cosignatures collected on our checkpoints. */
export const cosignatures = {
  async insert(tx: Tx, c: StoredCosignature, receivedAt: Date): Promise<void> {
    await typed<Tables>(tx).insertInto('ledger.cosignatures')
      .values({ size: c.size, cosigner: c.cosigner, key_id: c.keyId, signed_at: c.signedAt, line: c.line, received_at: receivedAt })
      .onConflict((oc) => oc.columns(['size', 'cosigner', 'key_id']).doUpdateSet({ signed_at: c.signedAt, line: c.line, received_at: receivedAt }))
      .execute();
  },
  async forSize(x: Executor, size: number): Promise<StoredCosignature[]> {
    const rows = await typed<Tables>(x).selectFrom('ledger.cosignatures').selectAll().where('size', '=', size).orderBy('cosigner').execute();
    return rows.map((r) => ({ size: Number(r.size), cosigner: r.cosigner, keyId: r.key_id, signedAt: Number(r.signed_at), line: r.line }));
  },
  /** The largest checkpoint size a cosigner (name and key id) has cosigned, or null. */
  async lastSize(x: Executor, cosigner: string, keyId: string): Promise<number | null> {
    const r = await typed<Tables>(x).selectFrom('ledger.cosignatures').select((eb) => eb.fn.max('size').as('size'))
      .where('cosigner', '=', cosigner).where('key_id', '=', keyId).executeTakeFirst();
    return r?.size === null || r?.size === undefined ? null : Number(r.size);
  },
};
