// Risk model figures on the KCS data: training time on train + valid (the `risk train` path),
// in-process scoring throughput on one core, and the latency of one scoring with its TreeSHAP
// explanation. Set RISK_BENCH_VALID=1 to also print the validation protocol (5 seeds, trained on
// 2020 with a time split, scored on 2021 Q1) and the ablation without exact-value keys.
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  evaluateModel, featuresOf, marginOf, readKcsFile, score, topContributions, trainKcsModel, FEATURE_NAMES, type KcsDeclaration, type RiskModel,
} from '../src/modules/risk/index.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'shared', 'data', 'customs', 'kcs_synthetic');
const SEEDS = [1, 2, 3, 4, 5];
/** Keys on exact declared amounts: the features that carry the synthetic data's repeated tuples. */
const EXACT_VALUE_FEATURES = FEATURE_NAMES.filter((f) => /^(rate|count):(price|mass|unitValue)/.test(f));

/** Prints the risk benchmark figures. */
export async function run(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`risk: skipped — the KCS data folder ${DATA} is absent`);
    return;
  }
  const train = readKcsFile(path.join(DATA, 'df_syn_train_eng.csv'), 'required').declarations;
  const valid = readKcsFile(path.join(DATA, 'df_syn_valid_eng.csv'), 'required').declarations;

  let t0 = performance.now();
  const model = trainKcsModel(train, valid, 6, { seed: 1 });
  const trainS = (performance.now() - t0) / 1000;
  console.log(`training on train + valid (${train.length} + ${valid.length} rows): ${trainS.toFixed(1)} s, ${model.training.trees} trees   (goal ≤ 60 s)`);

  const rows = valid.concat(train.slice(0, 12_000));
  for (let i = 0; i < 2000; i++) marginOf(model, featuresOf(model, rows[i]!)); // warm up the JIT
  t0 = performance.now();
  let sink = 0;
  for (const d of rows) sink += marginOf(model, featuresOf(model, d));
  const perS = rows.length / ((performance.now() - t0) / 1000);
  console.log(`scoring throughput (encode + margin, one core): ${perS.toFixed(0)} declarations/s   (goal ≥ 20,000)${sink === 0 ? ' ' : ''}`);

  console.log(latencyLine(model, rows));

  if (process.env.RISK_BENCH_VALID === '1') {
    validation(train, valid, [], 'all features');
    validation(train, valid, EXACT_VALUE_FEATURES, `without exact-value keys (${EXACT_VALUE_FEATURES.join(', ')})`);
  }
}

function latencyLine(model: RiskModel, rows: KcsDeclaration[]): string {
  const times: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const t = performance.now();
    const x = featuresOf(model, rows[i]!);
    const r = score(model, x);
    topContributions(model, x, r, 5);
    if (i >= 1000) times.push(performance.now() - t); // the first thousand warm the JIT
  }
  times.sort((a, b) => a - b);
  const q = (p: number): string => (times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 1000).toFixed(0);
  return `one scoring with TreeSHAP explanation and top-5 reasons: p50 ${q(0.5)} µs, p99 ${q(0.99)} µs   (goal p99 ≤ 1000 µs)`;
}

function validation(train: KcsDeclaration[], valid: KcsDeclaration[], exclude: string[], label: string): void {
  const sums = { p1: 0, p2: 0, p5: 0, p10: 0, r5: 0, r10: 0, auc: 0 };
  for (const seed of SEEDS) {
    const m = trainKcsModel(train, [], 6, { seed, excludeFeatures: exclude });
    const e = evaluateModel(m, valid, 0);
    sums.p1 += e.precisionAt['1']!; sums.p2 += e.precisionAt['2']!; sums.p5 += e.precisionAt['5']!; sums.p10 += e.precisionAt['10']!;
    sums.r5 += e.recallAt['5']!; sums.r10 += e.recallAt['10']!; sums.auc += e.auc;
  }
  const f = (x: number): string => (x / SEEDS.length).toFixed(4);
  console.log(`valid 2021 Q1, mean of ${SEEDS.length} seeds, ${label}:\n  precision@1/2/5/10 % ${f(sums.p1)} ${f(sums.p2)} ${f(sums.p5)} ${f(sums.p10)}   recall@5/10 % ${f(sums.r5)} ${f(sums.r10)}   AUC ${f(sums.auc)}`);
}
