/**
 * Feature matrices for training: raw values in one column-major Float32Array (column f of row i
 * at `f * rows + i`), so that a histogram pass over one feature reads memory in order.
 */

/** A dense column-major matrix of feature values. */
export interface FeatureMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Column-major values: `values[f * rows + i]`. */
  readonly values: Float32Array;
}

/** An empty matrix of the given shape. */
export function createMatrix(rows: number, cols: number): FeatureMatrix {
  return { rows, cols, values: new Float32Array(rows * cols) };
}

/** Builds a column-major matrix from row vectors (convenient for tests and small inputs). */
export function matrixFromRows(data: ReadonlyArray<ArrayLike<number>>): FeatureMatrix {
  const rows = data.length;
  const cols = rows ? data[0]!.length : 0;
  const m = createMatrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = data[i]!;
    if (r.length !== cols) throw new Error(`row ${i} has ${r.length} values, expected ${cols}`);
    for (let f = 0; f < cols; f++) m.values[f * rows + i] = r[f]!;
  }
  return m;
}

/** Row i of a column-major matrix, as a Float32Array (what `predictMargin` takes). */
export function rowOf(m: FeatureMatrix, i: number, out: Float32Array = new Float32Array(m.cols)): Float32Array {
  for (let f = 0; f < m.cols; f++) out[f] = m.values[f * m.rows + i]!;
  return out;
}
