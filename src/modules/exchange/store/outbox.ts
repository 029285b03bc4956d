import { sql } from 'kysely';
import type { Executor, Tx } from '../../../infra/db/index.ts';
import type { Envelope, SignedAck } from '../messages.ts';

/** A message in the outbox. */
export interface OutgoingMessage {
  id: string;
  partnerId: string;
  message: Envelope;
  contentSha256: string;
  state: 'pending' | 'acknowledged' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  acknowledgedAt: Date | null;
  ack: SignedAck | null;
  deadAt: Date | null;
}

interface OutboxRow {
  id: string; partner_id: string; message: Envelope; content_sha256: string; state: OutgoingMessage['state']; attempts: number;
  next_attempt_at: Date; last_error: string | null; acknowledged_at: Date | null; ack: SignedAck | null; dead_at: Date | null;
}

const toMessage = (r: OutboxRow): OutgoingMessage => ({
  id: r.id, partnerId: r.partner_id, message: r.message, contentSha256: r.content_sha256, state: r.state, attempts: r.attempts,
  nextAttemptAt: new Date(r.next_attempt_at), lastError: r.last_error, acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
  ack: r.ack, deadAt: r.dead_at ? new Date(r.dead_at) : null,
});

/** The durable outbox, one sequence per partner. */
export const outbox = {
  /** The sequence of the last message to this partner about this consignment, or null. */
  async lastSequence(tx: Tx, partnerId: string, consignmentRef: string): Promise<number | null> {
    const r = await sql<{ s: string | null }>`select max(sequence)::text as s from exchange.outbox where partner_id = ${partnerId} and consignment_ref = ${consignmentRef}`.execute(tx);
    return r.rows[0]?.s ? Number(r.rows[0].s) : null;
  },
  async insert(tx: Tx, rows: ReadonlyArray<{ m: Envelope; sha: string }>, now: Date): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map(({ m, sha }) => sql`(${m.id}, ${m.to}, ${m.type}, ${m.version}, ${m.sequence}, ${m.previousSequence}, ${m.consignmentRef}, ${m.createdAt}, ${JSON.stringify(m)}, ${sha}, 'pending', ${now})`);
    await sql`insert into exchange.outbox (id, partner_id, type, version, sequence, previous_sequence, consignment_ref, created_at, message, content_sha256, state, next_attempt_at)
      values ${sql.join(values)}`.execute(tx);
  },
  /** Pending messages due now, oldest sequence first. */
  async due(x: Executor, partnerId: string, now: Date, limit: number): Promise<OutgoingMessage[]> {
    const r = await sql<OutboxRow>`select * from exchange.outbox where partner_id = ${partnerId} and state = 'pending' and next_attempt_at <= ${now}
      order by sequence limit ${limit}`.execute(x);
    return r.rows.map(toMessage);
  },
  /** When the next pending message of a partner is due, or null when none is pending. */
  async nextDue(x: Executor, partnerId: string): Promise<Date | null> {
    const r = await sql<{ at: Date | null }>`select min(next_attempt_at) as at from exchange.outbox where partner_id = ${partnerId} and state = 'pending'`.execute(x);
    return r.rows[0]?.at ? new Date(r.rows[0].at) : null;
  },
  async byId(x: Executor, id: string, forUpdate = false): Promise<OutgoingMessage | null> {
    const r = forUpdate
      ? await sql<OutboxRow>`select * from exchange.outbox where id = ${id} for update`.execute(x)
      : await sql<OutboxRow>`select * from exchange.outbox where id = ${id}`.execute(x);
    return r.rows[0] ? toMessage(r.rows[0]) : null;
  },
  /** Marks messages acknowledged; returns the ids that were still pending. */
  async acknowledge(tx: Tx, acks: ReadonlyArray<{ id: string; ack: SignedAck }>, now: Date): Promise<Set<string>> {
    if (acks.length === 0) return new Set();
    const values = acks.map((a) => sql`(${a.id}, ${JSON.stringify(a.ack)})`);
    const r = await sql<{ id: string }>`update exchange.outbox o set state = 'acknowledged', acknowledged_at = ${now}, ack = v.ack::jsonb, attempts = o.attempts + 1, last_error = null
      from (values ${sql.join(values)}) as v(id, ack) where o.id = v.id and o.state = 'pending' returning o.id`.execute(tx);
    return new Set(r.rows.map((x) => x.id));
  },
  async failed(tx: Tx, id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await sql`update exchange.outbox set attempts = attempts + 1, last_error = ${error}, next_attempt_at = ${nextAttemptAt} where id = ${id} and state = 'pending'`.execute(tx);
  },
  async deadLetter(tx: Tx, id: string, error: string, now: Date): Promise<void> {
    await sql`update exchange.outbox set state = 'dead', attempts = attempts + 1, last_error = ${error}, dead_at = ${now} where id = ${id} and state = 'pending'`.execute(tx);
  },
  async revive(tx: Tx, id: string, now: Date): Promise<void> {
    await sql`update exchange.outbox set state = 'pending', attempts = 0, dead_at = null, next_attempt_at = ${now} where id = ${id} and state = 'dead'`.execute(tx);
  },
  async list(x: Executor, q: { partnerId?: string; state?: string; consignmentRef?: string; type?: string; newestFirst?: boolean; limit: number }): Promise<OutgoingMessage[]> {
    const r = await sql<OutboxRow>`select * from exchange.outbox where true
      ${q.partnerId ? sql`and partner_id = ${q.partnerId}` : sql``} ${q.state ? sql`and state = ${q.state}` : sql``}
      ${q.consignmentRef ? sql`and consignment_ref = ${q.consignmentRef}` : sql``} ${q.type ? sql`and type = ${q.type}` : sql``}
      ${q.newestFirst ? sql`order by created_at desc, partner_id, sequence desc` : sql`order by partner_id, sequence`} limit ${q.limit}`.execute(x);
    return r.rows.map(toMessage);
  },
};
