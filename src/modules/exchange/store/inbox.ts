import { sql } from 'kysely';
import type { Executor, Tx } from '../../../infra/db/index.ts';
import type { Envelope, SignedAck } from '../messages.ts';

/** A message received and acknowledged. */
export interface IncomingMessage {
  id: string;
  partnerId: string;
  message: Envelope;
  contentSha256: string;
  keyId: string;
  receivedAt: Date;
  ack: SignedAck;
  state: 'pending' | 'processed' | 'failed';
  processedAt: Date | null;
  /** Position in this site's processing order (per consignment it follows the sequence). */
  processedOrder: number | null;
  result: string | null;
}

interface InboxRow {
  id: string; partner_id: string; message: Envelope; content_sha256: string; key_id: string; received_at: Date; ack: SignedAck;
  state: IncomingMessage['state']; processed_at: Date | null; processed_order: string | null; result: string | null;
}

const toMessage = (r: InboxRow): IncomingMessage => ({
  id: r.id, partnerId: r.partner_id, message: r.message, contentSha256: r.content_sha256, keyId: r.key_id, receivedAt: new Date(r.received_at),
  ack: r.ack, state: r.state, processedAt: r.processed_at ? new Date(r.processed_at) : null,
  processedOrder: r.processed_order === null ? null : Number(r.processed_order), result: r.result,
});

/** An advance declaration (a partner's export declaration addressed to one of our importers). */
export interface AdvanceRow {
  partner_id: string; consignment_ref: string; message_id: string; importer_tax_id: string; declaration: unknown; received_at: Date;
}

