// The model of Borderflow declarations: trained from labelled assessment inputs, deterministic,
// explained exactly, stored in a checked file that refuses to load when broken.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/infra/errors/index.ts';
import {
  BF_FEATURE_NAMES, declarationFeatures, evaluateRanking, parseDeclarationModel, scoreDeclaration, serializeDeclarationModel, serializeModel, trainDeclarationModel,
  trainKcsModel,
} from '../../src/modules/risk/index.ts';
import { shapValues } from '../../src/modules/risk/gbdt/shap.ts';
import { compiledMargin } from '../../src/modules/risk/gbdt/tree.ts';
import { simulateHistory } from './simulate.ts';
import { syntheticDeclarations } from './support.ts';

const history = simulateHistory(900, 3);
const model = trainDeclarationModel(history, { seed: 4 });

test('features are finite for every declaration and use only its stored input', () => {
  for (const r of history.slice(0, 200)) {
    const x = declarationFeatures(r.input);
    assert.equal(x.length, BF_FEATURE_NAMES.length);
    assert.ok(x.every(Number.isFinite));
    assert.deepEqual(declarationFeatures(structuredClone(r.input)), x, 'a copy of the input gives the same vector');
  }
});

test('the model learns the simulated signal on later declarations it never saw', () => {
  const later = simulateHistory(1300, 3).slice(900);
  const scores = later.map((r) => scoreDeclaration(model, declarationFeatures(r.input)).probability);
  const m = evaluateRanking(scores, later.map((r) => r.label), 0);
  assert.ok(m.auc > 0.75, `AUC ${m.auc}`);
  assert.ok(model.training.metrics.auc > 0.7, `stored metric AUC ${model.training.metrics.auc}`);
  assert.equal(model.training.rows, 900);
  assert.equal(model.training.fitRows, 720, 'the latest 20 % stop the training');
});

test('same history and seed: the same model bytes', () => {
  assert.equal(serializeDeclarationModel(trainDeclarationModel(history, { seed: 4 })), serializeDeclarationModel(model));
  assert.notEqual(serializeDeclarationModel(trainDeclarationModel(history, { seed: 5 })), serializeDeclarationModel(model));
});

test('explanations add up to the margin, and the top ones are in three languages', () => {
  for (const r of history.slice(0, 50)) {
    const x = declarationFeatures(r.input);
    const phi = new Float64Array(BF_FEATURE_NAMES.length);
    const bias = shapValues(model.explainer, x, phi);
    assert.ok(Math.abs(bias + phi.reduce((a, b) => a + b, 0) - compiledMargin(model.predictor, x)) < 1e-9);
    const s = scoreDeclaration(model, x);
    assert.ok(s.contributions.length > 0 && s.contributions.length <= 5);
    assert.ok(s.contributions.every((c) => c.description.vi && c.description.en && c.description.zh));
  }
});

test('too few inspection results: refused with RISK_NOT_ENOUGH_LABELS, not a bad model', () => {
  assert.throws(() => trainDeclarationModel(history.slice(0, 30), { seed: 1 }), (e: unknown) => e instanceof AppError && e.code === 'RISK_NOT_ENOUGH_LABELS' && /at least 40/.test(e.detail));
  const allClean = history.slice(0, 100).map((r) => ({ ...r, label: 0 as const }));
  assert.throws(() => trainDeclarationModel(allClean, { seed: 1 }), /5 of each outcome/);
});

test('the model file loads back to the same scores; a broken or foreign file is refused saying why', () => {
  const text = serializeDeclarationModel(model);
  const back = parseDeclarationModel(text);
  const x = declarationFeatures(history[10]!.input);
  assert.equal(scoreDeclaration(back, x).probability, scoreDeclaration(model, x).probability);
  const refused = (t: string, why: RegExp) => assert.throws(() => parseDeclarationModel(t, 'm.json'), (e: unknown) => e instanceof AppError && e.code === 'RISK_MODEL_INVALID' && why.test(e.detail));
  refused(text.slice(0, 500), /not valid JSON/);
  refused(text.replace('"trees":[{', '"trees":[{"x":1,'), /checksum does not match/);
  refused(text.replace('"version":1', '"version":2'), /format version 2/);
  const kcs = serializeModel(trainKcsModel(syntheticDeclarations(300, 1, 20), [], 6, { seed: 1 }));
  refused(kcs, /not a model of Borderflow declarations/);
});
