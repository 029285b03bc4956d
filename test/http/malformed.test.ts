// Every route in the OpenAPI document gets malformed input — garbage ids, wrong body shapes,
// junk query strings — as a user holding every agency role, as a declarant, as the partner
// system, and as nobody. Bad input must get a 4xx
// that names the problem, never a 5xx: "never a 500, a crash, or a half-written record".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ROLES, systemContext } from '../../src/infra/auth/index.ts';
import { releasedDeclaration } from '../customs/support.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';

let bf: RunningPlatform;
let tokens: Array<string | undefined> = [];
// Ids of records that exist, so that garbage bodies reach the code behind the "not found" check.
const realIds: string[] = [];
before(async () => {
  bf = await startPlatform({ env: { DEMO_TWIN: '0' } });
  const roles = ROLES.filter((r) => r !== 'device' && r !== 'declarant' && r !== 'partner_system');
  await bf.platform.identity.directory.createUser(systemContext('test'), { username: 'everyone', displayName: 'Every role', password: 'every-role-pw-1', roles: [...roles] });
  // Declarants and the partner system reach routes no agency role does (their own declarations, the exchange inbox).
  tokens = [await login(bf.url, 'everyone', 'every-role-pw-1'), await login(bf.url, 'declarant'), await login(bf.url, 'partner'), undefined];
  realIds.push(await releasedDeclaration(bf));
  const users = await call(bf.url, 'GET', '/api/identity/users', { token: tokens[0] });
  realIds.push((users.body.items as Array<{ id: string }>)[0]!.id);
  const enterprises = await call(bf.url, 'GET', '/api/identity/enterprises', { token: tokens[0] });
  realIds.push((enterprises.body.items as Array<{ id: string }>)[0]!.id);
});
after(() => bf.close());

const IDS = ['x', 'nul%00byte', 'decl_00000000000000000000000000', '..%2F..%2Fetc%2Fpasswd', '%E2%80%AE%F0%9F%9A%9A', 'a'.repeat(600), '-1', '1e309'];
const BODIES: unknown[] = [{}, [], 'text', 42, null, { junk: true }, { username: 'a\u0000b', name: 'n\u0000', id: 'x\u0000', plate: '29C\u000012345', reason: '\u0000', note: '\u0000' }, { id: { $ne: 1 }, amount: 'NaN', at: 'yesterday', items: 'none' },
  { limit: 1e308, version: 1e308, grossKg: 1e308, capacity: 1e308, trucksPerSlot: 1e308, overlapSeconds: 1e308, seq: -1e308 }, { nested: JSON.parse('['.repeat(50) + ']'.repeat(50)) }];
// JSON.parse reads 1e309 as Infinity, which a schema's "integer" lets through unless bounded.
const INFINITIES = '{"limit":1e309,"version":1e309,"grossKg":1e309,"trucksPerSlot":1e309,"overlapSeconds":1e309,"axles":1e309,"quantity":1e309,"value":1e309,"confidence":1e309,"seconds":1e309}';
BODIES.push(INFINITIES);
const QUERIES = ['', '?limit=-5', '?limit=1e309&after=99999999999999999999999&since=1e309', '?limit=abc&cursor=%%%', '?from=notadate&to=2026-13-45', '?state=nonsense&direction=sideways', '?plate=%00&actor=%00&subject=a%00b&consignmentRef=%00', `?q=${'z'.repeat(3000)}`];

