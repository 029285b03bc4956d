import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { systemContext } from '../../src/infra/auth/index.ts';
import { sql } from '../../src/infra/db/index.ts';
import { AppError } from '../../src/infra/errors/index.ts';
import { DEMO_TARIFF_FILE, publicKeyFromRaw, ruleFreeAssessor, verifyReleaseNotice } from '../../src/modules/customs/index.ts';
import { call, login } from '../support/http.ts';
import type { RunningPlatform } from '../support/platform.ts';
import { validDeclaration } from './fixtures.ts';
import { count, eventsOf, submitNew, type CustomsHarness } from './support.ts';

/** The declarant's side over HTTP: drafts, validation, idempotent submission, the tenant wall, amendments, green release. */
export function declarantCases(h: CustomsHarness): void {
  const clock = h.clock;
  let bf: RunningPlatform;
  let declarant: string;
  let declarant2: string;
  let officer: string;
  before(() => ({ bf, declarant, declarant2, officer } = h));

  test('a draft is created, edited, checked and submitted; it answers with its channel, officer and duties', async () => {
    const created = await call(bf.url, 'POST', '/api/customs/declarations', { token: declarant, body: { localReference: 'DRAFT-1', type: 'import' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.state, 'draft');
    assert.deepEqual(created.body.allowedActions, ['edit_draft', 'submit', 'cancel']);
    const id = created.body.id as string;
    assert.match(id, /^decl_[0-9A-Z]{26}$/);
    assert.equal(created.headers.get('location'), `/api/customs/declarations/${id}`);

    const check = await call(bf.url, 'POST', `/api/customs/declarations/${id}/validate`, { token: declarant });
    assert.equal(check.status, 200);
    assert.equal(check.body.valid, false);
    assert.ok(check.body.problems.some((p: { pointer: string }) => p.pointer === '/borderGate'));

    const early = await call(bf.url, 'POST', `/api/customs/declarations/${id}/submit`, { token: declarant });
    assert.equal(early.status, 400, 'an incomplete draft is not submitted');
    assert.equal(early.body.code, 'VALIDATION_FAILED');

    const edited = await call(bf.url, 'PUT', `/api/customs/declarations/${id}`, { token: declarant, body: validDeclaration(clock.now(), { localReference: 'DRAFT-1' }) });
    assert.equal(edited.status, 200);
    const submitted = await call(bf.url, 'POST', `/api/customs/declarations/${id}/submit`, { token: declarant });
    assert.equal(submitted.status, 200);
    assert.equal(submitted.body.state, 'assessed');
    assert.equal(submitted.body.channel, 'yellow', 'the rule-free assessor marks everything yellow');
    assert.equal(submitted.body.assignee.name, 'Lê Quang Huy');
    assert.deepEqual(submitted.body.duties.totals, [{ currency: 'USD', importDuty: 1440, vat: 972 }]);
    assert.deepEqual(submitted.body.allowedActions, ['amend', 'cancel']);

    const timeline = await call(bf.url, 'GET', `/api/customs/declarations/${id}/timeline`, { token: declarant });
    assert.deepEqual(timeline.body.items.map((e: { action: string; to: string }) => `${e.action}→${e.to}`), ['create_draft→draft', 'edit_draft→draft', 'submit→submitted', 'assess→assessed']);
    assert.equal(timeline.body.items[2].actor.name, 'declarant');
    assert.equal(timeline.body.items[3].actor.role, 'system');
    const events = await eventsOf(bf, id);
    assert.deepEqual(events.map((e) => e.type), ['declaration.drafted', 'declaration.draft_updated', 'declaration.submitted', 'declaration.assessed']);
    const submittedEvent = events[2]!.data;
    assert.deepEqual(
      [submittedEvent.tractorPlate, submittedEvent.containers, submittedEvent.grossMassKg, submittedEvent.hsCodes, submittedEvent.estimatedDuties],
      ['桂A12345', ['CSQU3054383'], 21500, ['08081000'], [{ currency: 'USD', importDuty: 1440, vat: 972 }]],
    );
    assert.equal((events[3]!.data.assignee as { name: string }).name, 'Lê Quang Huy');
    const audits = await count(bf, sql`select count(*) as n from audit.records where target_id = ${id}`);
    assert.equal(audits, 4, 'one audit record per transition');
  });

  test('a declaration with ten problems gets one 400 listing all ten by field path, and nothing is stored', async () => {
    const before = await count(bf, sql`select count(*) as n from customs.declarations`);
    const body = validDeclaration(clock.now());
    Object.assign(body, { direction: 'outbound', expectedArrival: '2020-01-01T00:00:00Z' });
    body.parties.importer.taxId = '0000000000';
    body.parties.exporter.country = 'ZZ';
    body.consignment.transport.tractorPlate = 'NOPE';
    body.consignment.equipment[0]!.containerNumber = 'CSQU3054384';
    Object.assign(body.goods[0]!, { hsCode: '99999999', quantity: -5, netMassKg: 30000 });
    body.goods[0]!.customsValue.currency = 'DLR';
    const r = await call(bf.url, 'POST', '/api/customs/declarations?submit=true', { token: declarant, body });
    assert.equal(r.status, 400);
    assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(r.body.code, 'VALIDATION_FAILED');
    assert.deepEqual(r.body.errors.map((e: { pointer: string }) => e.pointer).sort(), [
      '/consignment/equipment/0/containerNumber', '/consignment/transport/tractorPlate', '/direction', '/expectedArrival',
      '/goods/0/customsValue/currency', '/goods/0/hsCode', '/goods/0/netMassKg', '/goods/0/quantity', '/parties/exporter/country', '/parties/importer/taxId',
    ]);
    assert.equal(await count(bf, sql`select count(*) as n from customs.declarations`), before);
  });

  test('structure errors name their fields too: unknown fields and wrong types', async () => {
    const body = { ...validDeclaration(clock.now()), colour: 'red', goods: [{ ...validDeclaration(clock.now()).goods[0], quantity: 'many' }] };
    const r = await call(bf.url, 'POST', '/api/customs/declarations', { token: declarant, body });
    assert.equal(r.status, 400);
    const found = r.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`);
    assert.ok(found.includes('/colour FIELD_NOT_ALLOWED'), found.join());
    assert.ok(found.includes('/goods/0/quantity FIELD_TYPE'), found.join());
  });

  test('submitting twice with the same Idempotency-Key creates one declaration', async () => {
    const before = await count(bf, sql`select count(*) as n from customs.declarations`);
    const headers = { 'idempotency-key': 'lsp-order-4711' };
    const first = await submitNew(bf, declarant, clock.now(), { localReference: 'IDEM-1' }, headers);
    const second = await submitNew(bf, declarant, clock.now(), { localReference: 'IDEM-1' }, headers);
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(second.body.id, first.body.id);
    assert.equal(await count(bf, sql`select count(*) as n from customs.declarations`), before + 1);
    const retrySubmit = await call(bf.url, 'POST', `/api/customs/declarations/${first.body.id}/submit`, { token: declarant });
    assert.equal(retrySubmit.status, 409, 'without a key a second submit is an illegal transition');
    assert.equal(retrySubmit.body.code, 'CUSTOMS_TRANSITION_NOT_ALLOWED');
    assert.equal(retrySubmit.body.state, 'assessed');
  });

  test('a declarant never sees, amends, cancels or uploads to another enterprise\'s declaration', async () => {
    const mine = await submitNew(bf, declarant, clock.now());
    const id = mine.body.id as string;
    for (const [method, path, body] of [
      ['GET', `/api/customs/declarations/${id}`, undefined],
      ['GET', `/api/customs/declarations/${id}/timeline`, undefined],
      ['GET', `/api/customs/declarations/${id}/documents`, undefined],
      ['POST', `/api/customs/declarations/${id}/amend`, validDeclaration(clock.now())],
      ['POST', `/api/customs/declarations/${id}/cancel`, { reason: 'not mine' }],
    ] as const) {
      const r = await call(bf.url, method, path, { token: declarant2, body });
      assert.equal(r.status, 404, `${method} ${path}`);
      assert.equal(r.body.code, 'CUSTOMS_DECLARATION_NOT_FOUND');
    }
    const list = await call(bf.url, 'GET', '/api/customs/declarations?limit=200', { token: declarant2 });
    assert.equal(list.status, 200);
    assert.ok(!list.body.items.some((d: { id: string }) => d.id === id));
    const own = await call(bf.url, 'GET', '/api/customs/declarations?limit=200', { token: declarant });
    assert.ok(own.body.items.some((d: { id: string }) => d.id === id));
    assert.equal((await call(bf.url, 'GET', `/api/customs/declarations/${id}`, { token: officer })).status, 200, 'officers see every declaration');
    assert.equal((await call(bf.url, 'POST', `/api/customs/declarations/${id}/cancel`, { token: officer, body: { reason: 'officer tries' } })).status, 403);
  });

  test('an amendment makes version 2 and is assessed again; cancellation is final (409 with the state)', async () => {
    const first = await submitNew(bf, declarant, clock.now());
    const id = first.body.id as string;
    const amended = await call(bf.url, 'POST', `/api/customs/declarations/${id}/amend`, {
      token: declarant,
      body: validDeclaration(clock.now(), { goods: [{ ...validDeclaration(clock.now()).goods[0], quantity: 19000, netMassKg: 19000 }] }),
    });
    assert.equal(amended.status, 200);
    assert.deepEqual([amended.body.version, amended.body.state, amended.body.channel], [2, 'assessed', 'yellow']);
    const versions = await call(bf.url, 'GET', `/api/customs/declarations/${id}/versions`, { token: declarant });
    assert.deepEqual(versions.body.items.map((v: { version: number; content: { goods: Array<{ quantity: number }> } }) => [v.version, v.content.goods[0]!.quantity]), [[1, 20000], [2, 19000]]);
    const cancelled = await call(bf.url, 'POST', `/api/customs/declarations/${id}/cancel`, { token: declarant, body: { reason: 'buyer withdrew' } });
    assert.equal(cancelled.body.state, 'cancelled');
    const again = await call(bf.url, 'POST', `/api/customs/declarations/${id}/amend`, { token: declarant, body: validDeclaration(clock.now()) });
    assert.equal(again.status, 409);
    assert.deepEqual([again.body.code, again.body.state], ['CUSTOMS_TRANSITION_NOT_ALLOWED', 'cancelled']);
    assert.deepEqual((await eventsOf(bf, id)).map((e) => e.type).slice(-3), ['declaration.amended', 'declaration.assessed', 'declaration.cancelled']);
  });

  test('green is released on assessment with a signed notice that verifies offline; a tampered one does not', async () => {
    bf.platform.customs.plugAssessor(ruleFreeAssessor('green'));
    try {
      const r = await submitNew(bf, declarant, clock.now());
      assert.equal(r.status, 201);
      assert.deepEqual([r.body.state, r.body.channel, r.body.assignee], ['released', 'green', null]);
      const id = r.body.id as string;
      const notice = await call(bf.url, 'GET', `/api/customs/declarations/${id}/release-notice`, { token: declarant });
      assert.equal(notice.status, 200);
      const key = await call(bf.url, 'GET', '/api/public/customs/release-key');
      assert.equal(key.body.publicKey, notice.body.publicKey);
      const verified = verifyReleaseNotice(notice.body.qr, publicKeyFromRaw(key.body.publicKey));
      assert.ok(verified.valid);
      if (verified.valid) assert.deepEqual([verified.notice.declarationId, verified.notice.tractorPlate, verified.notice.keyId], [id, '桂A12345', key.body.keyId]);
      const [prefix, body, sig] = (notice.body.qr as string).split('.');
      const forged = Buffer.from(Buffer.from(body!, 'base64url').toString('utf8').replace('桂A12345', '桂A99999')).toString('base64url');
      const online = await call(bf.url, 'POST', '/api/public/customs/release-notices/verify', { body: { qr: `${prefix}.${forged}.${sig}` } });
      assert.deepEqual(online.body, { valid: false, reason: 'the signature does not verify' });
      const png = await fetch(`${bf.url}/api/customs/declarations/${id}/release-notice?format=png`, { headers: { authorization: `Bearer ${declarant}` } });
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.deepEqual([...new Uint8Array(await png.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
      const released = (await eventsOf(bf, id)).find((e) => e.type === 'declaration.released');
      assert.equal(released?.data.tractorPlate, '桂A12345');
      assert.equal((released?.data.releaseNotice as { qr: string }).qr, notice.body.qr);
      assert.equal((await call(bf.url, 'GET', `/api/customs/declarations/${id}/release-notice`, { token: declarant2 })).status, 404);
    } finally {
      bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
    }
  });

  test('the tariff is searchable and an unknown subheading is refused', async () => {
    const lines = await call(bf.url, 'GET', '/api/customs/tariff/lines?q=0808', { token: declarant });
    assert.deepEqual(lines.body.items.map((l: { line: string }) => l.line), ['08081000', '08083000']);
    const r = await submitNew(bf, declarant, clock.now(), { goods: [{ ...validDeclaration(clock.now()).goods[0], hsCode: '01012100' }] });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body.errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`), ['/goods/0/hsCode HS_CODE_UNKNOWN']);
  });

  test('when the assessor fails the declaration waits in submitted and is assessed when resumed', async () => {
    bf.platform.customs.plugAssessor({ name: 'down', assess: () => Promise.reject(new Error('risk engine unreachable')) });
    let id: string;
    try {
      const r = await submitNew(bf, declarant, clock.now());
      assert.deepEqual([r.status, r.body.state, r.body.channel], [201, 'submitted', null]);
      id = r.body.id as string;
    } finally {
      bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
    }
    assert.ok((await bf.platform.customs.resumeAssessments()) >= 1);
    const after = await call(bf.url, 'GET', `/api/customs/declarations/${id}`, { token: declarant });
    assert.deepEqual([after.body.state, after.body.channel], ['assessed', 'yellow']);
  });
}

