/**
 * Feedback from customs: the `declaration.*` events this module consumes. An inspection result
 * becomes the label of the declaration version's latest assessment (and counts in the history
 * of its importer, declarant, HS codes, …); an `assessed` event marks which of our assessments
 * customs actually applied (an amendment in between makes customs discard a stale one).
 * Handlers run in the bus's delivery transaction and are idempotent: a redelivered event changes
 * nothing (the bus skips processed ids, and a version's label is written once).
 */
import type { Consumer } from '../../infra/events/index.ts';
import { assessments } from './store/assessments.ts';
import { history } from './store/history.ts';

/** The consumer's name: its checkpoint in the event bus is kept under it. */
export const RISK_FEEDBACK_CONSUMER = 'risk.feedback';

/** The prefix of the `assessor` this engine reports to customs, followed by the assessment id. */
export const ASSESSOR_PREFIX = 'risk-engine:';

/** Stores inspection results as labels and marks applied assessments. */
export function feedbackConsumer(): Consumer {
  return {
    name: RISK_FEEDBACK_CONSUMER,
    types: ['declaration.assessed', 'declaration.inspected'],
    async handle(event, tx) {
      const d = event.data;
      if (event.type === 'declaration.assessed') {
        if (typeof d.assessor === 'string' && d.assessor.startsWith(ASSESSOR_PREFIX)) await assessments.markApplied(tx, d.assessor.slice(ASSESSOR_PREFIX.length));
        return;
      }
      const outcome = d.outcome;
      if (outcome !== 'compliant' && outcome !== 'discrepancy') return;
      const declarationId = String(d.declarationId ?? event.subject);
      const version = Number(d.version);
      if (!Number.isInteger(version)) return;
      const assessment = await assessments.latestOf(tx, declarationId, version);
      await history.recordLabel(tx, { declarationId, version, outcome, at: new Date(event.occurredAt), eventId: event.id, assessment });
    },
  };
}
