import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from '../../src/infra/db/index.ts';
import { call, login } from '../support/http.ts';
import type { RunningPlatform } from '../support/platform.ts';
import { count, eventsOf, submitNew, type CustomsHarness } from './support.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** The officer console over HTTP: the yellow and red paths, rejection, uploads refused before storage. */
export function officerCases(h: CustomsHarness): void {
  const clock = h.clock;
  let bf: RunningPlatform;
  let declarant: string;
  let officer: string;
  let supervisor: string;
  before(() => ({ bf, declarant, officer, supervisor } = h));
  const post = (token: string, path: string, body: unknown = {}) => call(bf.url, 'POST', `/api/customs/declarations${path}`, { token, body });
  const upload = (token: string, id: string, type: string, contentType: string, bytes: Buffer) =>
    fetch(`${bf.url}/api/customs/declarations/${id}/documents?type=${type}&filename=invoice.pdf`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: new Uint8Array(bytes) });

  test('yellow: documents requested, uploaded, provided, accepted, released with a reason; the timeline names every actor', async () => {
    const id = (await submitNew(bf, declarant, clock.now())).body.id as string;
    const early = await post(officer, `/${id}/release`, { reason: 'looks fine' });
    assert.equal(early.status, 409);
    assert.deepEqual([early.body.code, early.body.state], ['CUSTOMS_DOCUMENTS_NOT_ACCEPTED', 'assessed']);
    const requested = await post(officer, `/${id}/request-documents`, { reason: 'Send the commercial invoice', documentTypes: ['commercial_invoice'] });
    assert.equal(requested.body.state, 'documents_requested');
    const up = await upload(declarant, id, 'commercial_invoice', 'application/pdf', PDF);
    assert.equal(up.status, 201);
    const doc = (await up.json()) as { id: string; sha256: string; sizeBytes: number };
    assert.equal(doc.sizeBytes, PDF.length);
    const again = await upload(declarant, id, 'commercial_invoice', 'application/pdf', PDF);
    assert.equal(again.status, 201);
    assert.equal(await count(bf, sql`select count(*) as n from customs.document_blobs where sha256 = ${doc.sha256}`), 1, 'same bytes kept once');
    const download = await fetch(`${bf.url}/api/customs/declarations/${id}/documents/${doc.id}`, { headers: { authorization: `Bearer ${officer}` } });
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PDF);
    assert.equal((await post(declarant, `/${id}/provide-documents`, { note: 'invoice attached' })).body.state, 'under_review');
    const accepted = await post(officer, `/${id}/accept-documents`, {});
    assert.deepEqual([accepted.body.state, accepted.body.documentsAccepted, accepted.body.allowedActions.includes('release')], ['under_review', true, true]);
    const released = await post(officer, `/${id}/release`, { reason: 'Documents consistent with the manifest' });
    assert.deepEqual([released.body.state, released.body.decisionReason], ['released', 'Documents consistent with the manifest']);
    const timeline = (await call(bf.url, 'GET', `/api/customs/declarations/${id}/timeline`, { token: declarant })).body.items as Array<{ action: string; actor: { name: string } }>;
    assert.deepEqual(timeline.map((e) => `${e.action}:${e.actor.name}`), [
      'submit:declarant', 'assess:assessor:rule-free-yellow', 'request_documents:officer', 'attach_document:declarant', 'attach_document:declarant',
      'provide_documents:declarant', 'accept_documents:officer', 'release:officer',
    ]);
    assert.equal((await call(bf.url, 'GET', `/api/customs/declarations/${id}/release-notice`, { token: declarant })).status, 200);
    const late = await upload(declarant, id, 'other', 'application/pdf', PDF);
    assert.equal(late.status, 409, 'no documents after release');
  });

  test('red: override needs a reason and is seen by the supervisor; release waits for the inspection; findings recorded; hold then release', async () => {
    const id = (await submitNew(bf, declarant, clock.now())).body.id as string;
    const noReason = await post(officer, `/${id}/override-channel`, { channel: 'red' });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].pointer, '/reason');
    const red = await post(officer, `/${id}/override-channel`, { channel: 'red', reason: 'Tip-off: undeclared goods' });
    assert.equal(red.body.channel, 'red');
    const overrides = await call(bf.url, 'GET', '/api/customs/overrides', { token: supervisor });
    assert.deepEqual(
      { id: overrides.body.items[0].declarationId, from: overrides.body.items[0].from, to: overrides.body.items[0].to, reason: overrides.body.items[0].reason, by: overrides.body.items[0].officer.name },
      { id, from: 'yellow', to: 'red', reason: 'Tip-off: undeclared goods', by: 'officer' },
    );
    assert.equal((await call(bf.url, 'GET', '/api/customs/overrides', { token: officer })).status, 403, 'officers do not review overrides');
    const accepted = await post(officer, `/${id}/accept-documents`, {});
    assert.equal(accepted.status, 200);
    const early = await post(officer, `/${id}/release`, { reason: 'docs ok' });
    assert.deepEqual([early.status, early.body.code, early.body.state], [409, 'CUSTOMS_INSPECTION_REQUIRED', 'under_review']);
    const scheduled = await post(officer, `/${id}/schedule-inspection`, { kind: 'scanner', at: '2026-11-24T09:00:00Z', location: 'Scanner lane 2' });
    assert.deepEqual([scheduled.body.state, scheduled.body.inspection.kind], ['inspection_scheduled', 'scanner']);
    const noFindings = await post(officer, `/${id}/record-inspection`, { outcome: 'discrepancy' });
    assert.deepEqual([noFindings.status, noFindings.body.code], [400, 'CUSTOMS_FINDINGS_REQUIRED']);
    const inspected = await post(officer, `/${id}/record-inspection`, { outcome: 'discrepancy', findings: ['Two pallets of garlic not declared'] });
    assert.deepEqual([inspected.body.state, inspected.body.inspection.findings], ['inspected', ['Two pallets of garlic not declared']]);
    assert.equal((await post(officer, `/${id}/hold`, { reason: 'Pending amendment for the garlic' })).body.state, 'held');
    const cancel = await post(declarant, `/${id}/cancel`, { reason: 'give up' });
    assert.deepEqual([cancel.status, cancel.body.state], [409, 'held'], 'held goods are not withdrawn by cancelling');
    assert.equal((await post(supervisor, `/${id}/release`, { reason: 'Penalty paid, garlic declared' })).body.state, 'released');
    const types = (await eventsOf(bf, id)).map((e) => e.type);
    assert.deepEqual(types.slice(2), [
      'declaration.channel_overridden', 'declaration.documents_accepted', 'declaration.inspection_scheduled', 'declaration.inspected', 'declaration.held', 'declaration.released',
    ]);
  });

  test('reject with a reason; a declarant cannot use officer endpoints', async () => {
    const id = (await submitNew(bf, declarant, clock.now())).body.id as string;
    assert.equal((await post(declarant, `/${id}/release`, { reason: 'self-release' })).status, 403);
    const rejected = await post(officer, `/${id}/reject`, { reason: 'Goods subject to an import ban' });
    assert.deepEqual([rejected.body.state, rejected.body.closedAt !== null], ['rejected', true]);
  });

  test('oversize and mislabelled uploads are refused (413/415) and nothing is stored', async () => {
    const id = (await submitNew(bf, declarant, clock.now())).body.id as string;
    const blobs = await count(bf, sql`select count(*) as n from customs.document_blobs`);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const tooBig = await upload(declarant, id, 'commercial_invoice', 'application/pdf', big);
    assert.equal(tooBig.status, 413);
    assert.equal(((await tooBig.json()) as { code: string }).code, 'PAYLOAD_TOO_LARGE');
    const mislabelled = await upload(declarant, id, 'commercial_invoice', 'application/pdf', PNG);
    assert.equal(mislabelled.status, 415);
    assert.equal(((await mislabelled.json()) as { code: string }).code, 'CUSTOMS_DOCUMENT_TYPE_MISMATCH');
    for (const type of ['image/gif', 'text/plain', 'application/octet-stream']) {
      const r = await upload(declarant, id, 'other', type, Buffer.from('GIF89a'));
      assert.equal(r.status, 415, type);
    }
    assert.equal(await count(bf, sql`select count(*) as n from customs.document_blobs`), blobs);
    assert.equal(await count(bf, sql`select count(*) as n from customs.documents where declaration_id = ${id}`), 0);
    const fine = await upload(declarant, id, 'packing_list', 'image/png', PNG);
    assert.equal(fine.status, 201);
  });
}

