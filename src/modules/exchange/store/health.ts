import { sql } from 'kysely';
import type { Executor } from '../../../infra/db/index.ts';

/** Raw figures of one partner link, as the database has them. */
export interface LinkFigures {
  waiting: number;
  retrying: number;
  deadLettered: number;
  oldestWaitingCreatedAt: Date | null;
  lastAcknowledgedAt: Date | null;
  lastError: string | null;
  received: number;
  receivedPending: number;
  receivedFailed: number;
  lastReceivedAt: Date | null;
}

/** What the outbox and the inbox hold for one partner: the figures behind the link health. */
export async function linkFigures(x: Executor, partnerId: string): Promise<LinkFigures> {
  const out = await sql<{ waiting: string; retrying: string; dead: string; oldest: Date | null; acked: Date | null }>`
    select count(*) filter (where state = 'pending')::text as waiting, count(*) filter (where state = 'pending' and attempts > 0)::text as retrying,
      count(*) filter (where state = 'dead')::text as dead, min(created_at) filter (where state = 'pending') as oldest, max(acknowledged_at) as acked
    from exchange.outbox where partner_id = ${partnerId}`.execute(x);
  // The newest failure still standing: a pending message being retried, or a dead letter.
  const err = await sql<{ last_error: string }>`select last_error from exchange.outbox where partner_id = ${partnerId} and state in ('pending', 'dead') and last_error is not null
    order by coalesce(dead_at, next_attempt_at) desc limit 1`.execute(x);
  const inn = await sql<{ received: string; pending: string; failed: string; last: Date | null }>`
    select count(*)::text as received, count(*) filter (where state = 'pending')::text as pending, count(*) filter (where state = 'failed')::text as failed,
      max(received_at) as last
    from exchange.inbox where partner_id = ${partnerId}`.execute(x);
  const o = out.rows[0]!;
  const i = inn.rows[0]!;
  return {
    waiting: Number(o.waiting), retrying: Number(o.retrying), deadLettered: Number(o.dead),
    oldestWaitingCreatedAt: o.oldest ? new Date(o.oldest) : null, lastAcknowledgedAt: o.acked ? new Date(o.acked) : null, lastError: err.rows[0]?.last_error ?? null,
    received: Number(i.received), receivedPending: Number(i.pending), receivedFailed: Number(i.failed), lastReceivedAt: i.last ? new Date(i.last) : null,
  };
}
