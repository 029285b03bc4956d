// The engine against a real database: history read as of each assessment, inspection results
// fed back as labels, audited rule-set versions, the model registry (training from stored labels,
// activation, refusal of broken models), calibration, exact reproduction and drift. One rig per
// database kind, shared by the cases in order: each builds on the history the previous left.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { AppError } from '../../src/infra/errors/index.ts';
import type { DeclarationContent } from '../../src/modules/customs/index.ts';
import { serializeDeclarationModel, trainDeclarationModel } from '../../src/modules/risk/index.ts';
import { appleContent, IMPORTER_LANGSON, partnerApples } from './fixtures.ts';
import { databaseKinds, startRisk, type RiskRig } from './rig.ts';
import { simulateHistory } from './simulate.ts';

const supervisor = { actor: { kind: 'user' as const, id: 'usr_sup', name: 'supervisor', roles: ['customs_supervisor' as const], enterpriseId: null }, requestId: 'req_1', sourceIp: '127.0.0.1' };
const HOUR = 3_600_000;

/** Apples of an importer at a value per kg, in their own container. */
function apples(taxId: string, usdPerKg: number, n: number): DeclarationContent {
  const base = appleContent();
  const container = `CSQU${String(1000000 + n).slice(-6)}${n % 10}`;
  return appleContent({
    parties: { ...base.parties, importer: { name: 'I', taxId, country: 'VN' }, declarant: { name: 'I', taxId, country: 'VN' } },
    consignment: { transport: { tractorPlate: `桂A${10000 + n}` }, equipment: [{ containerNumber: container, sealNumbers: [] }] },
    goods: [{ ...base.goods![0]!, customsValue: { amount: Math.round(20000 * usdPerKg), currency: 'USD' } }],
  });
}
const codes = (a: { result: { reasons: Array<{ code: string }> } }) => a.result.reasons.map((r) => r.code);
async function auditCount(rig: RiskRig, action: string, outcome = 'success'): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from audit.records where action = ${action} and outcome = ${outcome}`.execute(rig.database.db);
  return Number(r.rows[0]!.n);
}

for (const kind of databaseKinds('risk engine store tests')) {
  describe(`risk engine on ${kind}`, () => {
    let rig: RiskRig;
    before(async () => {
      rig = await startRisk(kind);
      // Random control off: these cases check what the other rules say.
      await rig.risk.services.ruleSets.publish(supervisor, { rules: { randomControl: { rate: 0 } }, note: 'tests: no random control' });
    });
    after(() => rig?.close());

    test('the first assessment seeds version 0 and uses the latest version; a first-time importer is said, a second declaration is not', async () => {
      const a = await rig.assess('decl_E0', apples('0100109999', 0.9, 0));
      assert.equal(a.result.ruleSet.version, 1);
      assert.deepEqual(codes(a), ['FIRST_TIME_IMPORTER']);
      assert.equal(a.channel, 'yellow', 'rule score 0.25 ≥ the default yellow threshold 0.2');
      rig.clock.advance(HOUR);
      const b = await rig.assess('decl_E1', apples('0100109999', 0.9, 1));
      assert.deepEqual([codes(b), b.channel, b.result.model], [[], 'green', null]);
      assert.deepEqual((await rig.risk.services.ruleSets.list()).map((s) => s.version), [1, 0]);
      assert.equal(await auditCount(rig, 'risk.rule_set.seed'), 1);
      assert.equal(await auditCount(rig, 'risk.assess'), 2);
    });

    test('rule-set versions are audited with what changed, never backdated, and apply from their effective time', async () => {
      const bad = await rig.risk.services.ruleSets.publish(supervisor, { rules: {}, note: 'backdated', effectiveFrom: '2026-01-01T00:00:00Z' }).catch((e: unknown) => e);
      assert.ok(bad instanceof AppError && bad.code === 'VALIDATION_FAILED' && bad.errors?.[0]?.pointer === '/effectiveFrom');
      const badRules = await rig.risk.services.ruleSets.publish(supervisor, { rules: { watchlists: { hsCodes: [{ value: '08a' }] }, thresholds: { yellow: 0.7, red: 0.6 } }, note: 'typo' }).catch((e: unknown) => e);
      assert.deepEqual((badRules as AppError).errors?.map((e) => e.pointer), ['/rules/watchlists/hsCodes/0/value', '/rules/thresholds/yellow']);
      const later = new Date(rig.clock.now().getTime() + 2 * HOUR).toISOString();
      const v2 = await rig.risk.services.ruleSets.publish(supervisor, { rules: { watchlists: { parties: [{ value: IMPORTER_LANGSON, note: 'case 17' }] } }, note: 'tip-off', effectiveFrom: later });
      assert.deepEqual([v2.version, v2.config.watchlists.parties[0]], [2, { value: IMPORTER_LANGSON, note: 'case 17', channel: 'red', weight: 0.9 }]);
      assert.equal(v2.config.randomControl.rate, 0, 'sections not sent keep the previous version');
      const audit = await sql<{ details: { changed: string[]; version: number } }>`select details from audit.records where action = 'risk.rule_set.publish' order by at desc limit 1`.execute(rig.database.db);
      assert.deepEqual([audit.rows[0]!.details.version, audit.rows[0]!.details.changed], [2, ['watchlists']]);
      const before = await rig.assess('decl_E2', apples(IMPORTER_LANGSON, 0.9, 2));
      assert.deepEqual([before.result.ruleSet.version, codes(before)], [1, ['FIRST_TIME_IMPORTER']]);
      rig.clock.advance(3 * HOUR);
      const afterIt = await rig.assess('decl_E3', apples(IMPORTER_LANGSON, 0.9, 3));
      assert.deepEqual([afterIt.result.ruleSet.version, codes(afterIt), afterIt.channel], [2, ['WATCHLIST_PARTY'], 'red']);
    });

    test('unit values are learned from earlier declarations of the same line and origin; a discrepancy leaves its values out', async () => {
      for (let i = 0; i < 24; i++) {
        rig.clock.advance(HOUR);
        await rig.assess(`decl_U${i}`, apples('0100109999', 0.8 + (i % 5) * 0.05, 10 + i));
      }
      rig.clock.advance(HOUR);
      const cheap = await rig.assess('decl_Ucheap', apples('0100109999', 0.2, 40));
      const r = cheap.result.reasons.find((x) => x.code === 'UNIT_VALUE_LOW');
      assert.ok(r, `reasons: ${codes(cheap).join(', ')}`);
      assert.deepEqual([r.numbers.sample, r.numbers.level, r.numbers.medianUsdPerMeasure], [28, 'hs8', 0.9], 'decl_E0…E3 and decl_U0…U23');
      assert.equal(cheap.input.context.unitValues[0]!.n, 28, 'the reference is stored with the assessment');
      await rig.inspect('decl_U0', 1, 'discrepancy');
      rig.clock.advance(HOUR);
      const again = await rig.assess('decl_Ucheap2', apples('0100109999', 0.2, 41));
      assert.equal(again.input.context.unitValues[0]!.n, 28, 'decl_U0 left out; decl_Ucheap (not inspected) counts');
    });

    test('inspection results become labels of the assessment they followed, counted once, and shape the compliance record', async () => {
      // Most inspections find nothing: twenty compliant results of the ordinary importer first.
      for (let i = 1; i <= 20; i++) await rig.inspect(`decl_U${i}`, 1, 'compliant');
      const bad = '0100107777';
      for (let i = 0; i < 6; i++) {
        rig.clock.advance(HOUR);
        await rig.assess(`decl_C${i}`, apples(bad, 0.9, 60 + i));
        await rig.inspect(`decl_C${i}`, 1, i === 5 ? 'compliant' : 'discrepancy');
      }
      await rig.inspect('decl_C0', 1, 'compliant');
      rig.clock.advance(HOUR);
      const next = await rig.assess('decl_C6', apples(bad, 0.9, 66));
      const r = next.result.reasons.find((x) => x.code === 'IMPORTER_POOR_COMPLIANCE');
      assert.ok(r);
      assert.deepEqual([r.numbers.inspections, r.numbers.hits], [6, 5], 'the repeated event for decl_C0 changed nothing');
      assert.deepEqual(await rig.risk.services.engine.labelCounts(), { labels: 27, discrepancies: 6 });
    });

    test("the partner's export data is stored per consignment and compared with the declaration it matches", async () => {
      const refused = await rig.risk.storePartnerExport(supervisor, { ...partnerApples(), goods: [{ hsCode: '08', netMassKg: -1, value: { amount: 1, currency: 'yuan' } }] } as never).catch((e: unknown) => e);
      assert.deepEqual((refused as AppError).errors?.map((e) => e.pointer), ['/goods/0/hsCode', '/goods/0/netMassKg', '/goods/0/value/currency']);
      const content = apples('0100109999', 0.9, 90);
      const container = content.consignment!.equipment![0]!.containerNumber!;
      await rig.risk.storePartnerExport(supervisor, partnerApples({ consignmentRef: 'CN-EXP-90', containers: [container], tractorPlate: '粤B00000' }));
      rig.clock.advance(HOUR);
      assert.deepEqual(codes(await rig.assess('decl_P0', content)), [], 'CNY 126,000 ≈ USD 17,640 against USD 18,000: within 10 %');
      await rig.risk.storePartnerExport(supervisor, partnerApples({
        consignmentRef: 'CN-EXP-90', containers: [container], goods: [{ hsCode: '0808100000', netMassKg: 26000, value: { amount: 252000, currency: 'CNY' } }],
      }));
      rig.clock.advance(HOUR);
      const a = await rig.assess('decl_P1', content);
      assert.deepEqual(codes(a).sort(), ['PARTNER_MASS_MISMATCH', 'PARTNER_VALUE_MISMATCH']);
      assert.deepEqual([a.result.forcedChannel, a.result.scoreChannel, a.channel], ['yellow', 'red', 'red'], 'forced yellow at least; two hits of 0.6 score 0.84, red');
      assert.equal((await rig.risk.services.partner.byRef('CN-EXP-90'))!.goods[0]!.netMassKg, 26000, 'the later message replaced the earlier');
      assert.equal(await auditCount(rig, 'risk.partner_export.store'), 2);
    });

    test('the registry: training needs enough labels; a broken file is refused and nothing stored; activation is audited', async () => {
      const few = await rig.risk.services.registry.train(supervisor, { seed: 1, note: 'too early' }).catch((e: unknown) => e);
      assert.equal((few as AppError).code, 'RISK_NOT_ENOUGH_LABELS');
      const good = serializeDeclarationModel(trainDeclarationModel(simulateHistory(600, 5), { seed: 2 }));
      const broken = await rig.risk.services.registry.register(supervisor, good.slice(0, -200), { note: 'truncated' }).catch((e: unknown) => e);
      assert.equal((broken as AppError).code, 'RISK_MODEL_INVALID');
      assert.deepEqual(await rig.risk.services.registry.list(), []);
      const m1 = await rig.risk.services.registry.register(supervisor, good, { note: 'trained offline' });
      assert.deepEqual([m1.version, m1.status, m1.source], [1, 'candidate', 'imported']);
      assert.ok((m1.metrics.auc as number) > 0.6);
      const active = await rig.risk.services.registry.activate(supervisor, m1.id);
      assert.equal(active.status, 'active');
      assert.equal(await auditCount(rig, 'risk.model.activate'), 1);
      rig.clock.advance(HOUR);
      const a = await rig.assess('decl_M0', apples('0100109999', 0.9, 100));
      assert.deepEqual(a.result.model, { id: m1.id, version: 1 });
      assert.ok(a.result.modelScore !== null && a.result.contributions.length > 0);
      assert.ok(Math.abs(a.result.score - (1 - (1 - a.result.ruleScore) * (1 - a.result.modelScore))) < 1e-12);
    });

    test('a stored model corrupted in place is refused at activation (audited) and the active model stays', async () => {
      const reg = rig.risk.services.registry;
      const m2 = await reg.register(supervisor, serializeDeclarationModel(trainDeclarationModel(simulateHistory(600, 6), { seed: 3 })), { note: 'second' });
      await sql`update risk.models set body = replace(body, '"trees":[{', '"trees":[{"x":0,') where id = ${m2.id}`.execute(rig.database.db);
      const err = await reg.activate(supervisor, m2.id).catch((e: unknown) => e);
      assert.ok(err instanceof AppError && err.code === 'RISK_MODEL_INVALID' && /checksum/.test(err.detail));
      assert.equal(await auditCount(rig, 'risk.model.activate', 'failed'), 1);
      const [second, first] = await reg.list();
      assert.deepEqual([second!.status, first!.status], ['candidate', 'active']);
      // Even flipped to active behind the registry's back, the broken file is not loaded.
      await sql`update risk.models set status = 'retired' where id = ${first!.id}`.execute(rig.database.db);
      await sql`update risk.models set status = 'active' where id = ${m2.id}`.execute(rig.database.db);
      rig.clock.advance(HOUR);
      const a = await rig.assess('decl_M1', apples('0100109999', 0.9, 101));
      assert.equal(a.result.model?.id, first!.id, 'the model in use stays in use');
      await sql`update risk.models set status = 'retired' where id = ${m2.id}`.execute(rig.database.db);
      await sql`update risk.models set status = 'active' where id = ${first!.id}`.execute(rig.database.db);
    });

    test('retraining from stored labels registers a candidate with its metrics', async () => {
      for (let i = 0; i < 40; i++) {
        rig.clock.advance(HOUR);
        const risky = i % 3 === 0;
        await rig.assess(`decl_L${i}`, apples(risky ? '0100107777' : '0100109999', risky ? 0.5 : 0.9, 200 + i));
        await rig.inspect(`decl_L${i}`, 1, risky ? 'discrepancy' : 'compliant');
      }
      const m = await rig.risk.services.registry.train(supervisor, { seed: 1, note: 'weekly retrain' });
      assert.deepEqual([m.source, m.status, m.metrics.trainingRows], ['trained', 'candidate', 67]);
      assert.equal(await auditCount(rig, 'risk.model.register'), 3);
    });

    test('calibration places thresholds on recent history; assessments name it; every assessment re-runs exactly', async () => {
      const cal = rig.risk.services.calibrations;
      const thin = await cal.calibrate(supervisor, { targets: { red: 0.05, yellow: 0.1 } }).catch((e: unknown) => e);
      assert.equal((thin as AppError).code, 'RISK_NOT_ENOUGH_HISTORY');
      for (let i = 0; i < 30; i++) {
        rig.clock.advance(HOUR);
        await rig.assess(`decl_K${i}`, apples(`01001${String(10000 + i)}`, 0.7 + (i % 7) * 0.1, 300 + i));
      }
      const c = await cal.calibrate(supervisor, { targets: { red: 0.05, yellow: 0.1 } });
      assert.ok(c.rows >= 100 && Math.abs(c.achieved.red - 0.05) <= 0.005 + 1 / c.rows, `red ${c.achieved.red} of ${c.rows}`);
      rig.clock.advance(HOUR);
      const a = await rig.assess('decl_K99', apples('0100109999', 0.9, 399));
      assert.deepEqual(a.result.calibration, { id: c.id });
      assert.deepEqual(a.result.thresholds, c.thresholds);
      const ids = await sql<{ id: string }>`select id from risk.assessments order by assessed_at`.execute(rig.database.db);
      for (const { id } of ids.rows) {
        const r = await rig.risk.services.engine.reproduce(id);
        assert.ok(r.matches, `${id}: ${r.differences.join(', ')}`);
      }
      await sql`update risk.assessments set result = jsonb_set(result, '{score}', '0.99') where id = ${a.id}`.execute(rig.database.db);
      const tampered = await rig.risk.services.engine.reproduce(a.id);
      assert.deepEqual([tampered.matches, tampered.differences], [false, ['score', 'storedResultHash']]);
    });

    test('drift: PSI per ISO week of the active model\'s scores', async () => {
      const d = await rig.risk.services.engine.drift(8);
      assert.equal(d.reference, 'model');
      assert.ok(d.weeks.length >= 1 && d.weeks.every((w) => /^\d{4}-W\d{2}$/.test(w.week) && Number.isFinite(w.psi) && w.assessments > 0));
    });
  });
}
