import { Type } from 'typebox';
import { contextOf, requireRole, type HttpApp } from '../../../infra/http/index.ts';
import type { ModelEntry } from '../store/models.ts';
import { CalibrationBody, IdParams, ImportModelBody, TrainBody } from '../schema.ts';
import { RISK_EDITORS, RISK_READERS, type RiskServices } from './context.ts';

const tags = ['risk: models'];

/** A registered model as the API shows it (never the file itself). */
export const ModelView = Type.Object({
  id: Type.String(), version: Type.Integer(), format: Type.String(), featureSet: Type.String(), source: Type.String(), status: Type.String(),
  createdAt: Type.String(), createdBy: Type.Object({ id: Type.String(), name: Type.String() }), note: Type.String(),
  metrics: Type.Record(Type.String(), Type.Unknown()), sha256: Type.String(), activatedAt: Type.Union([Type.String(), Type.Null()]), activatedBy: Type.Union([Type.String(), Type.Null()]),
});

const present = (m: ModelEntry) => m;

/** The model registry and calibration under /api/risk. */
export function modelRoutes(s: RiskServices) {
  return async (app: HttpApp) => {
    const read = requireRole(...RISK_READERS);
    const edit = requireRole(...RISK_EDITORS);
    app.get('/models', {
      schema: { tags, summary: 'Registered models, newest first, with their metrics and status; and the stored inspection results they learn from' },
      preHandler: read,
    }, async () => {
      const items = (await s.registry.list()).map(present);
      return { items, active: items.find((m) => m.status === 'active')?.id ?? null, labels: await s.engine.labelCounts() };
    });
    app.get('/models/:id', { schema: { tags, summary: 'One registered model', params: IdParams, response: { 200: ModelView } }, preHandler: read }, async (req) =>
      present(await s.registry.get(req.params.id)));
    app.post('/models/train', {
      schema: { tags, summary: 'Train a model on every stored inspection result; it is registered as a candidate (supervisor; audited)', body: TrainBody, response: { 201: ModelView } },
      preHandler: edit,
    }, async (req, reply) => reply.status(201).send(present(await s.registry.train(contextOf(req), { seed: req.body.seed ?? 1, note: req.body.note ?? 'retrained from stored inspection results' }))));
    app.post('/models', {
      schema: { tags, summary: 'Register a model file; a file that does not load is refused with 422 and nothing is stored (supervisor; audited)', body: ImportModelBody, response: { 201: ModelView } },
      preHandler: edit,
    }, async (req, reply) => reply.status(201).send(present(await s.registry.register(contextOf(req), req.body.file, { note: req.body.note ?? 'imported' }))));
    app.post('/models/:id/activate', {
      schema: { tags, summary: 'Make this model the active one; a model that does not load is refused (422) and the active one stays (supervisor; audited)', params: IdParams, response: { 200: ModelView } },
      preHandler: edit,
    }, async (req) => present(await s.registry.activate(contextOf(req), req.params.id)));
    app.post('/models/:id/deactivate', {
      schema: { tags, summary: 'Retire the active model: scores come from the rules alone (supervisor; audited)', params: IdParams, response: { 200: ModelView } },
      preHandler: edit,
    }, async (req) => present(await s.registry.deactivate(contextOf(req), req.params.id)));
    app.get('/calibrations/current', { schema: { tags, summary: 'The calibration in use for the active model, and the thresholds assessments use now' }, preHandler: read }, async () => {
      const state = await s.engine.state();
      const t = state.ruleSet.config.thresholds;
      return {
        calibration: state.calibration,
        thresholds: state.calibration?.thresholds ?? { yellow: { score: t.yellow, tie: 0 }, red: { score: t.red, tie: 0 } },
        source: state.calibration ? 'calibration' : 'rule-set',
      };
    });
    app.post('/calibrations', {
      schema: { tags, summary: 'Calibrate the thresholds to target shares per channel on recent history (supervisor; audited)', body: CalibrationBody },
      preHandler: edit,
    }, async (req, reply) => reply.status(201).send(await s.calibrations.calibrate(contextOf(req), req.body)));
  };
}
