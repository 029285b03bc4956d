// Each rule of the rule layer fires on what it is meant to catch, with its code, a message in
// Vietnamese, English and Chinese, and the numbers behind it — and stays silent otherwise.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateRules, type AssessmentContext, type RuleReason } from '../../src/modules/risk/index.ts';
import { appleContent, CN_EXPORTER, IMPORTER_LANGSON, IMPORTER_MONGCAI, inputOf, NO_RANDOM, ruleSetWith, snapshot } from './fixtures.ts';

const known: Partial<AssessmentContext> = { importer: { previousDeclarations: 12, lastSeen: '2026-11-01T08:00:00.000Z' } };

function reasons(content = appleContent(), context: Partial<AssessmentContext> = known, patch = {}, id = 'decl_A'): RuleReason[] {
  return evaluateRules(inputOf(snapshot(content, id), context), ruleSetWith({ ...NO_RANDOM, ...patch }).config).reasons;
}
function only(rs: RuleReason[], code: string): RuleReason {
  const hits = rs.filter((r) => r.code === code);
  assert.equal(hits.length, 1, `one ${code} among ${rs.map((r) => r.code).join(', ') || 'none'}`);
  const r = hits[0]!;
  for (const lang of ['vi', 'en', 'zh'] as const) assert.ok(r.message[lang].length > 10, `${code} has a ${lang} message`);
  assert.notEqual(r.message.vi, r.message.en);
  assert.notEqual(r.message.zh, r.message.en);
  return r;
}

test('an ordinary declaration of a known importer gives no reason at all', () => {
  assert.deepEqual(reasons(), []);
});

describe('watchlists', () => {
  test('a watched party is named with its role, tax id and note, and forces red', () => {
    const rs = reasons(appleContent(), known, { watchlists: { parties: [{ value: CN_EXPORTER, note: 'undervaluation case 2025/17' }] } });
    const r = only(rs, 'WATCHLIST_PARTY');
    assert.deepEqual([r.channel, r.numbers.role, r.numbers.taxId, r.numbers.note], ['red', 'exporter', CN_EXPORTER, 'undervaluation case 2025/17']);
    assert.match(r.message.en, /exporter \(tax id 91450100MA5KB1234J\) is on the watchlist: undervaluation case 2025\/17/);
    assert.match(r.message.vi, /Nhà xuất khẩu/);
    assert.match(r.message.zh, /出口商/);
  });
  test('HS prefixes, origin and departure countries and plates each give their reason', () => {
    const rs = reasons(appleContent(), known, {
      watchlists: {
        hsCodes: [{ value: '0808', channel: 'yellow', weight: 0.4 }], countries: [{ value: 'CN', channel: null, weight: 0.2 }],
        plates: [{ value: '桂A·12345', note: 'tip-off' }],
      },
    });
    assert.deepEqual(only(rs, 'WATCHLIST_HS').numbers, { item: 1, hsCode: '08081000', watched: '0808' });
    assert.equal(only(rs, 'WATCHLIST_HS').channel, 'yellow');
    assert.equal(only(rs, 'WATCHLIST_ORIGIN').numbers.country, 'CN');
    assert.equal(only(rs, 'WATCHLIST_DEPARTURE').channel, null);
    assert.deepEqual(only(rs, 'WATCHLIST_PLATE').numbers, { vehicle: 'tractor', plate: '桂A12345', note: 'tip-off' });
    assert.equal(rs[0]!.code, 'WATCHLIST_PLATE', 'the reason that forces red comes first');
  });
  test('a prefix that does not match stays silent', () => {
    assert.deepEqual(reasons(appleContent(), known, { watchlists: { hsCodes: [{ value: '0809' }], parties: [{ value: IMPORTER_LANGSON }] } }), []);
  });
});

describe('unit value', () => {
  const ref = (n: number, medianUsdPerKg: number) => ({ unitValues: [{ item: 0, measure: 'kg', level: 'hs8' as const, code: '08081000', origin: 'CN', n, median: Math.log10(medianUsdPerKg), mad: 0.05 }] });
  test('far below the median of the same line and origin: the declared and typical values, ratio, robust z and sample', () => {
    const cheap = appleContent({ goods: [{ ...appleContent().goods![0]!, customsValue: { amount: 4000, currency: 'USD' } }] });
    const r = only(reasons(cheap, { ...known, ...ref(40, 0.9) }), 'UNIT_VALUE_LOW');
    assert.deepEqual([r.numbers.declaredUsdPerMeasure, r.numbers.medianUsdPerMeasure, r.numbers.ratio, r.numbers.sample, r.numbers.measure], [0.2, 0.9, 0.2222, 40, 'kg']);
    assert.ok((r.numbers.robustZ as number) < -3.5);
    assert.match(r.message.en, /0\.2 USD\/kg, 22\.2 % of the median 0\.9 USD\/kg of 40 earlier declarations/);
  });
  test('silent at the median, below the minimum sample, and for a value only a little low', () => {
    const cheap = appleContent({ goods: [{ ...appleContent().goods![0]!, customsValue: { amount: 4000, currency: 'USD' } }] });
    assert.deepEqual(reasons(appleContent(), { ...known, ...ref(40, 0.9) }), []);
    assert.deepEqual(reasons(cheap, { ...known, ...ref(19, 0.9) }), [], 'fewer than minSample (20) values');
    const slightly = appleContent({ goods: [{ ...appleContent().goods![0]!, customsValue: { amount: 15000, currency: 'USD' } }] });
    assert.deepEqual(reasons(slightly, { ...known, ...ref(40, 0.9) }), []);
  });
  test('a currency without a reference rate is said, not silently skipped', () => {
    const odd = appleContent({ goods: [{ ...appleContent().goods![0]!, customsValue: { amount: 100, currency: 'XAU' } }] });
    assert.deepEqual(only(reasons(odd), 'CURRENCY_NO_RATE').numbers, { item: 1, currency: 'XAU' });
  });
});