test('no route answers malformed input with a 5xx', { timeout: 600_000 }, async () => {
  const spec = (await call(bf.url, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)).map((m) => ({ method: m.toUpperCase(), path })));
  assert.ok(operations.length > 80, `only ${operations.length} operations in the OpenAPI document`);
  const failures: string[] = [];
  let calls = 0;
  for (const op of operations) {
    // Logging out would end the session every other call uses.
    if (op.path === '/api/auth/logout') continue;
    const paths = op.path.includes('{') ? [...IDS, ...realIds].map((id) => op.path.replace(/\{[^}]+\}/g, id)) : [op.path];
    for (const p of paths) {
      for (const q of op.method === 'GET' ? QUERIES : ['']) {
        for (const body of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : BODIES) {
          for (const auth of tokens) {
            const r = await call(bf.url, op.method, p + q, { token: auth, ...(body === INFINITIES ? { raw: INFINITIES } : { body }) });
            calls++;
            if (r.status >= 500) failures.push(`${op.method} ${p}${q.slice(0, 40)} ${JSON.stringify(body)?.slice(0, 60)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
            else if (r.status >= 400 && !(r.body && typeof r.body === 'object' && 'code' in r.body)) failures.push(`${op.method} ${p} → ${r.status} without a problem code: ${JSON.stringify(r.body).slice(0, 120)}`);
          }
        }
      }
    }
  }
  assert.ok(calls > 1000, `${calls} calls`);
  // The sweep kept its identities: garbage aimed at real records did not end their sessions.
  for (const t of tokens.slice(0, 3)) assert.equal((await call(bf.url, 'GET', '/api/auth/me', { token: t })).status, 200);
  assert.deepEqual(failures.slice(0, 40), [], `${failures.length} bad answers of ${calls} calls`);
});

test('a NUL character is refused at the edge, naming the field that carries it', async () => {
  const admin = tokens[0];
  const created = await call(bf.url, 'POST', '/api/identity/users', { token: admin, body: { username: 'nul\u0000user', displayName: 'ok', password: 'long-enough-pw-1', roles: ['auditor'] } });
  assert.equal(created.status, 400);
  assert.deepEqual(created.body.errors, [{ pointer: '/username', code: 'NUL_CHARACTER', message: 'must not contain the NUL character (U+0000)' }]);
  const listed = await call(bf.url, 'GET', '/api/gate/journeys?plate=29C%0012345', { token: admin });
  assert.deepEqual([listed.status, listed.body.errors?.[0]?.pointer], [400, '/query/plate']);
  const one = await call(bf.url, 'GET', '/api/identity/enterprises/ent%00x', { token: admin });
  assert.deepEqual([one.status, one.body.errors?.[0]?.pointer], [400, '/params/id']);
});

test('a number too large to be finite is refused, naming the field, in a body and in a query', async () => {
  const admin = tokens[0];
  const body = await call(bf.url, 'POST', '/api/risk/models/train', { token: admin, raw: '{"seed":1e309}' });
  assert.deepEqual([body.status, body.body.errors], [400, [{ pointer: '/seed', code: 'SCHEMA_FINITE', message: 'must be a finite number' }]]);
  const query = await call(bf.url, 'GET', '/api/risk/rule-sets/1e309', { token: admin });
  assert.equal(query.status, 400);
});

test('device reads that pass the schema but carry hostile values never get a 5xx, from any kind of device', { timeout: 300_000 }, async () => {
  const kinds = ['plate-camera', 'barrier', 'weighbridge', 'qr-reader', 'container-camera', 'eseal-reader'];
  const devices = [];
  for (const kind of kinds) devices.push({ kind, ...(await bf.platform.identity.directory.registerDevice(systemContext('test'), { id: `sweep-${kind}`, kind, name: kind })) });
  const texts = ['', ' ', '-', '.', '0', 'O0O0O0O0', '桂', '桂桂桂桂桂桂桂桂', '29C-123.45', '١٢٣٤٥', '\u202e29C12345', '%00', "'; drop table x;--", 'x'.repeat(20), '🚚🚚🚚'];
  const at = new Date().toISOString();
  let n = 0;
  const bodies = texts.flatMap((t) => [
    { type: 'plate', readId: `p${n++}`, at, plate: t, confidence: 0, position: 'entry' },
    { type: 'plate', readId: `p${n++}`, at, plate: t, confidence: 1, position: 'exit', lane: 'lane-1' },
    { type: 'plate', readId: `p${n++}`, at, plate: t, confidence: 0.5, position: 'weighbridge' },
    { type: 'container', readId: `c${n++}`, at, container: t, confidence: 1, plate: t },
    { type: 'qr', readId: `q${n++}`, at, token: t || 'x', plate: t, driverDocument: t },
    { type: 'weight', readId: `w${n++}`, at, grossKg: 200_000, plate: t },
    { type: 'barrier-state', readId: `b${n++}`, at, state: 'fault', commandId: 'cmd_00000000000000000000000000' },
    { type: 'seal', readId: `s${n++}`, at, plate: t, seal: t || 'x', status: 'tampered', container: t },
    { type: 'plate', readId: `old${n++}`, at: '1970-01-01T00:00:00Z', plate: t, confidence: 0.9, position: 'entry' },
    { type: 'plate', readId: `future${n++}`, at: '9999-12-31T23:59:59Z', plate: t, confidence: 0.9, position: 'entry' },
  ]);
  const failures: string[] = [];
  for (const d of devices) {
    for (const body of bodies) {
      const r = await call(bf.url, 'POST', '/api/gate/reads', { headers: { 'x-device-id': d.device.id, 'x-device-secret': d.secret }, body });
      if (r.status >= 500 || (r.status >= 400 && !r.body?.code)) failures.push(`${d.kind} ${JSON.stringify(body).slice(0, 120)} → ${r.status} ${JSON.stringify(r.body).slice(0, 160)}`);
    }
  }
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} bad answers of ${devices.length * bodies.length} reads`);
});
