import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../src/infra/errors/index.ts';
import { parseCsv } from '../../src/modules/risk/kcs/csv.ts';
import { readKcsDeclarations } from '../../src/modules/risk/kcs/declaration.ts';
import { KCS_HEADER, syntheticDeclarations, toKcsCsv } from './support.ts';

const read = (text: string) => readKcsDeclarations(parseCsv(text), 'required');
const csv = toKcsCsv(syntheticDeclarations(5, 1));

/** The CSV with one cell replaced: data row `row` (1-based), column by name. */
function withCell(text: string, row: number, column: string, value: string): string {
  const lines = text.split('\n');
  const cells = lines[row]!.split(',');
  cells[KCS_HEADER.indexOf(column)] = value;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

function rejects(text: string, pattern: RegExp): void {
  assert.throws(() => read(text), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'RISK_INPUT_INVALID');
    assert.match(err.detail, pattern);
    return true;
  });
}

test('a valid KCS file reads; HS10 codes that lost their leading zero are padded back', () => {
  const { declarations, hsDigits } = read(csv);
  assert.equal(declarations.length, 5);
  assert.equal(hsDigits, 6);
  const col = KCS_HEADER.indexOf('HS6 Code');
  const hs10 = csv.replace('HS6 Code', 'HS10 Code').split('\n').map((line, i) => {
    if (i === 0 || line === '') return line;
    const cells = line.split(',');
    cells[col] = i === 1 ? '304870000' : `${cells[col]}1000`;
    return cells.join(',');
  });
  const r = read(hs10.join('\n'));
  assert.equal(r.hsDigits, 10);
  assert.equal(r.declarations[0]!.hsCode, '0304870000');
});

test('bad cells are refused naming the row, the line and the column', () => {
  rejects(withCell(csv, 3, 'Net Mass', 'abc'), /row 3 \(line 4\), column "Net Mass": "abc" is not a number/);
  rejects(withCell(csv, 2, 'Item Price', ''), /row 2 \(line 3\), column "Item Price": is empty/);
  rejects(withCell(csv, 1, 'Tax Rate', '-5'), /row 1 .*column "Tax Rate": -5 is negative/);
  rejects(withCell(csv, 4, 'Date', '2020-02-30'), /row 4 .*column "Date": "2020-02-30" is not a date/);
  rejects(withCell(csv, 5, 'Fraud', 'yes'), /row 5 .*column "Fraud": "yes" is not 0 or 1/);
  rejects(withCell(csv, 2, 'HS6 Code', '85A440'), /row 2 .*column "HS6 Code"/);
  rejects(withCell(csv, 2, 'Importer ID', ''), /row 2 .*column "Importer ID": is empty/);
  const lines = csv.split('\n');
  lines[2] = lines[2]!.split(',').slice(0, 10).join(',');
  rejects(lines.join('\n'), /row 2 .*has 10 fields, the header has 22/);
});

test('a missing column is named; blank lines do not shift the reported line', () => {
  const noMass = csv.split('\n').map((l) => l.split(',').filter((_, i) => i !== KCS_HEADER.indexOf('Net Mass')).join(',')).join('\n');
  rejects(noMass, /no column "Net Mass"/);
  rejects(KCS_HEADER.join(',') + '\n', /no rows/);
  const lines = csv.split('\n');
  lines.splice(2, 0, '');
  rejects(withCell(lines.join('\n'), 4, 'Net Mass', 'x'), /row 3 \(line 5\), column "Net Mass"/);
});

test('quoted fields with commas and quotes, CRLF line ends, empty seller and courier', () => {
  const lines = csv.split('\n');
  const cells = lines[1]!.split(',');
  cells[KCS_HEADER.indexOf('Importer ID')] = '"ACME, ""Hanoi"""';
  cells[KCS_HEADER.indexOf('Seller ID')] = '';
  lines[1] = cells.join(',');
  const { declarations } = read(lines.join('\r\n'));
  assert.equal(declarations[0]!.importer, 'ACME, "Hanoi"');
  assert.equal(declarations[0]!.seller, '');
  assert.throws(() => parseCsv('a,b\n"open,1\n'), /quoted field opened on line 2 is never closed/);
});
