/**
 * Target and frequency encoding over labelled history, without leakage.
 *
 * Training rows are encoded with an expanding window in date order: a row sees the labels of rows
 * on strictly earlier dates only (not its own, not the same day's, not later ones), which is what
 * a live system knows when the declaration arrives. Rows scored later (validation, evaluation,
 * live declarations) are encoded against the frozen state of the whole training history.
 *
 * rate = (frauds + m · prior) / (count + m), with prior = (all frauds + 1) / (all rows + 2) of the
 * history so far. A value never seen (or seen with no history at all) gets exactly the prior and
 * a count of 0: that is the documented default for unseen categories.
 */
import { createMatrix, type FeatureMatrix } from '../gbdt/matrix.ts';
import type { KcsDeclaration } from './declaration.ts';
import { CATEGORICAL_KEYS, FEATURE_NAMES, NUMERIC_FEATURES, keyParts } from './features.ts';

/** Counts behind one key value: [rows, frauds]. */
export type KeyStats = [number, number];

/** What the encoder has learned from labelled history. */
export interface EncoderState {
  /** Shrinkage strength m (pseudo-rows of prior). */
  readonly shrinkage: number;
  rows: number;
  frauds: number;
  /** One table per categorical key, in CATEGORICAL_KEYS order. */
  readonly tables: Map<string, KeyStats>[];
}

/** Number of features in a vector. */
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** An encoder that has seen nothing yet. */
export function emptyEncoder(shrinkage: number): EncoderState {
  if (!(shrinkage >= 0)) throw new RangeError('shrinkage must be >= 0');
  return { shrinkage, rows: 0, frauds: 0, tables: CATEGORICAL_KEYS.map(() => new Map()) };
}

/** Writes the feature vector of `d` against the current state. Reads the state only. */
export function encode(state: EncoderState, d: KcsDeclaration, out: Float32Array = new Float32Array(FEATURE_COUNT)): Float32Array {
  const prior = (state.frauds + 1) / (state.rows + 2);
  const m = state.shrinkage;
  const parts = keyParts(d);
  let j = 0;
  for (let k = 0; k < CATEGORICAL_KEYS.length; k++) {
    const s = state.tables[k]!.get(CATEGORICAL_KEYS[k]!.of(d, parts));
    const n = s ? s[0] : 0;
    const pos = s ? s[1] : 0;
    out[j++] = n + m > 0 ? (pos + m * prior) / (n + m) : prior;
    out[j++] = Math.log1p(n);
  }
  for (const f of NUMERIC_FEATURES) out[j++] = f.of(d);
  return out;
}

/** Adds one labelled row to the state. */
export function observe(state: EncoderState, d: KcsDeclaration): void {
  if (d.fraud === undefined) throw new Error(`declaration ${d.id} has no label to learn from`);
  state.rows++;
  state.frauds += d.fraud;
  const parts = keyParts(d);
  for (let k = 0; k < CATEGORICAL_KEYS.length; k++) {
    const key = CATEGORICAL_KEYS[k]!.of(d, parts);
    const table = state.tables[k]!;
    const s = table.get(key);
    if (s) {
      s[0]++;
      s[1] += d.fraud;
    } else table.set(key, [1, d.fraud]);
  }
}

/** Row indices in date order; rows of the same date keep their file order. */
export function dateOrder(rows: readonly KcsDeclaration[]): number[] {
  return rows.map((_, i) => i).sort((a, b) => (rows[a]!.date < rows[b]!.date ? -1 : rows[a]!.date > rows[b]!.date ? 1 : a - b));
}

/**
 * Expanding-window encoding: returns the features of `rows` (matrix row i = rows[i]) and leaves
 * every row observed in `state`. A row is encoded after all earlier dates and before its own.
 */
export function encodeExpanding(state: EncoderState, rows: readonly KcsDeclaration[]): FeatureMatrix {
  const m = createMatrix(rows.length, FEATURE_COUNT);
  const order = dateOrder(rows);
  const v = new Float32Array(FEATURE_COUNT);
  let k = 0;
  while (k < order.length) {
    const date = rows[order[k]!]!.date;
    let end = k;
    while (end < order.length && rows[order[end]!]!.date === date) end++;
    for (let t = k; t < end; t++) put(m, order[t]!, encode(state, rows[order[t]!]!, v));
    for (let t = k; t < end; t++) observe(state, rows[order[t]!]!);
    k = end;
  }
  return m;
}

/** Encodes rows against the state as it is, learning nothing from them. */
export function encodeFrozen(state: EncoderState, rows: readonly KcsDeclaration[]): FeatureMatrix {
  const m = createMatrix(rows.length, FEATURE_COUNT);
  const v = new Float32Array(FEATURE_COUNT);
  for (let i = 0; i < rows.length; i++) put(m, i, encode(state, rows[i]!, v));
  return m;
}

function put(m: FeatureMatrix, i: number, v: Float32Array): void {
  for (let f = 0; f < v.length; f++) m.values[f * m.rows + i] = v[f]!;
}
