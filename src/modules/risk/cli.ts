/**
 * `borderflow risk train` and `borderflow risk eval`: the interface of the independent
 * evaluation. Files are read here; everything else is the module's pure functions. With --json,
 * eval writes exactly one JSON object to stdout and nothing else.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../infra/errors/index.ts';
import { fileError, riskError } from './errors.ts';
import { parseCsv } from './kcs/csv.ts';
import { readKcsDeclarations, type KcsDeclaration, type LabelMode } from './kcs/declaration.ts';
import { evaluateRanking, TOP_PERCENTS, type EvalMetrics } from './metrics.ts';
import { parseModel, serializeModel } from './model-file.ts';
import { featuresOf, marginOf } from './score.ts';
import { trainKcsModel } from './train-kcs.ts';
import type { RiskModel } from './model.ts';

/** Where the CLI writes. */
export interface RiskCliIo {
  out(s: string): void;
  err(s: string): void;
}

/** Usage lines for the top-level help. */
export const RISK_USAGE = `  risk train --format kcs --train FILE [--valid FILE] --out MODEL.json [--seed N]
                                train the fraud model (without --valid: early stopping on the last dates of --train)
  risk eval --format kcs --model MODEL.json --test FILE [--json] [--seed N]
                                precision/recall at the top 1/2/5/10 % and ROC AUC on a labelled file`;

/** Runs `risk <sub> …`; returns the exit code (2 for usage errors). */
export async function runRiskCommand(sub: string | undefined, args: string[], io: RiskCliIo): Promise<number> {
  if (sub === 'train') return train(args, io);
  if (sub === 'eval') return evaluate(args, io);
  io.err(`unknown risk command: ${sub ?? '(none)'}\n\nUsage:\n${RISK_USAGE}`);
  return 2;
}

function train(args: string[], io: RiskCliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, train: { type: 'string' }, valid: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  if (values.format !== 'kcs' || !values.train || !values.out) return usage(io, 'risk train needs --format kcs, --train FILE and --out MODEL.json');
  const seed = parseSeed(values.seed);
  if (seed === null) return usage(io, `--seed must be an integer, got "${values.seed}"`);
  const started = performance.now();
  const trainSet = readKcsFile(values.train, 'required');
  const validSet = values.valid ? readKcsFile(values.valid, 'required') : null;
  const hsDigits = Math.min(trainSet.hsDigits, validSet?.hsDigits ?? 10) as 6 | 10;
  const model = trainKcsModel(truncateHs(trainSet.declarations, hsDigits), truncateHs(validSet?.declarations ?? [], hsDigits), hsDigits, { seed });
  // Write next to the target and rename, so an existing model is never left half-written.
  const tmp = `${values.out}.tmp`;
  writeFileSync(tmp, serializeModel(model));
  renameSync(tmp, values.out);
  const t = model.training;
  io.out(`trained ${t.trees} trees on ${t.fitRows} rows (${t.fitDates.join(' … ')}), early stopping on ${t.stoppingRows} rows (${t.stoppingSource}, ${t.stoppingDates.join(' … ')}), log loss ${t.stoppingLogLoss}`);
  io.out(`encoder history: ${t.historyRows} labelled rows; seed ${seed}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
  io.out(`top features: ${t.importance.slice(0, 5).map(([f, v]) => `${f} ${(v * 100).toFixed(1)} %`).join(', ')}`);
  io.out(`model written to ${values.out}`);
  return 0;
}

function evaluate(args: string[], io: RiskCliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, model: { type: 'string' }, test: { type: 'string' }, json: { type: 'boolean' }, seed: { type: 'string' } } });
  if (values.format !== 'kcs' || !values.model || !values.test) return usage(io, 'risk eval needs --format kcs, --model MODEL.json and --test FILE');
  const seed = parseSeed(values.seed);
  if (seed === null) return usage(io, `--seed must be an integer, got "${values.seed}"`);
  const model = loadModelFile(values.model);
  const test = readKcsFile(values.test, 'required');
  if (test.hsDigits < model.hsDigits) throw fileError(`${values.test} has ${test.hsDigits}-digit HS codes; the model was trained on ${model.hsDigits}-digit codes`);
  const metrics = evaluateModel(model, test.declarations, seed);
  if (values.json) io.out(JSON.stringify(metrics));
  else io.out(formatMetrics(metrics));
  return 0;
}

/** Scores labelled declarations with a model (frozen history: nothing is learned from them). */
export function evaluateModel(model: RiskModel, rows: readonly KcsDeclaration[], seed = 0): EvalMetrics {
  const margins = Float64Array.from(rows, (d) => marginOf(model, featuresOf(model, d)));
  return evaluateRanking(margins, Uint8Array.from(rows, (d) => d.fraud ?? 0), seed);
}

/** Reads and validates a model file. */
export function loadModelFile(file: string): RiskModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(`cannot read model file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseModel(text, file);
}

/** Reads a KCS CSV file. */
export function readKcsFile(file: string, labels: LabelMode): { declarations: KcsDeclaration[]; hsDigits: 6 | 10 } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fileError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return readKcsDeclarations(parseCsv(text), labels);
  } catch (err) {
    // Say which file: train, valid and test are read in one run.
    if (err instanceof AppError) throw riskError(err.code as 'RISK_INPUT_INVALID', `${file}: ${err.detail}`, err.errors);
    throw fileError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function formatMetrics(m: EvalMetrics): string {
  const lines = [`rows ${m.rows}   ROC AUC ${m.auc.toFixed(4)}`, 'top %   precision   recall'];
  for (const p of TOP_PERCENTS) lines.push(`${String(p).padStart(5)}   ${m.precisionAt[p]!.toFixed(4).padStart(9)}   ${m.recallAt[p]!.toFixed(4).padStart(6)}`);
  return lines.join('\n');
}

function truncateHs(rows: KcsDeclaration[], digits: 6 | 10): KcsDeclaration[] {
  return rows.map((d) => (d.hsCode.length > digits ? { ...d, hsCode: d.hsCode.slice(0, digits) } : d));
}

function parseSeed(s: string | undefined): number | null {
  if (s === undefined) return 0;
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : null;
}

function usage(io: RiskCliIo, message: string): number {
  io.err(`${message}\n\nUsage:\n${RISK_USAGE}`);
  return 2;
}
