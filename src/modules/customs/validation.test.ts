import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DeclarationContent } from './model.ts';
import { normalizeContent, validateDeclaration, VALIDATION_CODES } from './validation.ts';

const now = new Date('2026-11-23T08:00:00Z');
const ctx = { now, knownSubheading: (hs6: string) => ['080810', '081060', '851713'].includes(hs6), checkArrival: true };

function valid(): DeclarationContent {
  return {
    type: 'import', direction: 'inbound', borderGate: 'VN-MONGCAI', expectedArrival: '2026-11-24T08:00:00Z',
    parties: {
      importer: { name: 'Nông sản Móng Cái', taxId: '5700100256', country: 'VN' },
      exporter: { name: '东兴果蔬', taxId: '91450100MA5KB1234J', country: 'CN' },
      declarant: { name: 'Logistics Lạng Sơn', taxId: '4900101569', country: 'VN' },
    },
    consignment: { transport: { tractorPlate: '29C-123.45', trailerPlate: '29R-012.34' }, equipment: [{ containerNumber: 'CSQU3054383', sealNumbers: ['S1'] }] },
    goods: [{ hsCode: '08081000', description: 'Apples', originCountry: 'CN', quantity: 100, unit: 'KGM', grossMassKg: 110, netMassKg: 100, customsValue: { amount: 900, currency: 'USD' } }],
  };
}

/** Applies a change to a valid declaration and returns the problems as `pointer code` lines. */
function problemsAfter(change: (c: DeclarationContent) => void, context = ctx): string[] {
  const c = valid();
  change(c);
  return validateDeclaration(c, context).map((p) => `${p.pointer} ${p.code}`);
}

