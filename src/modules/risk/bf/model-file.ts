/**
 * The declaration model's file: the same envelope as the KCS model file (kind, format version,
 * SHA-256 checksum of the rest), format `borderflow`. A file that is truncated, edited, of another
 * version or feature set, or whose trees or reference are malformed is refused with
 * RISK_MODEL_INVALID saying what is wrong — so a broken model never becomes the active one.
 */
import { DEFAULT_GBDT_PARAMS } from '../gbdt/train.ts';
import { openModel, sealModel, treesToJson } from '../model-envelope.ts';
import { readTree } from '../model-file.ts';
import { BF_FEATURE_NAMES, BF_FEATURE_SET } from './features.ts';
import { assembleDeclarationModel, type DeclarationModel, type DeclarationTrainingRecord, type ScoreReference } from './model.ts';

/** Serialises a declaration model; the same model gives the same bytes. */
export function serializeDeclarationModel(model: DeclarationModel): string {
  return sealModel({
    format: model.format,
    featureSet: model.featureSet,
    features: model.featureNames,
    training: model.training,
    reference: model.reference,
    ensemble: { baseScore: model.ensemble.baseScore, trees: treesToJson(model.ensemble.trees) },
  });
}

/** Parses and validates a declaration model file. Throws RISK_MODEL_INVALID naming what is wrong. */
export function parseDeclarationModel(text: string, source = 'model file'): DeclarationModel {
  const { raw, fail } = openModel(text, source, 'retrain it');
  if (raw.format !== 'borderflow') return fail(`data format ${JSON.stringify(raw.format)} is not a model of Borderflow declarations (a KCS model scores KCS files only)`);
  if (raw.featureSet !== BF_FEATURE_SET || !sameList(raw.features, BF_FEATURE_NAMES)) return fail(`built on feature set ${JSON.stringify(raw.featureSet)}; this Borderflow computes "${BF_FEATURE_SET}" — retrain the model`);
  if (!isObject(raw.ensemble) || !isFiniteNumber(raw.ensemble.baseScore) || !Array.isArray(raw.ensemble.trees) || raw.ensemble.trees.length === 0) return fail('ensemble is missing or malformed');
  const trees = raw.ensemble.trees.map((t, i) => readTree(t, i, BF_FEATURE_NAMES.length, fail));
  if (!isObject(raw.training) || !isObject(raw.training.metrics)) return fail('training record is missing');
  const reference = readReference(raw.reference, fail);
  const training = { ...(raw.training as unknown as DeclarationTrainingRecord), params: { ...DEFAULT_GBDT_PARAMS, ...(raw.training.params as object) } };
  return assembleDeclarationModel({
    format: 'borderflow', featureSet: BF_FEATURE_SET, featureNames: BF_FEATURE_NAMES, training, reference,
    ensemble: { baseScore: raw.ensemble.baseScore, featureCount: BF_FEATURE_NAMES.length, trees },
  });
}

function readReference(r: unknown, fail: (m: string) => never): ScoreReference {
  if (!isObject(r) || !Array.isArray(r.edges) || !Array.isArray(r.shares)) return fail('score reference is missing');
  const { edges, shares } = r as { edges: unknown[]; shares: unknown[] };
  if (!edges.every(isFiniteNumber) || !shares.every(isFiniteNumber) || shares.length !== edges.length + 1) return fail('score reference is malformed');
  if (edges.some((e, i) => i > 0 && e < edges[i - 1]!)) return fail('score reference edges are not ascending');
  const total = shares.reduce<number>((s, x) => s + x, 0);
  if (shares.some((x) => x < 0) || Math.abs(total - 1) > 1e-6) return fail('score reference shares must be non-negative and sum to 1');
  return { edges, shares };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}