/** Tariff versions over time; moves the clock to the end of 2026, so it runs last. */
export function tariffVersionCases(h: CustomsHarness): void {
  const clock = h.clock;
  let bf: RunningPlatform;
  before(() => ({ bf } = h));

  test('a bad tariff file changes nothing; a new version takes effect on its day (Vietnam time)', async () => {
    const tariff = bf.platform.customs.services.tariff;
    const versions = (await tariff.versions()).length;
    const header = 'tariff_line,description,import_duty_rate,vat_rate';
    await assert.rejects(
      tariff.load(systemContext(), { csv: `${header}\n08081000,Apples,12,5\nbad,row,1,1\n`, source: 'bad.csv', effectiveFrom: '2027-01-01' }),
      (e: unknown) => e instanceof AppError && e.code === 'CUSTOMS_TARIFF_INVALID' && e.errors?.[0]?.pointer === '/lines/3/tariff_line',
    );
    assert.equal((await tariff.versions()).length, versions, 'nothing half-loaded');
    const csv = readFileSync(DEMO_TARIFF_FILE, 'utf8').replace('08081000,"Apples, fresh",8,5', '08081000,"Apples, fresh",12,5');
    const v = await tariff.load(systemContext(), { csv, source: 'tariff-2027.csv', effectiveFrom: '2027-01-01' });
    assert.equal(v.effectiveFrom, '2027-01-01');
    const rate = async () => {
      const token = await login(bf.url, 'declarant');
      const r = await call(bf.url, 'POST', '/api/customs/declarations/validate', { token, body: validDeclaration(clock.now()) });
      return r.body.duties.items[0].importDutyRate as number;
    };
    clock.set('2026-12-31T16:59:00Z');
    assert.equal(await rate(), 8, 'still 2026 in Hà Nội');
    clock.set('2026-12-31T17:00:00Z');
    assert.equal(await rate(), 12, 'midnight in Hà Nội');
  });
}