describe('mass and quantity', () => {
  const line = appleContent().goods![0]!;
  test('net above gross, heavy packaging, quantity against net mass, overweight container and truck', () => {
    assert.deepEqual(only(reasons(appleContent({ goods: [{ ...line, netMassKg: 22000 }] })), 'NET_ABOVE_GROSS').numbers, { item: 1, netMassKg: 22000, grossMassKg: 21500 });
    assert.equal(only(reasons(appleContent({ goods: [{ ...line, grossMassKg: 32000 }] })), 'PACKAGING_TOO_HEAVY').numbers.grossToNet, 1.6);
    assert.equal(only(reasons(appleContent({ goods: [{ ...line, quantity: 18000 }] })), 'QUANTITY_MASS_MISMATCH').numbers.gap, -0.1);
    const heavy = appleContent({ goods: [{ ...line, quantity: 30000, netMassKg: 30000, grossMassKg: 32000 }] });
    const rs = reasons(heavy);
    assert.deepEqual(only(rs, 'CONTAINER_OVERWEIGHT').numbers, { grossMassKg: 32000, containers: 1, perContainerKg: 32000, limit: 30480 });
    assert.deepEqual(rs.map((r) => r.code), ['CONTAINER_OVERWEIGHT']);
    const bulk = appleContent({ consignment: { transport: { tractorPlate: '桂A12345' }, equipment: [] }, goods: [{ ...line, quantity: 50000, netMassKg: 50000, grossMassKg: 50000 }] });
    assert.equal(only(reasons(bulk), 'TRUCK_OVERWEIGHT').numbers.grossMassKg, 50000);
  });
});

describe('importer and declarant history', () => {
  test('a first-time importer, then a dormant one', () => {
    const first = only(reasons(appleContent(), { importer: { previousDeclarations: 0, lastSeen: null } }), 'FIRST_TIME_IMPORTER');
    assert.equal(first.weight, 0.25);
    const dormant = only(reasons(appleContent(), { importer: { previousDeclarations: 3, lastSeen: '2025-06-01T00:00:00.000Z' } }), 'DORMANT_IMPORTER');
    assert.deepEqual([dormant.numbers.daysSinceLast, dormant.numbers.dormantDays], [540, 365]);
    assert.deepEqual(reasons(appleContent(), { importer: { previousDeclarations: 3, lastSeen: '2026-06-01T00:00:00.000Z' } }), []);
  });
  test('the hit rate is shrunk: one unlucky inspection does not fire, a record of discrepancies does', () => {
    const global = { declarations: 1000, inspections: 200, hits: 20 };
    const key = (inspections: number, hits: number) => ({ [`importer:${IMPORTER_MONGCAI}`]: { declarations: inspections, inspections, hits } });
    assert.deepEqual(reasons(appleContent(), { ...known, global, keys: key(1, 1) }), [], '1 of 1: (1 + 5·0.1)/(1 + 5) = 0.25 < 0.3');
    const r = only(reasons(appleContent(), { ...known, global, keys: key(6, 5) }), 'IMPORTER_POOR_COMPLIANCE');
    assert.deepEqual([r.numbers.inspections, r.numbers.hits, r.numbers.rawRate, r.numbers.prior], [6, 5, 0.8333, 0.1040]);
    assert.ok(Math.abs(r.weight - (r.numbers.shrunkRate as number)) < 1e-3, 'the weight is the shrunk rate');
    assert.ok(Math.abs((r.numbers.shrunkRate as number) - (5 + 5 * (21 / 202)) / 11) < 1e-3);
  });
  test('when most inspections find something, a high rate alone does not single a party out', () => {
    const global = { declarations: 200, inspections: 100, hits: 80 };
    const keys = { [`importer:${IMPORTER_MONGCAI}`]: { declarations: 6, inspections: 6, hits: 5 } };
    assert.deepEqual(reasons(appleContent(), { ...known, global, keys }), [], 'shrunk 0.81 against a prior of 0.79: lift 1.03 < 1.5');
  });
  test("a declarant (broker) other than the importer has its own record", () => {
    const broker = appleContent({ parties: { ...appleContent().parties, declarant: { name: 'Broker', taxId: IMPORTER_LANGSON, country: 'VN' } } });
    const global = { declarations: 100, inspections: 50, hits: 5 };
    const rs = reasons(broker, { ...known, global, keys: { [`declarant:${IMPORTER_LANGSON}`]: { declarations: 9, inspections: 9, hits: 7 } } });
    assert.equal(only(rs, 'DECLARANT_POOR_COMPLIANCE').numbers.hits, 7);
  });
});

