/**
 * The envelope every risk model file shares: `kind`, a format version and a SHA-256 checksum of
 * the rest, so a file that is truncated, edited or written by another version is refused at load
 * with a clear message before anything in it is used.
 */
import { createHash } from 'node:crypto';
import { modelError } from './errors.ts';
import type { Tree } from './gbdt/tree.ts';

/** What the first field of every model file says. */
export const MODEL_KIND = 'borderflow.risk-model';
/** The file format this code writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** A tree as the model file stores it. */
export interface TreeJson { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[]; cover: number[] }

/** The checksum a model file ends with: SHA-256 of everything before it. */
export function checksum(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The trees of an ensemble as plain arrays for JSON. */
export function treesToJson(trees: readonly Tree[]): TreeJson[] {
  return trees.map((t) => ({ feature: [...t.feature], threshold: [...t.threshold], left: [...t.left], right: [...t.right], value: [...t.value], cover: [...t.cover] }));
}

/** Writes a body (whose first fields are kind and version) with its checksum as the last field. */
export function sealModel(body: Record<string, unknown>): string {
  const text = JSON.stringify({ kind: MODEL_KIND, version: MODEL_FORMAT_VERSION, ...body });
  return `${text.slice(0, -1)},"checksum":"${checksum(text)}"}\n`;
}

/**
 * Parses a model file and checks its envelope; returns the raw object and a `fail` that throws
 * RISK_MODEL_INVALID naming the source. `retrain` says how to make a current one.
 */
export function openModel(text: string, source: string, retrain: string): { raw: Record<string, unknown>; fail: (msg: string) => never } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw modelError(`${source} is not valid JSON (truncated or corrupted?): ${err instanceof Error ? err.message : String(err)}`);
  }
  const fail = (msg: string): never => {
    throw modelError(`${source}: ${msg}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { kind?: unknown }).kind !== MODEL_KIND) {
    return fail(`not a Borderflow risk model (expected "kind": "${MODEL_KIND}")`);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.version !== MODEL_FORMAT_VERSION) return fail(`model format version ${JSON.stringify(obj.version)}; this Borderflow reads version ${MODEL_FORMAT_VERSION} only — ${retrain}`);
  const { checksum: stated, ...body } = obj;
  if (typeof stated !== 'string' || stated !== checksum(JSON.stringify(body))) return fail('checksum does not match the content: the file was modified or corrupted');
  return { raw: obj, fail };
}
