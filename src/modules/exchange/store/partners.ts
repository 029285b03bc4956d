import { sql } from 'kysely';
import type { Executor, Tx } from '../../../infra/db/index.ts';
import type { MessageType } from '../messages.ts';
import type { Partner, PartnerKey } from '../model.ts';

interface PartnerRow {
  id: string; name: string; endpoint: string; keys: PartnerKey[]; sends: MessageType[]; receives: MessageType[];
  ledger_key: string | null; witness_key: string | null;
}

const toPartner = (r: PartnerRow): Partner => ({
  id: r.id, name: r.name, endpoint: r.endpoint, keys: r.keys, sends: r.sends, receives: r.receives, ledgerKey: r.ledger_key, witnessKey: r.witness_key,
});

/** Our own signing keys (the private halves stay in files under DATA_DIR/keys). */
export interface OwnKeyRow {
  key_id: string; public_key: string; key_file: string; valid_from: Date; valid_until: Date | null;
}

/** Partner configuration and our key ring. */
export const partners = {
  async list(x: Executor): Promise<Partner[]> {
    const r = await sql<PartnerRow>`select * from exchange.partners order by id`.execute(x);
    return r.rows.map(toPartner);
  },
  async byId(x: Executor, id: string): Promise<Partner | null> {
    const r = await sql<PartnerRow>`select * from exchange.partners where id = ${id}`.execute(x);
    return r.rows[0] ? toPartner(r.rows[0]) : null;
  },
  async upsert(tx: Tx, p: Partner, now: Date): Promise<void> {
    await sql`insert into exchange.partners (id, name, endpoint, keys, sends, receives, ledger_key, witness_key, updated_at)
      values (${p.id}, ${p.name}, ${p.endpoint}, ${JSON.stringify(p.keys)}, ${JSON.stringify(p.sends)}, ${JSON.stringify(p.receives)}, ${p.ledgerKey}, ${p.witnessKey}, ${now})
      on conflict (id) do update set name = excluded.name, endpoint = excluded.endpoint, keys = excluded.keys, sends = excluded.sends,
        receives = excluded.receives, ledger_key = excluded.ledger_key, witness_key = excluded.witness_key, updated_at = excluded.updated_at`.execute(tx);
  },
  async setKeys(tx: Tx, id: string, keys: PartnerKey[], now: Date): Promise<void> {
    await sql`update exchange.partners set keys = ${JSON.stringify(keys)}, updated_at = ${now} where id = ${id}`.execute(tx);
  },
  /** Takes the next outgoing sequence numbers for a partner; the row lock orders concurrent senders. */
  async takeSequences(tx: Tx, id: string, n: number): Promise<number> {
    const r = await sql<{ first: string }>`update exchange.partners set next_sequence = next_sequence + ${n} where id = ${id} returning (next_sequence - ${n})::text as first`.execute(tx);
    if (!r.rows[0]) throw new Error(`partner ${id} vanished`);
    return Number(r.rows[0].first);
  },
  async ownKeys(x: Executor): Promise<OwnKeyRow[]> {
    return (await sql<OwnKeyRow>`select * from exchange.own_keys order by valid_from, key_id`.execute(x)).rows;
  },
  async insertOwnKey(tx: Tx, k: OwnKeyRow): Promise<void> {
    await sql`insert into exchange.own_keys (key_id, public_key, key_file, valid_from, valid_until)
      values (${k.key_id}, ${k.public_key}, ${k.key_file}, ${k.valid_from}, ${k.valid_until}) on conflict (key_id) do nothing`.execute(tx);
  },
  async retireOwnKeys(tx: Tx, except: string, until: Date): Promise<void> {
    await sql`update exchange.own_keys set valid_until = ${until} where key_id <> ${except} and (valid_until is null or valid_until > ${until})`.execute(tx);
  },
};
