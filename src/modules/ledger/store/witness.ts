import { sql } from 'kysely';
import { typed, type Executor, type Tx } from '../../../infra/db/index.ts';
import type { PeerRow, Tables } from './tables.ts';

/** A peer checkpoint this witness cosigned. */
export interface PeerCheckpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  note: string;
  seenAt: Date;
}

/** Evidence of a fork, kept for the operators. */
export interface ForkRecord {
  id: string;
  origin: string;
  reason: string;
  detail: string;
  knownNote: string | null;
  offendingNote: string;
  proof: string[];
  detectedAt: Date;
}

const toPeer = (r: PeerRow): PeerCheckpoint => ({ origin: r.origin, size: Number(r.size), rootHash: Buffer.from(r.root_hash), note: r.note, seenAt: new Date(r.seen_at) });

/** The witness's view of peer logs. */
export const peers = {
  /** The largest checkpoint cosigned for `origin`, locked so one witness decision runs at a time per peer. */
  async lockLatest(tx: Tx, origin: string): Promise<PeerCheckpoint | null> {
    const r = await typed<Tables>(tx).selectFrom('ledger.peers').selectAll().where('origin', '=', origin).forUpdate().executeTakeFirst();
    return r ? toPeer(r) : null;
  },
  async latest(x: Executor, origin: string): Promise<PeerCheckpoint | null> {
    const r = await typed<Tables>(x).selectFrom('ledger.peers').selectAll().where('origin', '=', origin).executeTakeFirst();
    return r ? toPeer(r) : null;
  },
  async atSize(x: Executor, origin: string, size: number): Promise<PeerCheckpoint | null> {
    const r = await typed<Tables>(x).selectFrom('ledger.peer_checkpoints').selectAll().where('origin', '=', origin).where('size', '=', size).executeTakeFirst();
    return r ? toPeer(r) : null;
  },
  /** Records a cosigned checkpoint and makes it the latest when it is larger. */
  async record(tx: Tx, c: PeerCheckpoint): Promise<void> {
    const row = { origin: c.origin, size: c.size, root_hash: c.rootHash, note: c.note, seen_at: c.seenAt };
    await sql`insert into ledger.peers (origin, size, root_hash, note, seen_at)
      values (${row.origin}, ${row.size}, ${row.root_hash}, ${row.note}, ${row.seen_at})
      on conflict (origin) do update set size = excluded.size, root_hash = excluded.root_hash, note = excluded.note, seen_at = excluded.seen_at
      where ledger.peers.size <= excluded.size`.execute(tx);
    await typed<Tables>(tx).insertInto('ledger.peer_checkpoints').values(row)
      .onConflict((oc) => oc.columns(['origin', 'size']).doUpdateSet({ seen_at: row.seen_at })).execute();
  },
};

/** Fork evidence. */
export const forks = {
  async insert(tx: Tx, f: ForkRecord): Promise<void> {
    await typed<Tables>(tx).insertInto('ledger.forks').values({
      id: f.id, origin: f.origin, reason: f.reason, detail: f.detail, known_note: f.knownNote, offending_note: f.offendingNote, proof: f.proof, detected_at: f.detectedAt,
    }).execute();
  },
  async list(x: Executor, limit: number): Promise<ForkRecord[]> {
    const rows = await typed<Tables>(x).selectFrom('ledger.forks').selectAll().orderBy('detected_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id, origin: r.origin, reason: r.reason, detail: r.detail, knownNote: r.known_note, offendingNote: r.offending_note, proof: r.proof, detectedAt: new Date(r.detected_at),
    }));
  },
};
