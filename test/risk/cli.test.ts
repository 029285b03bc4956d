import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli.ts';
import { evaluateModel, readKcsFile, trainKcsModel } from '../../src/modules/risk/index.ts';
import { syntheticDeclarations, toKcsCsv } from './support.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

test('`risk train` then `risk eval --json` prints exactly one JSON object on stdout', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bf-risk-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, seed: number, n: number, month: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, toKcsCsv(syntheticDeclarations(n, seed, 25).map((d) => ({ ...d, date: d.date.replace('2020-01', month) }))));
    return p;
  };
  const train = file('train.csv', 1, 1500, '2020-01');
  const valid = file('valid.csv', 2, 400, '2020-03');
  const testFile = file('test.csv', 3, 500, '2020-05');
  const modelFile = path.join(dir, 'model.json');

  const tr = capture();
  assert.equal(await runCli(['risk', 'train', '--format', 'kcs', '--train', train, '--valid', valid, '--out', modelFile, '--seed', '5'], tr.io), 0, tr.err.join('\n'));
  assert.match(tr.out.join('\n'), /trained \d+ trees on 1500 rows .*early stopping on 400 rows \(valid-file/);
  assert.ok(existsSync(modelFile) && !existsSync(`${modelFile}.tmp`));

  const ev = capture();
  assert.equal(await runCli(['risk', 'eval', '--format', 'kcs', '--model', modelFile, '--test', testFile, '--json'], ev.io), 0, ev.err.join('\n'));
  assert.equal(ev.out.length, 1, 'one line on stdout');
  const m = JSON.parse(ev.out[0]!) as { precisionAt: Record<string, number>; recallAt: Record<string, number>; auc: number; rows: number };
  assert.deepEqual(Object.keys(m), ['precisionAt', 'recallAt', 'auc', 'rows']);
  assert.deepEqual(Object.keys(m.precisionAt), ['1', '2', '5', '10']);
  assert.deepEqual(Object.keys(m.recallAt), ['1', '2', '5', '10']);
  assert.equal(m.rows, 500);
  assert.ok(m.auc > 0.6, `the synthetic signal is learnable (AUC ${m.auc})`);

  const table = capture();
  assert.equal(await runCli(['risk', 'eval', '--format', 'kcs', '--model', modelFile, '--test', testFile], table.io), 0);
  assert.match(table.out.join('\n'), /ROC AUC 0\.\d{4}[\s\S]*\n {4}5 {3}/);

  // Bad input: a clear message naming file, row and column; exit 1, nothing on stdout.
  const bad = path.join(dir, 'bad.csv');
  writeFileSync(bad, readFileSync(testFile, 'utf8').replace(/\n([^\n]*)\n/, (_m, line: string) => `\n${line}\n${line.replace(/,[^,]*,[^,]*,[^,]*$/, ',12abc,0,0')}\n`));
  const b = capture();
  assert.equal(await runCli(['risk', 'eval', '--format', 'kcs', '--model', modelFile, '--test', bad, '--json'], b.io), 1);
  assert.deepEqual(b.out, []);
  assert.match(b.err.join('\n'), /RISK_INPUT_INVALID: .*bad\.csv: row 2 \(line 3\), column "Item Price": "12abc" is not a number/);

  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, readFileSync(modelFile, 'utf8').slice(0, 1000));
  const c = capture();
  assert.equal(await runCli(['risk', 'eval', '--format', 'kcs', '--model', broken, '--test', testFile], c.io), 1);
  assert.match(c.err.join('\n'), /RISK_MODEL_INVALID: .*broken\.json is not valid JSON/);

  const u = capture();
  assert.equal(await runCli(['risk', 'train', '--format', 'csv', '--train', train, '--out', modelFile], u.io), 2);
  assert.match(u.err.join('\n'), /risk train needs --format kcs/);
});

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'customs', 'kcs_synthetic');

test('real KCS sample: trained on 2020 Q1, the model ranks April well above the fraud rate', { skip: existsSync(DATA) ? false : `KCS data folder ${DATA} is absent` }, () => {
  const all = readKcsFile(path.join(DATA, 'df_syn_train_eng.csv'), 'required').declarations;
  const q1 = all.filter((d) => d.date < '2020-04-01');
  const april = all.filter((d) => d.date >= '2020-04-01' && d.date < '2020-05-01');
  const model = trainKcsModel(q1, [], 6, { seed: 1 });
  const m = evaluateModel(model, april, 0);
  const rate = april.filter((d) => d.fraud === 1).length / april.length;
  assert.ok(m.auc > 0.8, `AUC ${m.auc}`);
  assert.ok(m.precisionAt['5']! > 2 * rate, `precision@5 % ${m.precisionAt['5']} vs fraud rate ${rate}`);
});
