import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateDuties, type TariffRates } from './duties.ts';

const TARIFF: Record<string, TariffRates> = {
  '08081000': { line: '08081000', description: 'Apples', importDutyRate: 8, vatRate: 5 },
  '85171300': { line: '85171300', description: 'Smartphones', importDutyRate: 0, vatRate: 10 },
};
const rates = (line: string) => TARIFF[line];

test('import duty on the customs value, VAT on value plus duty, per goods item and in total per currency', () => {
  const e = estimateDuties({
    type: 'import',
    goods: [
      { hsCode: '08081000', customsValue: { amount: 18000, currency: 'USD' } },
      { hsCode: '85171300', customsValue: { amount: 1000.5, currency: 'USD' } },
      { hsCode: '08081000', customsValue: { amount: 1_000_001, currency: 'VND' } },
    ],
  }, rates);
  assert.deepEqual(e.items.map((i) => [i.importDuty, i.vat]), [[1440, 972], [0, 100.05], [80_000, 54_000]]);
  assert.deepEqual(e.totals, [{ currency: 'USD', importDuty: 1440, vat: 1072.05 }, { currency: 'VND', importDuty: 80_000, vat: 54_000 }]);
});

test('a code without a tariff line, or without a value, has no estimate and says why', () => {
  const e = estimateDuties({ type: 'import', goods: [{ hsCode: '08081099', customsValue: { amount: 1, currency: 'USD' } }, { hsCode: '08081000' }] }, rates);
  assert.equal(e.items[0]!.importDuty, null);
  assert.match(e.items[0]!.note!, /no tariff line/);
  assert.equal(e.items[1]!.tariffLine, '08081000');
  assert.match(e.items[1]!.note!, /customs value missing/);
  assert.deepEqual(e.totals, []);
});

test('exports owe no import duty or VAT', () => {
  const e = estimateDuties({ type: 'export', goods: [{ hsCode: '08081000', customsValue: { amount: 100, currency: 'USD' } }] }, rates);
  assert.deepEqual([e.items[0]!.importDuty, e.items[0]!.vat], [0, 0]);
});
