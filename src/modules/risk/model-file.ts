/**
 * The model file: JSON with a kind, a format version and a SHA-256 checksum of the rest, so a file
 * that is truncated, edited or written by another version is refused at load with a clear message.
 * Serialisation is deterministic: the same model gives the same bytes.
 */
import { DEFAULT_GBDT_PARAMS } from './gbdt/train.ts';
import type { Tree } from './gbdt/tree.ts';
import { type EncoderState, type KeyStats } from './kcs/encoder.ts';
import { CATEGORICAL_KEYS, FEATURE_NAMES, FEATURE_SET } from './kcs/features.ts';
import { assembleModel, type RiskModel, type TrainingRecord } from './model.ts';

import { openModel, sealModel, treesToJson, type TreeJson } from './model-envelope.ts';

export { checksum, MODEL_FORMAT_VERSION, MODEL_KIND, type TreeJson } from './model-envelope.ts';

/** Serialises a model to its file text. */
export function serializeModel(model: RiskModel): string {
  const tables: Record<string, Array<[string, number, number]>> = {};
  CATEGORICAL_KEYS.forEach((k, i) => {
    tables[k.name] = [...model.encoder.tables[i]!.entries()].map(([v, s]) => [v, s[0], s[1]]);
  });
  return sealModel({
    format: model.format,
    featureSet: model.featureSet,
    features: model.featureNames,
    hsDigits: model.hsDigits,
    training: model.training,
    encoder: { shrinkage: model.encoder.shrinkage, rows: model.encoder.rows, frauds: model.encoder.frauds, tables },
    ensemble: { baseScore: model.ensemble.baseScore, trees: treesToJson(model.ensemble.trees) },
  });
}

/** Parses and validates a model file. Throws RISK_MODEL_INVALID naming what is wrong. */
export function parseModel(text: string, source = 'model file'): RiskModel {
  const { raw, fail } = openModel(text, source, 'retrain with `borderflow risk train`');
  if (raw.format !== 'kcs') return fail(`unknown data format ${JSON.stringify(raw.format)}`);
  if (raw.featureSet !== FEATURE_SET || !sameList(raw.features, FEATURE_NAMES)) return fail(`built on feature set ${JSON.stringify(raw.featureSet)}; this Borderflow computes "${FEATURE_SET}" — retrain the model`);
  if (raw.hsDigits !== 6 && raw.hsDigits !== 10) return fail('hsDigits must be 6 or 10');
  const encoder = readEncoder(raw.encoder, fail);
  if (!isObject(raw.ensemble) || !isFiniteNumber(raw.ensemble.baseScore) || !Array.isArray(raw.ensemble.trees)) return fail('ensemble is missing or malformed');
  const trees = raw.ensemble.trees.map((t, i) => readTree(t, i, FEATURE_NAMES.length, fail));
  if (!isObject(raw.training)) return fail('training record is missing');
  const training = { ...(raw.training as unknown as TrainingRecord), params: { ...DEFAULT_GBDT_PARAMS, ...(raw.training.params as object) } };
  return assembleModel({
    format: 'kcs', featureSet: FEATURE_SET, featureNames: FEATURE_NAMES, hsDigits: raw.hsDigits, encoder,
    ensemble: { baseScore: raw.ensemble.baseScore, featureCount: FEATURE_NAMES.length, trees }, training,
  });
}

function readEncoder(e: unknown, fail: (m: string) => never): EncoderState {
  if (!isObject(e) || !isCount(e.rows) || !isCount(e.frauds) || e.frauds > e.rows || !isFiniteNumber(e.shrinkage) || e.shrinkage < 0 || !isObject(e.tables)) {
    return fail('encoder state is missing or malformed');
  }
  const tables = CATEGORICAL_KEYS.map((k) => {
    const entries = (e.tables as Record<string, unknown>)[k.name];
    if (!Array.isArray(entries)) return fail(`encoder table "${k.name}" is missing`);
    const table = new Map<string, KeyStats>();
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || !isCount(entry[1]) || !isCount(entry[2]) || entry[2] > entry[1]) {
        return fail(`encoder table "${k.name}" has a malformed entry ${JSON.stringify(entry).slice(0, 80)}`);
      }
      table.set(entry[0], [entry[1], entry[2]]);
    }
    return table;
  });
  return { shrinkage: e.shrinkage, rows: e.rows, frauds: e.frauds, tables };
}

/** Validates one tree of a model file (also used by the declaration model's file). */
export function readTree(t: unknown, i: number, featureCount: number, fail: (m: string) => never): Tree {
  const keys = ['feature', 'threshold', 'left', 'right', 'value', 'cover'] as const;
  if (!isObject(t) || !keys.every((k) => Array.isArray(t[k]) && (t[k] as unknown[]).every(isFiniteNumber))) return fail(`tree ${i} is malformed`);
  const a = t as unknown as TreeJson;
  const n = a.feature.length;
  if (n === 0 || keys.some((k) => a[k].length !== n)) return fail(`tree ${i} has arrays of different lengths`);
  for (let node = 0; node < n; node++) {
    const f = a.feature[node]!;
    if (!Number.isInteger(f) || f < -1 || f >= featureCount) return fail(`tree ${i} node ${node} splits on unknown feature ${f}`);
    if (f >= 0) {
      // Children come after their parent: this rules out cycles and dangling references.
      const l = a.left[node]!;
      const r = a.right[node]!;
      if (!Number.isInteger(l) || !Number.isInteger(r) || l <= node || r <= node || l >= n || r >= n || l === r) return fail(`tree ${i} node ${node} has invalid children`);
    }
    if (!(a.cover[node]! >= 0)) return fail(`tree ${i} node ${node} has a negative cover`);
  }
  return {
    feature: Int32Array.from(a.feature), threshold: Float32Array.from(a.threshold), left: Int32Array.from(a.left),
    right: Int32Array.from(a.right), value: Float64Array.from(a.value), cover: Float64Array.from(a.cover),
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}
function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}
