import { Ajv, type ErrorObject } from 'ajv';
import type { FieldProblem } from '../../infra/errors/index.ts';
import { Scenario } from './schema.ts';
import { minutesOf } from './time.ts';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
const check = ajv.compile<Scenario>(Scenario);

/** A scenario file that does not describe a runnable day; `problems` name each field by JSON pointer. */
export class ScenarioError extends Error {
  readonly problems: FieldProblem[];
  /** `source` names the file or scenario. */
  constructor(source: string, problems: FieldProblem[]) {
    super(`scenario ${source} is not valid:\n${problems.map((p) => `  ${p.pointer}: ${p.message}`).join('\n')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

/** Checks a parsed scenario against the schema and the rules a schema cannot express; returns every problem. */
export function scenarioProblems(doc: unknown): FieldProblem[] {
  if (!check(doc)) return fromAjv(check.errors ?? []);
  return semanticProblems(doc);
}

/** Validates and returns the scenario, or throws a ScenarioError naming every bad field. */
export function validateScenario(doc: unknown, source = 'scenario'): Scenario {
  const problems = scenarioProblems(doc);
  if (problems.length) throw new ScenarioError(source, problems);
  return doc as Scenario;
}

function fromAjv(errors: ErrorObject[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let pointer = e.instancePath;
    let code = `SCHEMA_${e.keyword.toUpperCase()}`;
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'required') {
      pointer += `/${escape(String(e.params.missingProperty))}`; code = 'FIELD_REQUIRED'; message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      pointer += `/${escape(String(e.params.additionalProperty))}`; code = 'FIELD_NOT_ALLOWED'; message = 'is not an allowed field';
    }
    const key = `${pointer}|${code}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: pointer || '/', code, message });
  }
  return out;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}


function semanticProblems(s: Scenario): FieldProblem[] {
  const out: FieldProblem[] = [];
  const bad = (pointer: string, code: string, message: string) => out.push({ pointer, code, message });
  const sumsToOne = (pointer: string, parts: number[], what: string) => {
    const sum = parts.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) bad(pointer, 'SHARES_NOT_ONE', `${what} must sum to 1 (got ${sum.toFixed(4)})`);
  };
  const span = (pointer: string, w: { from: string; to: string }) => {
    if (minutesOf(w.from) >= minutesOf(w.to)) bad(`${pointer}/to`, 'EMPTY_PERIOD', `must be after ${w.from}`);
  };
  for (const [name, weights] of Object.entries(s.profiles)) {
    if (weights.every((w) => w === 0)) bad(`/profiles/${name}`, 'PROFILE_EMPTY', 'needs at least one hour with arrivals');
  }
  s.trucks.flows.forEach((f, i) => {
    if (!(f.profile in s.profiles)) bad(`/trucks/flows/${i}/profile`, 'UNKNOWN_PROFILE', `no profile "${f.profile}" in /profiles`);
    sumsToOne(`/trucks/flows/${i}/channels`, [f.channels.green, f.channels.yellow, f.channels.red], 'green + yellow + red');
    if (f.agvShare !== undefined && f.direction !== 'export') bad(`/trucks/flows/${i}/agvShare`, 'AGV_EXPORT_ONLY', 'only export flows cross on the AGV corridor');
    if ((f.agvShare ?? 0) > 0 && s.site.agvs === 0) bad(`/trucks/flows/${i}/agvShare`, 'NO_AGV_LANE', 'the site has no AGVs (/site/agvs is 0)');
  });
  s.people.flows.forEach((f, i) => {
    if (!(f.profile in s.profiles)) bad(`/people/flows/${i}/profile`, 'UNKNOWN_PROFILE', `no profile "${f.profile}" in /profiles`);
  });
  const b = s.booking;
  sumsToOne('/booking', [b.onTime, b.early, b.late, b.noShow], 'onTime + early + late + noShow');
  s.staffing.forEach((w, i) => span(`/staffing/${i}`, w));
  s.failures.forEach((w, i) => span(`/failures/${i}`, w));
  span('/hours/trucks', { from: s.hours.trucks.open, to: s.hours.trucks.close });
  span('/hours/people', { from: s.hours.people.open, to: s.hours.people.close });
  for (const [stage, d] of Object.entries(s.service)) {
    const p = `/service/${stage}`;
    if (d.dist === 'triangular' && !(d.min <= d.mode && d.mode <= d.max)) bad(p, 'TRIANGLE_ORDER', 'needs min ≤ mode ≤ max');
    if (d.dist === 'uniform' && d.min > d.max) bad(p, 'RANGE_ORDER', 'needs min ≤ max');
    if (d.dist === 'empirical' && d.weights && d.weights.length !== d.values.length) bad(`${p}/weights`, 'LENGTH_MISMATCH', 'needs one weight per value');
  }
  return out;
}