describe('declaration validation', () => {
  test('a complete declaration has no problems', () => {
    assert.deepEqual(validateDeclaration(valid(), ctx), []);
  });

  const cases: Array<[string, (c: DeclarationContent) => void, string]> = [
    ['FIELD_REQUIRED for a missing field', (c) => delete c.goods![0]!.description, '/goods/0/description FIELD_REQUIRED'],
    ['FIELD_REQUIRED for a blank field', (c) => (c.parties!.importer!.name = '  '), '/parties/importer/name FIELD_REQUIRED'],
    ['FIELD_REQUIRED for no goods', (c) => (c.goods = []), '/goods FIELD_REQUIRED'],
    ['DIRECTION_MISMATCH', (c) => (c.direction = 'outbound'), '/direction DIRECTION_MISMATCH'],
    ['ARRIVAL_INVALID', (c) => (c.expectedArrival = 'tomorrow'), '/expectedArrival ARRIVAL_INVALID'],
    ['ARRIVAL_IN_PAST', (c) => (c.expectedArrival = '2026-11-23T07:59:59Z'), '/expectedArrival ARRIVAL_IN_PAST'],
    ['TAX_ID_INVALID (VN check digit)', (c) => (c.parties!.importer!.taxId = '5700100257'), '/parties/importer/taxId TAX_ID_INVALID'],
    ['TAX_ID_INVALID (CN check character)', (c) => (c.parties!.exporter!.taxId = '91450100MA5KB1234K'), '/parties/exporter/taxId TAX_ID_INVALID'],
    ['TAX_ID_INVALID (other country)', (c) => (c.parties!.exporter = { name: 'X', taxId: 'no spaces allowed', country: 'TH' }), '/parties/exporter/taxId TAX_ID_INVALID'],
    ['COUNTRY_INVALID (party)', (c) => (c.parties!.declarant!.country = 'XX'), '/parties/declarant/country COUNTRY_INVALID'],
    ['COUNTRY_INVALID (origin, lower case)', (c) => (c.goods![0]!.originCountry = 'cn'), '/goods/0/originCountry COUNTRY_INVALID'],
    ['PARTY_COUNTRY_MISMATCH', (c) => (c.parties!.importer = { name: 'X', taxId: '91450100MA5KB1234J', country: 'CN' }), '/parties/importer/country PARTY_COUNTRY_MISMATCH'],
    ['PLATE_INVALID (tractor)', (c) => (c.consignment!.transport!.tractorPlate = '29-123.45'), '/consignment/transport/tractorPlate PLATE_INVALID'],
    ['PLATE_INVALID (trailer)', (c) => (c.consignment!.transport!.trailerPlate = 'ABC'), '/consignment/transport/trailerPlate PLATE_INVALID'],
    ['PLATE_IS_TRAILER', (c) => (c.consignment!.transport!.tractorPlate = '桂A1234挂'), '/consignment/transport/tractorPlate PLATE_IS_TRAILER'],
    ['CONTAINER_FORMAT', (c) => (c.consignment!.equipment![0]!.containerNumber = 'CSQ3054383'), '/consignment/equipment/0/containerNumber CONTAINER_FORMAT'],
    ['CONTAINER_CHECK_DIGIT', (c) => (c.consignment!.equipment![0]!.containerNumber = 'CSQU3054384'), '/consignment/equipment/0/containerNumber CONTAINER_CHECK_DIGIT'],
    ['CONTAINER_DUPLICATE', (c) => c.consignment!.equipment!.push({ containerNumber: 'CSQU3054383', sealNumbers: [] }), '/consignment/equipment/1/containerNumber CONTAINER_DUPLICATE'],
    ['HS_CODE_FORMAT', (c) => (c.goods![0]!.hsCode = '080810'), '/goods/0/hsCode HS_CODE_FORMAT'],
    ['HS_CODE_UNKNOWN', (c) => (c.goods![0]!.hsCode = '99999999'), '/goods/0/hsCode HS_CODE_UNKNOWN'],
    ['QUANTITY_NOT_POSITIVE', (c) => (c.goods![0]!.quantity = 0), '/goods/0/quantity QUANTITY_NOT_POSITIVE'],
    ['MASS_NOT_POSITIVE', (c) => (c.goods![0]!.grossMassKg = -1), '/goods/0/grossMassKg MASS_NOT_POSITIVE'],
    ['NET_MASS_EXCEEDS_GROSS', (c) => (c.goods![0]!.netMassKg = 111), '/goods/0/netMassKg NET_MASS_EXCEEDS_GROSS'],
    ['VALUE_NOT_POSITIVE', (c) => (c.goods![0]!.customsValue!.amount = 0), '/goods/0/customsValue/amount VALUE_NOT_POSITIVE'],
    ['CURRENCY_INVALID', (c) => (c.goods![0]!.customsValue!.currency = 'XXX'), '/goods/0/customsValue/currency CURRENCY_INVALID'],
    ['UNIT_INVALID', (c) => (c.goods![0]!.unit = 'BAGS'), '/goods/0/unit UNIT_INVALID'],
  ];
  for (const [name, change, expected] of cases) {
    test(name, () => assert.deepEqual(problemsAfter(change), [expected]));
  }

  test('every validation code has a case above', () => {
    const covered = new Set(cases.map(([, , e]) => e.split(' ')[1]));
    assert.deepEqual(VALIDATION_CODES.filter((c) => !covered.has(c)), []);
  });

  test('an amendment that keeps the accepted arrival is not refused for it being past', () => {
    assert.deepEqual(problemsAfter((c) => (c.expectedArrival = '2026-11-20T00:00:00Z'), { ...ctx, checkArrival: false }), []);
  });

  test('ten problems are all reported at once, each at its own pointer', () => {
    const found = problemsAfter((c) => {
      c.direction = 'outbound';
      c.expectedArrival = '2020-01-01T00:00:00Z';
      c.parties!.importer!.taxId = '0000000000';
      c.parties!.exporter!.country = 'ZZ';
      c.consignment!.transport!.tractorPlate = 'NOPE';
      c.consignment!.equipment![0]!.containerNumber = 'CSQU3054384';
      c.goods![0]!.hsCode = '12';
      c.goods![0]!.quantity = -5;
      c.goods![0]!.netMassKg = 500;
      c.goods![0]!.customsValue!.currency = 'DOLLARS';
    });
    assert.equal(found.length, 10, found.join('\n'));
    assert.equal(new Set(found.map((f) => f.split(' ')[0])).size, 10);
  });

  test('normalisation gives plates, containers and codes their canonical spelling', () => {
    const c = normalizeContent({
      parties: { importer: { name: ' A ', taxId: '5700100256', country: 'vn' } },
      consignment: { transport: { tractorPlate: '29c12345' }, equipment: [{ containerNumber: 'csqu 305438 3' }] },
      goods: [{ hsCode: '0808.10.00', unit: 'kgm', originCountry: 'cn', customsValue: { amount: 1, currency: 'usd' } }],
    });
    assert.equal(c.consignment?.transport?.tractorPlate, '29C-123.45');
    assert.equal(c.consignment?.equipment?.[0]?.containerNumber, 'CSQU3054383');
    assert.deepEqual([c.goods?.[0]?.hsCode, c.goods?.[0]?.unit, c.goods?.[0]?.originCountry, c.goods?.[0]?.customsValue?.currency], ['08081000', 'KGM', 'CN', 'USD']);
    assert.deepEqual([c.parties?.importer?.name, c.parties?.importer?.country], ['A', 'VN']);
  });
});