/** The inbox: what partners sent us, and what has been processed. */
export const inbox = {
  async byId(x: Executor, id: string): Promise<IncomingMessage | null> {
    const r = await sql<InboxRow>`select * from exchange.inbox where id = ${id}`.execute(x);
    return r.rows[0] ? toMessage(r.rows[0]) : null;
  },
  /** What is stored under these ids, or under these partners' sequences. */
  async existing(x: Executor, keys: ReadonlyArray<{ id: string; partnerId: string; sequence: number }>): Promise<IncomingMessage[]> {
    if (keys.length === 0) return [];
    const ids = keys.map((k) => k.id);
    const pairs = keys.map((k) => sql`(${k.partnerId}, ${k.sequence}::bigint)`);
    const r = await sql<InboxRow>`select * from exchange.inbox where id in (${sql.join(ids)}) or (partner_id, sequence) in (${sql.join(pairs)})`.execute(x);
    return r.rows.map(toMessage);
  },
  /** Stores verified messages; returns the ids stored (a concurrent duplicate is left out). */
  async insert(tx: Tx, rows: ReadonlyArray<{ m: Envelope; sha: string; keyId: string; ack: SignedAck }>, now: Date): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const values = rows.map(({ m, sha, keyId, ack }) => sql`(${m.id}, ${m.from}, ${m.type}, ${m.version}, ${m.sequence}, ${m.previousSequence}, ${m.consignmentRef}, ${m.createdAt}, ${now}, ${JSON.stringify(m)}, ${sha}, ${keyId}, ${JSON.stringify(ack)}, 'pending')`);
    const r = await sql<{ id: string }>`insert into exchange.inbox (id, partner_id, type, version, sequence, previous_sequence, consignment_ref, created_at, received_at, message, content_sha256, key_id, ack, state)
      values ${sql.join(values)} on conflict do nothing returning id`.execute(tx);
    return new Set(r.rows.map((x) => x.id));
  },
  /**
   * Pending messages whose predecessor about the same consignment has been processed (or that
   * have none): the ones that may be processed now, in sequence order. A gap waits.
   */
  async ready(x: Executor, limit: number): Promise<IncomingMessage[]> {
    const r = await sql<InboxRow>`select i.* from exchange.inbox i where i.state = 'pending' and (i.previous_sequence is null or exists (
        select 1 from exchange.inbox p where p.partner_id = i.partner_id and p.sequence = i.previous_sequence and p.state <> 'pending'))
      order by i.partner_id, i.sequence limit ${limit}`.execute(x);
    return r.rows.map(toMessage);
  },
  /** Marks messages processed in the order given (their `processed_order`); returns the ids that were still pending. */
  async markProcessed(tx: Tx, done: ReadonlyArray<{ id: string; state: 'processed' | 'failed'; result: string }>, now: Date): Promise<Set<string>> {
    if (done.length === 0) return new Set();
    const orders = await sql<{ n: string }>`select nextval('exchange.processing_order')::text as n from generate_series(1, ${done.length})`.execute(tx);
    const nums = orders.rows.map((o) => Number(o.n)).sort((a, b) => a - b);
    const values = done.map((d, i) => sql`(${d.id}, ${d.state}, ${d.result}, ${nums[i]!}::bigint)`);
    const r = await sql<{ id: string }>`update exchange.inbox i set state = v.state, result = v.result, processed_at = ${now}, processed_order = v.ord
      from (values ${sql.join(values)}) as v(id, state, result, ord) where i.id = v.id and i.state = 'pending' returning i.id`.execute(tx);
    return new Set(r.rows.map((x) => x.id));
  },
  async list(x: Executor, q: { partnerId?: string; state?: string; consignmentRef?: string; type?: string; newestFirst?: boolean; limit: number }): Promise<IncomingMessage[]> {
    const r = await sql<InboxRow>`select * from exchange.inbox where true
      ${q.partnerId ? sql`and partner_id = ${q.partnerId}` : sql``} ${q.state ? sql`and state = ${q.state}` : sql``}
      ${q.consignmentRef ? sql`and consignment_ref = ${q.consignmentRef}` : sql``} ${q.type ? sql`and type = ${q.type}` : sql``}
      ${q.newestFirst ? sql`order by created_at desc, partner_id, sequence desc` : sql`order by partner_id, sequence`} limit ${q.limit}`.execute(x);
    return r.rows.map(toMessage);
  },
  async upsertAdvance(tx: Tx, a: AdvanceRow): Promise<void> {
    await sql`insert into exchange.advance_declarations (partner_id, consignment_ref, message_id, importer_tax_id, declaration, received_at)
      values (${a.partner_id}, ${a.consignment_ref}, ${a.message_id}, ${a.importer_tax_id}, ${JSON.stringify(a.declaration)}, ${a.received_at})
      on conflict (partner_id, consignment_ref) do update set message_id = excluded.message_id, importer_tax_id = excluded.importer_tax_id,
        declaration = excluded.declaration, received_at = excluded.received_at`.execute(tx);
  },
  async advanceFor(x: Executor, importerTaxId: string, limit: number): Promise<AdvanceRow[]> {
    return (await sql<AdvanceRow>`select * from exchange.advance_declarations where importer_tax_id = ${importerTaxId} order by received_at desc limit ${limit}`.execute(x)).rows;
  },
  async advanceByMessage(x: Executor, messageId: string): Promise<AdvanceRow | null> {
    return (await sql<AdvanceRow>`select * from exchange.advance_declarations where message_id = ${messageId}`.execute(x)).rows[0] ?? null;
  },
};

/** Counts per day, partner and type for the reconciliation report (days by the message's `createdAt`, UTC). */
export async function reconciliationCounts(x: Executor, from: Date, to: Date) {
  const out = await sql<{ day: string; partner: string; type: string; sent: string; acknowledged: string; pending: string; dead: string }>`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, partner_id as partner, type, count(*)::text as sent,
      count(*) filter (where state = 'acknowledged')::text as acknowledged, count(*) filter (where state = 'pending')::text as pending,
      count(*) filter (where state = 'dead')::text as dead
    from exchange.outbox where created_at >= ${from} and created_at < ${to} group by 1, 2, 3`.execute(x);
  const inn = await sql<{ day: string; partner: string; type: string; received: string; processed: string }>`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, partner_id as partner, type, count(*)::text as received,
      count(*) filter (where state <> 'pending')::text as processed
    from exchange.inbox where created_at >= ${from} and created_at < ${to} group by 1, 2, 3`.execute(x);
  return { out: out.rows, in: inn.rows };
}