describe('partner export data', () => {
  const partner = (over: Record<string, unknown> = {}) => ({
    consignmentRef: 'CN-EXP-1', receivedAt: '2026-11-22T08:00:00.000Z', source: 'CN-DONGXING', exporterTaxId: CN_EXPORTER, tractorPlate: '桂A12345',
    containers: ['CSQU3054383'], goods: [{ hsCode: '0808100000', netMassKg: 20000, grossMassKg: 21500, value: { amount: 126000, currency: 'CNY' }, quantity: 20000, valueUsd: 17640 }],
    ...over,
  });
  test('agreeing data gives no reason; no data gives none either', () => {
    assert.deepEqual(reasons(appleContent(), { ...known, partner: partner() }), []);
    assert.deepEqual(reasons(appleContent(), { ...known, partner: null }), []);
  });
  test('value, mass, HS and container mismatches each say both sides', () => {
    const p = partner({
      containers: ['TGHU1234567'],
      goods: [{ hsCode: '0809300000', netMassKg: 26000, grossMassKg: 27000, value: { amount: 252000, currency: 'CNY' }, quantity: 26000, valueUsd: 35280 }],
    });
    const rs = reasons(appleContent(), { ...known, partner: p });
    assert.deepEqual(rs.map((r) => r.code).sort(), ['PARTNER_CONTAINER_MISMATCH', 'PARTNER_HS_MISMATCH', 'PARTNER_MASS_MISMATCH', 'PARTNER_VALUE_MISMATCH']);
    const v = only(rs, 'PARTNER_VALUE_MISMATCH');
    assert.deepEqual([v.numbers.ourValueUsd, v.numbers.partnerValueUsd, v.numbers.gap, v.channel], [18000, 35280, -0.4898, 'yellow']);
    assert.deepEqual([only(rs, 'PARTNER_HS_MISMATCH').numbers.onlyOurs, only(rs, 'PARTNER_HS_MISMATCH').numbers.onlyPartner], ['080810', '080930']);
    assert.equal(only(rs, 'PARTNER_CONTAINER_MISMATCH').numbers.onlyPartner, 'TGHU1234567');
    assert.equal(only(rs, 'PARTNER_MASS_MISMATCH').numbers.partnerMassKg, 26000);
  });
});

describe('random control', () => {
  test('selects about the configured share, the same declaration versions every time, with the draw in its numbers', () => {
    const pick = (id: string, version = 1) => evaluateRules(inputOf(snapshot(appleContent(), id, version), known), ruleSetWith({ randomControl: { rate: 0.1, seed: 7 } }).config);
    const ids = Array.from({ length: 2000 }, (_, i) => `decl_R${i}`);
    const chosen = ids.filter((id) => pick(id).reasons.some((r) => r.code === 'RANDOM_CONTROL'));
    assert.ok(chosen.length > 150 && chosen.length < 250, `${chosen.length} of 2000 at 10 % (±3.7 σ)`);
    assert.deepEqual(ids.filter((id) => pick(id).reasons.some((r) => r.code === 'RANDOM_CONTROL')), chosen, 'reproducible');
    const r = only(pick(chosen[0]!).reasons, 'RANDOM_CONTROL');
    assert.ok((r.numbers.draw as number) < 0.1);
    assert.deepEqual([r.channel, pick(chosen[0]!).forced], ['red', 'red']);
    const seed8 = ids.filter((id) => evaluateRules(inputOf(snapshot(appleContent(), id), known), ruleSetWith({ randomControl: { rate: 0.1, seed: 8 } }).config).forced);
    assert.notDeepEqual(seed8, chosen, 'another seed draws afresh');
  });
});

test('the rule score is the noisy-OR of the weights, and the forced channel the most intrusive', () => {
  const out = evaluateRules(inputOf(snapshot(), { importer: { previousDeclarations: 0, lastSeen: null } }), ruleSetWith({
    ...NO_RANDOM, watchlists: { hsCodes: [{ value: '08', channel: 'yellow', weight: 0.4 }] },
  }).config);
  assert.deepEqual(out.reasons.map((r) => r.code), ['WATCHLIST_HS', 'FIRST_TIME_IMPORTER']);
  assert.ok(Math.abs(out.score - (1 - 0.6 * 0.75)) < 1e-12);
  assert.equal(out.forced, 'yellow');
});