/** Rotation of assignments; adds officers, so it runs after the cases that expect the demo officer. */
export function rotationCases(h: CustomsHarness): void {
  const clock = h.clock;
  let bf: RunningPlatform;
  let declarant: string;
  let officer: string;
  let supervisor: string;
  before(() => ({ bf, declarant, officer, supervisor } = h));
  const post = (token: string, path: string, body: unknown = {}) => call(bf.url, 'POST', `/api/customs/declarations${path}`, { token, body });

  test('assignment rotates through every officer; nobody else may decide the case; the worklist is theirs, red first', async () => {
    const admin = await login(bf.url, 'admin');
    for (const name of ['officer2', 'officer3']) {
      const r = await call(bf.url, 'POST', '/api/identity/users', { token: admin, body: { username: name, displayName: name, password: 'long-password-1', roles: ['customs_officer'] } });
      assert.equal(r.status, 201);
    }
    clock.advance(10_000); // the roster is re-read after its few seconds of cache
    const assigned: Array<{ id: string; officer: string }> = [];
    for (let i = 0; i < 6; i++) {
      const r = await submitNew(bf, declarant, clock.now());
      assigned.push({ id: r.body.id, officer: r.body.assignee.name });
    }
    const names = assigned.map((a) => a.officer);
    assert.equal(new Set(names.slice(0, 3)).size, 3, `three officers in turn: ${names.join(', ')}`);
    assert.deepEqual(names.slice(3), names.slice(0, 3), 'the rotation repeats');

    const mine = assigned.find((a) => a.officer === 'Lê Quang Huy')!;
    const theirs = assigned.find((a) => a.officer !== 'Lê Quang Huy')!;
    const denied = await post(officer, `/${theirs.id}/hold`, { reason: 'not my case' });
    assert.deepEqual([denied.status, denied.body.code], [403, 'CUSTOMS_NOT_ASSIGNED']);

    clock.advance(60_000);
    await post(officer, `/${mine.id}/override-channel`, { channel: 'red', reason: 'Seal number mismatch' });
    const worklist = await call(bf.url, 'GET', '/api/customs/worklist', { token: officer });
    assert.equal(worklist.status, 200);
    const items = worklist.body.items as Array<{ id: string; channel: string; assignee: { name: string }; waitingMinutes: number }>;
    assert.ok(items.every((i) => i.assignee.name === 'Lê Quang Huy'), 'an officer sees only the cases assigned to them');
    assert.equal(items[0]!.id, mine.id, 'red comes first');
    assert.ok(items.slice(1).every((i) => i.channel === 'yellow'));
    assert.ok(items[0]!.waitingMinutes >= 1);
    const all = await call(bf.url, 'GET', '/api/customs/worklist', { token: supervisor });
    assert.ok(all.body.items.length > items.length, 'the supervisor sees every officer\'s cases');

    const officer2 = (await call(bf.url, 'GET', '/api/identity/users?limit=100', { token: admin })).body.items.find((u: { username: string }) => u.username === 'officer2');
    const moved = await post(supervisor, `/${mine.id}/reassign`, { officerId: officer2.id, reason: 'Leave from noon' });
    assert.equal(moved.body.assignee.name, 'officer2');
    assert.equal((await post(officer, `/${mine.id}/hold`, { reason: 'still mine?' })).body.code, 'CUSTOMS_NOT_ASSIGNED');
    assert.equal((await post(officer, `/${mine.id}/reassign`, { officerId: officer2.id, reason: 'self-serve' })).status, 403, 'officers do not pick cases');
  });
}
