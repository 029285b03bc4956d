import type { KeyObject } from 'node:crypto';
import type { HttpApp } from '../../infra/http/index.ts';
import { gateError } from './errors.ts';
import type { JourneyService } from './journey-service.ts';
import { readPass } from './pass.ts';
import { PassStatusBody } from './schema.ts';
import { presentDriverStatus } from './views.ts';

/**
 * The driver page's one question, without sign-in under /api/public/gate: the signed pass is the
 * capability, and the answer is that journey's status and wait only (no documents, no declaration).
 * POST keeps the pass out of URLs and access logs.
 */
export function publicRoutes(s: { journeys: JourneyService; passKey: KeyObject }) {
  return async (app: HttpApp) => {
    app.post('/pass-status', { schema: { tags: ['gate: public'], summary: 'A crossing pass\'s journey status and estimated wait (no sign-in)', body: PassStatusBody } }, async (req) => {
      const check = readPass(req.body.token, s.passKey, s.journeys.now());
      if (!check.ok) throw gateError('GATE_PASS_INVALID', `The pass is not valid (${check.reason.replace('_', ' ')})`, undefined, { reason: check.reason });
      const status = await s.journeys.driverStatus(check.claims.bookingId);
      if (!status) throw gateError('GATE_PASS_INVALID', 'The pass names no journey');
      return presentDriverStatus(status, check.claims.expiresAt);
    });
  };
}
