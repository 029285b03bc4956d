import type { Clock } from '../../infra/clock/index.ts';
import { writeInDelivery, type Consumer } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { FINAL_STATES, type JourneyCommand } from './journey.ts';
import { applyJourney } from './journey-writer.ts';
import { journeys } from './store/journeys.ts';

/** The consumer's name: its checkpoint in the event bus. */
export const GATE_CONSUMER = 'gate.customs';

/** Customs events that move journeys, and the command each gives. */
function commandFor(type: string, data: Record<string, unknown>): JourneyCommand | null {
  switch (type) {
    case 'declaration.released': return { kind: 'customs_release' };
    case 'declaration.held': return { kind: 'customs_stop', reason: `held by customs: ${String(data.reason ?? '')}` };
    case 'declaration.rejected': return { kind: 'customs_stop', reason: `rejected by customs: ${String(data.reason ?? '')}` };
    case 'declaration.cancelled': return { kind: 'cancel', reason: `declaration cancelled: ${String(data.reason ?? '')}` };
    default: return null;
  }
}

/**
 * Moves the journeys of a declaration when customs releases, holds, rejects or cancels it. Runs
 * in the bus's delivery transaction, so the journey, its events and audit commit with the
 * consumer's checkpoint: each customs event moves a journey exactly once.
 */
export function gateConsumer(clock: Clock, ids: IdGenerator): Consumer {
  return {
    name: GATE_CONSUMER,
    types: ['declaration.released', 'declaration.held', 'declaration.rejected', 'declaration.cancelled'],
    async handle(event, tx) {
      const cmd = commandFor(event.type, event.data);
      if (!cmd) return;
      await writeInDelivery(tx, { clock, ids, consumer: GATE_CONSUMER, event }, async (w) => {
        for (const j of await journeys.byDeclaration(tx, event.subject, true)) {
          if (FINAL_STATES.includes(j.state) && cmd.kind !== 'customs_release') continue;
          await applyJourney(w, j, cmd, 'customs');
        }
      });
    },
  };
}
