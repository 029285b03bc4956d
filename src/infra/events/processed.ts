import { sql } from 'kysely';
import type { Tx } from '../db/index.ts';

/**
 * Records that `consumer` has handled `eventId`, inside the caller's transaction. Returns false
 * when it already had, so the caller skips the handler: a redelivered event (after a crash, a
 * JetStream redelivery or a reset checkpoint) changes nothing the second time. Because the row
 * commits with the handler's writes, "processed" and "its effects" can never disagree.
 */
export async function markProcessed(tx: Tx, consumer: string, eventId: string): Promise<boolean> {
  const fresh = await sql`insert into platform.processed_events (consumer, event_id) values (${consumer}, ${eventId})
    on conflict do nothing returning event_id`.execute(tx);
  return fresh.rows.length > 0;
}
