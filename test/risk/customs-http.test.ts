// The risk engine plugged into customs on the real platform, over HTTP: a supervisor publishes a
// rule set, a declarant submits, and the channel and reasons (vi/en/zh with numbers) come from the
// engine; the stored assessment re-runs exactly; an inspection result comes back as a label
// through the event bus.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { validDeclaration } from '../customs/fixtures.ts';
import { databaseKinds } from '../customs/support.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { IMPORTER_LANGSON, IMPORTER_MONGCAI } from './fixtures.ts';

interface Reason { code: string; message: string; messages: { vi: string; en: string; zh: string }; numbers: Record<string, number | string> }

for (const kind of databaseKinds('risk through customs over HTTP')) {
  describe(`risk engine through customs over HTTP (${kind})`, () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    let bf: RunningPlatform;
    let declarant: string;
    let officer: string;
    let supervisor: string;
    // The declarant submits; the answer is then read as the officer, who may see the risk details.
    const submit = async (importer: string, overrides: Record<string, unknown> = {}) => {
      const base = validDeclaration(clock.now());
      const parties = { ...base.parties, importer: { ...base.parties.importer, taxId: importer }, declarant: { ...base.parties.declarant, taxId: importer } };
      const r = await call(bf.url, 'POST', '/api/customs/declarations?submit=true', { token: declarant, body: { ...base, parties, ...overrides } });
      if (r.status !== 201) return { ...r, asDeclarant: r.body };
      const asOfficer = await call(bf.url, 'GET', `/api/customs/declarations/${r.body.id}`, { token: officer });
      return { ...asOfficer, status: r.status, asDeclarant: r.body };
    };
    const assessmentOf = async (assessor: string) => (await call(bf.url, 'GET', `/api/risk/assessments/${assessor.slice('risk-engine:'.length)}`, { token: officer })).body;

    before(async () => {
      bf = await startPlatform({ database: kind, clock });
      [declarant, officer, supervisor] = await Promise.all([login(bf.url, 'declarant'), login(bf.url, 'officer'), login(bf.url, 'supervisor')]);
    });
    after(() => bf?.close());

    test('only a supervisor publishes rules; the change is audited', async () => {
      const body = { rules: { watchlists: { parties: [{ value: IMPORTER_MONGCAI, note: 'Tip-off 2026/41' }] }, randomControl: { rate: 0 } }, note: 'Tip-off from the anti-smuggling unit' };
      assert.equal((await call(bf.url, 'POST', '/api/risk/rule-sets', { token: declarant, body })).status, 403);
      assert.equal((await call(bf.url, 'POST', '/api/risk/rule-sets', { token: officer, body })).status, 403);
      const bad = await call(bf.url, 'POST', '/api/risk/rule-sets', { token: supervisor, body: { ...body, rules: { randomControl: { rate: 2 } } } });
      assert.deepEqual([bad.status, bad.body.errors[0].pointer], [400, '/rules/randomControl/rate']);
      const r = await call(bf.url, 'POST', '/api/risk/rule-sets', { token: supervisor, body });
      assert.equal(r.status, 201);
      assert.deepEqual([r.body.version, r.body.rules.watchlists.parties[0].channel, r.body.publishedBy.name], [1, 'red', 'supervisor']);
      const current = await call(bf.url, 'GET', '/api/risk/rule-sets/current', { token: officer });
      assert.equal(current.body.version, 1);
      assert.equal((await call(bf.url, 'GET', '/api/risk/rule-sets', { token: declarant })).status, 403, 'declarants never see the watchlists');
      const audit = await sql<{ n: string }>`select count(*) as n from audit.records where action = 'risk.rule_set.publish' and actor_name = 'supervisor'`.execute(bf.platform.database.db);
      assert.equal(Number(audit.rows[0]!.n), 1);
    });

    test('a watchlisted importer goes red with the watchlist reason in Vietnamese, English and Chinese', async () => {
      const r = await submit(IMPORTER_MONGCAI);
      assert.equal(r.status, 201);
      assert.deepEqual([r.body.state, r.body.channel], ['assessed', 'red']);
      assert.match(r.body.risk.assessor, /^risk-engine:rsk_/);
      const reasons = r.body.risk.reasons as Reason[];
      const w = reasons.find((x) => x.code === 'WATCHLIST_PARTY')!;
      assert.deepEqual(w.numbers, { role: 'importer,declarant', taxId: IMPORTER_MONGCAI, note: 'Tip-off 2026/41' });
      assert.equal(w.message, w.messages.en);
      assert.match(w.messages.en, /importer and declarant \(tax id 5700100256\) is on the watchlist: Tip-off 2026\/41/);
      assert.match(w.messages.vi, /Nhà nhập khẩu, người khai hải quan \(mã số thuế 5700100256\) nằm trong danh sách theo dõi/);
      assert.match(w.messages.zh, /进口商、申报人（税号 5700100256）在监控名单上/);
      assert.equal(reasons.at(-1)!.code, 'RISK_SCORE');
      assert.equal(r.body.assignee.name, 'Lê Quang Huy', 'red goes to an officer');
      const a = await assessmentOf(r.body.risk.assessor);
      assert.deepEqual([a.channel, a.forcedChannel, a.declarationId, a.ruleSet.version], ['red', 'red', r.body.id, 1]);
    });

    test('the declarant sees its channel but never why it was selected', async () => {
      const r = await submit(IMPORTER_MONGCAI);
      assert.equal(r.asDeclarant.channel, 'red');
      assert.deepEqual(r.asDeclarant.risk, { score: null, reasons: [], assessor: null });
      const timeline = await call(bf.url, 'GET', `/api/customs/declarations/${r.body.id}/timeline`, { token: declarant });
      assert.equal(timeline.status, 200);
      assert.ok(!JSON.stringify(timeline.body).includes('Tip-off'), 'no watchlist note in the declarant timeline');
      const officerTimeline = await call(bf.url, 'GET', `/api/customs/declarations/${r.body.id}/timeline`, { token: officer });
      assert.ok(JSON.stringify(officerTimeline.body).includes('Tip-off'), 'the officer timeline keeps the reasons');
    });

    test('an ordinary importer gets its channel from the thresholds: yellow the first time, green once known', async () => {
      const first = await submit(IMPORTER_LANGSON);
      const a = await assessmentOf(first.body.risk.assessor);
      assert.deepEqual([a.forcedChannel, a.scoreChannel, a.channel, first.body.channel], [null, 'yellow', 'yellow', 'yellow']);
      assert.ok(a.score >= a.thresholds.yellow.score && a.score < a.thresholds.red.score, `score ${a.score} between the thresholds`);
      assert.deepEqual((first.body.risk.reasons as Reason[]).map((x) => x.code), ['FIRST_TIME_IMPORTER', 'RISK_SCORE']);
      assert.equal(first.body.risk.score, Math.round(a.score * 100));
      clock.advance(3_600_000);
      const second = await submit(IMPORTER_LANGSON, { localReference: 'LS-2' });
      assert.deepEqual([second.body.state, second.body.channel], ['released', 'green'], 'green is released at once');
      const b = await assessmentOf(second.body.risk.assessor);
      assert.ok(b.score < b.thresholds.yellow.score);
      assert.equal(b.input.context.importer.previousDeclarations, 1);
    });

    test('a stored assessment re-runs to the same result; declarants cannot read assessments', async () => {
      const r = await submit(IMPORTER_LANGSON, { localReference: 'LS-3' });
      const id = (r.body.risk.assessor as string).slice('risk-engine:'.length);
      const rep = await call(bf.url, 'POST', `/api/risk/assessments/${id}/reproduce`, { token: supervisor });
      assert.equal(rep.status, 200);
      assert.deepEqual([rep.body.matches, rep.body.differences, rep.body.recomputedSha256], [true, [], rep.body.storedSha256]);
      assert.equal((await call(bf.url, 'GET', `/api/risk/assessments/${id}`, { token: declarant })).status, 403);
      const list = await call(bf.url, 'GET', `/api/risk/assessments?declarationId=${r.body.id}`, { token: officer });
      assert.deepEqual(list.body.items.map((x: { id: string }) => x.id), [id]);
      const missing = await call(bf.url, 'GET', '/api/risk/assessments/rsk_nope', { token: officer });
      assert.deepEqual([missing.status, missing.body.code], [404, 'RISK_ASSESSMENT_NOT_FOUND']);
    });

    test("an inspection's outcome comes back through the event bus as a label, and applied assessments are marked", async () => {
      const r = await submit(IMPORTER_MONGCAI, { localReference: 'MC-2' });
      const id = r.body.id as string;
      const post = (path: string, body: unknown) => call(bf.url, 'POST', `/api/customs/declarations/${id}${path}`, { token: officer, body });
      assert.equal((await post('/schedule-inspection', { kind: 'scanner', at: '2026-11-24T09:00:00Z' })).status, 200);
      assert.equal((await post('/record-inspection', { outcome: 'discrepancy', findings: ['Undeclared garlic'] })).status, 200);
      await bf.platform.bus.drain();
      const models = await call(bf.url, 'GET', '/api/risk/models', { token: supervisor });
      assert.deepEqual([models.body.items, models.body.active, models.body.labels], [[], null, { labels: 1, discrepancies: 1 }]);
      const a = await assessmentOf(r.body.risk.assessor);
      assert.equal(a.applied, true);
      const train = await call(bf.url, 'POST', '/api/risk/models/train', { token: supervisor, body: {} });
      assert.deepEqual([train.status, train.body.code], [409, 'RISK_NOT_ENOUGH_LABELS']);
      const engine = await call(bf.url, 'GET', '/api/risk/engine', { token: officer });
      assert.deepEqual([engine.body.mode, engine.body.ruleSet.version, engine.body.calibration], ['rules-only', 1, null]);
    });
  });
}
