import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEMO_TARIFF_FILE } from './tariff-service.ts';
import { parseCsv, parseHsNomenclature, parseTariff } from './tariff-csv.ts';

test('CSV: quoted commas, doubled quotes, CRLF, multi-line fields keep their starting line', () => {
  const records = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\nlast,1');
  assert.deepEqual(records, [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['x, y', 'say "hi"'] },
    { line: 4, fields: ['multi\nline', 'z'] },
    { line: 6, fields: ['last', '1'] },
  ]);
});

test('a good file gives its lines; dots and percent signs are accepted', () => {
  const r = parseTariff('tariff_line,description,import_duty_rate,vat_rate\n0808.10.00,"Apples, fresh",8%,5\n85171300,Smartphones,0,10\n');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(r.lines, [
    { line: '08081000', description: 'Apples, fresh', importDutyRate: 8, vatRate: 5 },
    { line: '85171300', description: 'Smartphones', importDutyRate: 0, vatRate: 10 },
  ]);
});

test('every bad row is reported by its line number, and no line is returned', () => {
  const csv = [
    'tariff_line,description,import_duty_rate,vat_rate',
    '08081000,Apples,8,5',
    '0808100,Short,8,5',
    '08083000,,8,5',
    '08061000,Grapes,eight,5',
    '08109010,Longans,15,101',
    '08081000,Apples again,8,5',
    '99999999,Unknown subheading,0,10',
    '08051020,Too,many,columns,here',
  ].join('\n');
  const r = parseTariff(csv, new Set(['080810', '080830', '080610', '081090', '080510']));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => `${p.pointer} ${p.code}`), [
    '/lines/3/tariff_line TARIFF_LINE_FORMAT',
    '/lines/4/description TARIFF_DESCRIPTION',
    '/lines/5/import_duty_rate TARIFF_RATE',
    '/lines/6/vat_rate TARIFF_RATE',
    '/lines/7/tariff_line TARIFF_LINE_DUPLICATE',
    '/lines/8/tariff_line HS_SUBHEADING_UNKNOWN',
    '/lines/9/row TARIFF_COLUMNS',
  ]);
  assert.match(r.problems[0]!.message, /^line 3: /);
});

test('a wrong header or an empty file is refused', () => {
  const header = parseTariff('code,desc,duty,vat\n08081000,Apples,8,5');
  assert.equal(header.ok ? null : header.problems[0]!.code, 'TARIFF_HEADER');
  const empty = parseTariff('tariff_line,description,import_duty_rate,vat_rate\n');
  assert.equal(empty.ok ? null : empty.problems[0]!.code, 'TARIFF_EMPTY');
});

test('the shipped demo tariff parses', () => {
  const r = parseTariff(readFileSync(DEMO_TARIFF_FILE, 'utf8'));
  assert.ok(r.ok && r.lines.length >= 50, r.ok ? '' : JSON.stringify(r.problems));
});

test('the HS nomenclature keeps 6-digit subheadings only', () => {
  const hs = parseHsNomenclature('section,hscode,description,parent,level\nII,08,"Fruit",TOTAL,2\nII,0808,"Apples",08,4\nII,080810,"Apples, fresh",0808,6\n');
  assert.deepEqual([...hs], [['080810', 'Apples, fresh']]);
});
