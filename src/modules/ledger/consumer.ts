import type { Consumer } from '../../infra/events/index.ts';
import type { LedgerLog } from './log-service.ts';
import { entryFromEvent, LOGGED_EVENT_TYPES } from './model.ts';

/** The consumer's name: its checkpoint in the event bus is kept under it. */
export const LEDGER_CONSUMER = 'ledger.append';

/**
 * Appends every logged event to the log inside the bus's delivery transaction: the entry commits
 * with the consumer's checkpoint and processed-event mark, so each event is logged exactly once,
 * in delivery order, and a crash between the two is impossible.
 */
export function ledgerConsumer(log: LedgerLog, types: readonly string[] = LOGGED_EVENT_TYPES): Consumer {
  return {
    name: LEDGER_CONSUMER,
    types,
    async handle(event, tx) {
      await log.append(tx, entryFromEvent(event));
    },
  };
}
