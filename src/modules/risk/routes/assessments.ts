import { Type } from 'typebox';
import { requireRole, type HttpApp } from '../../../infra/http/index.ts';
import type { StoredAssessment } from '../store/assessments.ts';
import { AssessmentQuery, DriftQuery, IdParams } from '../schema.ts';
import { RISK_READERS, type RiskServices } from './context.ts';

const tags = ['risk: assessments'];

/** A stored assessment as the officer panel reads it: the result in full, the input on request. */
export function presentAssessment(a: StoredAssessment, withInput = true) {
  const r = a.result;
  return {
    id: a.id, declarationId: a.declarationId, version: a.version, assessedAt: a.assessedAt, applied: a.applied,
    channel: r.channel, score: r.score, ruleScore: r.ruleScore, modelScore: r.modelScore, scoreChannel: r.scoreChannel, forcedChannel: r.forcedChannel,
    thresholds: r.thresholds, tie: r.tie, ruleSet: r.ruleSet, model: r.model, calibration: r.calibration,
    reasons: r.reasons, contributions: r.contributions, resultSha256: a.resultSha256,
    ...(withInput ? { input: a.input } : {}),
  };
}

/** Assessments, reproduction and drift under /api/risk. */
export function assessmentRoutes(s: RiskServices) {
  return async (app: HttpApp) => {
    const read = requireRole(...RISK_READERS);
    app.get('/engine', { schema: { tags, summary: 'What assessments use now: rule-set version, active model, calibration' }, preHandler: read }, async () => {
      const st = await s.engine.state();
      return {
        ruleSet: { id: st.ruleSet.id, version: st.ruleSet.version, effectiveFrom: st.ruleSet.effectiveFrom },
        model: st.model ? { id: st.model.id, version: st.model.version } : null,
        calibration: st.calibration ? { id: st.calibration.id, thresholds: st.calibration.thresholds } : null,
        mode: st.model ? 'rules+model' : 'rules-only',
      };
    });
    app.get('/assessments', {
      schema: { tags, summary: "A declaration's assessments, newest first", querystring: AssessmentQuery, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }) } },
      preHandler: read,
    }, async (req) => ({ items: (await s.engine.ofDeclaration(req.query.declarationId)).map((a) => presentAssessment(a, false)) }));
    app.get('/assessments/:id', { schema: { tags, summary: 'One assessment: score, channel, reasons (vi/en/zh with numbers), model contributions, versions, input', params: IdParams }, preHandler: read }, async (req) =>
      presentAssessment(await s.engine.get(req.params.id)));
    app.post('/assessments/:id/reproduce', {
      schema: { tags, summary: 'Re-run a stored assessment from its stored input with the rule set, model and calibration it used, and compare', params: IdParams },
      preHandler: read,
    }, async (req) => s.engine.reproduce(req.params.id));
    app.get('/drift', { schema: { tags, summary: 'Score drift: PSI per ISO week against the active model\'s training scores', querystring: DriftQuery }, preHandler: read }, async (req) =>
      s.engine.drift(req.query.weeks ?? 12));
  };
}
