import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Scenario } from './schema.ts';
import { ScenarioError, validateScenario } from './validate.ts';

/** Folder of the shipped scenarios: `sim/scenarios/` at the repository root. */
export const SCENARIO_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'sim', 'scenarios');

/** Names of the shipped scenarios. */
export function listScenarios(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

/**
 * Reads a scenario by name (from `sim/scenarios/`) or by path. A file may start from another with
 * `"extends": "name"`: objects are merged field by field, arrays and values replace the base's.
 * The merged document is what the schema checks, so problems point into it.
 */
export function loadScenario(nameOrPath: string, dir = SCENARIO_DIR): Scenario {
  return validateScenario(resolveScenarioDocument(nameOrPath, dir), nameOrPath);
}

/** The merged (extends applied), unvalidated document of a scenario. */
export function resolveScenarioDocument(nameOrPath: string, dir = SCENARIO_DIR, seen: string[] = []): unknown {
  const file = nameOrPath.endsWith('.json') ? path.resolve(nameOrPath) : path.join(dir, `${nameOrPath}.json`);
  if (!/^[a-z0-9-]+$/.test(nameOrPath) && !nameOrPath.endsWith('.json')) {
    throw new ScenarioError(nameOrPath, [{ pointer: '/', code: 'SCENARIO_NAME', message: 'a scenario name is lower-case letters, digits and dashes, or a path ending in .json' }]);
  }
  if (!existsSync(file)) {
    throw new ScenarioError(nameOrPath, [{ pointer: '/', code: 'SCENARIO_NOT_FOUND', message: `no file ${file}; shipped: ${listScenarios(dir).join(', ')}` }]);
  }
  if (seen.includes(file)) throw new ScenarioError(nameOrPath, [{ pointer: '/extends', code: 'EXTENDS_CYCLE', message: 'extends itself' }]);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(nameOrPath, [{ pointer: '/', code: 'JSON_SYNTAX', message: (err as Error).message }]);
  }
  if (!isObject(doc) || typeof doc.extends !== 'string') return doc;
  const { extends: base, ...own } = doc;
  return merge(resolveScenarioDocument(base as string, path.dirname(file), [...seen, file]), own);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}
