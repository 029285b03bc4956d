import assert from 'node:assert/strict';
import { describe, test, before, after } from 'node:test';
import { connectAsync as mqttConnect } from 'mqtt';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { services } from '../support/services.ts';

const kinds: Array<'pglite' | 'postgres'> = ['pglite'];
if (services.databaseUrl) kinds.push('postgres');
else if (services.requireServices) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
else console.warn('\n*** identity HTTP tests run on PGlite only: set DATABASE_URL to run them on PostgreSQL too ***\n');

for (const kind of kinds) {
  describe(`identity over HTTP (${kind})`, () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    let bf: RunningPlatform;
    before(async () => {
      bf = await startPlatform({ database: kind, clock, env: { SESSION_TTL_MINUTES: '60', LOGIN_MAX_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '10' } });
    });
    after(() => bf.close());

    test('a demo user signs in and is who the token says; the cookie is httpOnly and SameSite=Strict', async () => {
      const r = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'Declarant', password: 'demo' } });
      assert.equal(r.status, 200);
      assert.equal(r.body.user.username, 'declarant');
      assert.deepEqual(r.body.user.roles, ['declarant']);
      assert.match(r.body.user.enterpriseName, /Móng Cái/);
      const cookie = r.headers.get('set-cookie') ?? '';
      assert.match(cookie, /bf_session=/);
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Strict/i);
      const me = await call(bf.url, 'GET', '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 'declarant');
      assert.equal(me.body.user.password_hash, undefined);
    });

    test('wrong passwords are refused, then the account locks and says when to retry', async () => {
      const wrong = () => call(bf.url, 'POST', '/api/auth/login', { body: { username: 'guard', password: 'nope' } });
      for (let i = 0; i < 2; i++) {
        const r = await wrong();
        assert.equal(r.status, 401);
        assert.equal(r.body.code, 'AUTH_INVALID_CREDENTIALS');
        assert.equal(r.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      }
      const third = await wrong();
      assert.equal(third.status, 429);
      assert.equal(third.body.code, 'AUTH_LOCKED_OUT');
      assert.equal(third.headers.get('retry-after'), '600');
      const right = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'guard', password: 'demo' } });
      assert.equal(right.status, 429, 'even the right password is refused while locked');
      clock.advance(10 * 60_000);
      assert.equal((await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'guard', password: 'demo' } })).status, 200);
    });

    test('an unknown user gets the same answer as a wrong password', async () => {
      const r = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'nobody', password: 'demo' } });
      assert.equal(r.status, 401);
      assert.equal(r.body.code, 'AUTH_INVALID_CREDENTIALS');
    });

    test('a token expires after the session lifetime, and logout ends it at once', async () => {
      const token = await login(bf.url, 'operator');
      assert.equal((await call(bf.url, 'GET', '/api/auth/me', { token })).status, 200);
      clock.advance(61 * 60_000);
      const expired = await call(bf.url, 'GET', '/api/auth/me', { token });
      assert.equal(expired.status, 401);
      assert.equal(expired.body.code, 'AUTH_TOKEN_EXPIRED');
      const fresh = await login(bf.url, 'operator');
      assert.equal((await call(bf.url, 'POST', '/api/auth/logout', { token: fresh, body: {} })).status, 204);
      const after = await call(bf.url, 'GET', '/api/auth/me', { token: fresh });
      assert.equal(after.status, 401);
      assert.equal(after.body.code, 'AUTH_TOKEN_INVALID');
      assert.equal((await call(bf.url, 'GET', '/api/auth/me')).body.code, 'AUTH_REQUIRED');
    });

    test('a role without the right gets 403 naming the roles needed', async () => {
      const token = await login(bf.url, 'officer');
      const r = await call(bf.url, 'POST', '/api/identity/enterprises', { token, body: { taxCode: '0100109106', name: 'Viettel', country: 'VN' } });
      assert.equal(r.status, 403);
      assert.equal(r.body.code, 'FORBIDDEN');
      assert.match(r.body.detail, /admin/);
    });

    test('a declarant sees only its own enterprise; another enterprise answers 404, not 403', async () => {
      const d1 = await login(bf.url, 'declarant');
      const d2 = await login(bf.url, 'declarant2');
      const mine = await call(bf.url, 'GET', '/api/identity/enterprises', { token: d1 });
      assert.equal(mine.body.items.length, 1);
      const theirs = (await call(bf.url, 'GET', '/api/identity/enterprises', { token: d2 })).body.items[0].id;
      assert.notEqual(mine.body.items[0].id, theirs);
      const peek = await call(bf.url, 'GET', `/api/identity/enterprises/${theirs}`, { token: d1 });
      assert.equal(peek.status, 404);
      assert.equal(peek.body.code, 'IDENTITY_ENTERPRISE_NOT_FOUND');
      const missing = await call(bf.url, 'GET', '/api/identity/enterprises/ent_DOESNOTEXIST', { token: d1 });
      assert.deepEqual({ ...peek.body, instance: '', requestId: '', detail: '' }, { ...missing.body, instance: '', requestId: '', detail: '' }, 'another enterprise and a missing one look the same');
    });

    test('bad input: every field problem named at once; nothing written', async () => {
      const admin = await login(bf.url, 'admin');
      const before = (await call(bf.url, 'GET', '/api/identity/users?limit=500', { token: admin })).body.items.length;
      const r = await call(bf.url, 'POST', '/api/identity/users', { token: admin, body: { username: 'x', displayName: 5, roles: ['wizard'], password: 'short', shoeSize: 44 } });
      assert.equal(r.status, 400);
      assert.equal(r.body.code, 'VALIDATION_FAILED');
      const pointers = r.body.errors.map((e: { pointer: string }) => e.pointer);
      for (const p of ['/username', '/displayName', '/password', '/roles/0', '/shoeSize']) assert.ok(pointers.includes(p), `${p} named in ${pointers}`);
      const declarantWithoutEnterprise = await call(bf.url, 'POST', '/api/identity/users', { token: admin, body: { username: 'lonely', displayName: 'L', roles: ['declarant'], password: 'long-enough-pw' } });
      assert.equal(declarantWithoutEnterprise.status, 400);
      assert.equal(declarantWithoutEnterprise.body.errors[0].pointer, '/enterpriseId');
      const badTax = await call(bf.url, 'POST', '/api/identity/enterprises', { token: admin, body: { taxCode: '0100109107', name: 'Wrong check digit', country: 'VN' } });
      assert.equal(badTax.status, 400);
      assert.equal(badTax.body.errors[0].pointer, '/taxCode');
      const after = (await call(bf.url, 'GET', '/api/identity/users?limit=500', { token: admin })).body.items.length;
      assert.equal(after, before);
    });

    test('malformed JSON, wrong content type and oversize bodies get 400, 415 and 413', async () => {
      const malformed = await call(bf.url, 'POST', '/api/auth/login', { raw: '{"username": "admin",' });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.code, 'MALFORMED_JSON');
      const text = await call(bf.url, 'POST', '/api/auth/login', { raw: 'username=admin', headers: { 'content-type': 'text/csv' } });
      assert.equal(text.status, 415);
      assert.equal(text.body.code, 'UNSUPPORTED_MEDIA_TYPE');
      const big = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'x'.repeat(1024 * 1024 + 10) } });
      assert.equal(big.status, 413);
      assert.equal(big.body.code, 'PAYLOAD_TOO_LARGE');
    });

    test('Idempotency-Key: the same request replays, a different body is refused with 422', async () => {
      const admin = await login(bf.url, 'admin');
      const body = { taxCode: '0100109106', name: 'Tập đoàn Viễn thông Quân đội', country: 'VN' };
      const headers = { 'idempotency-key': `ent-${kind}-1` };
      const first = await call(bf.url, 'POST', '/api/identity/enterprises', { token: admin, body, headers });
      assert.equal(first.status, 201);
      const again = await call(bf.url, 'POST', '/api/identity/enterprises', { token: admin, body, headers });
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const other = await call(bf.url, 'POST', '/api/identity/enterprises', { token: admin, body: { ...body, name: 'Other' }, headers });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'IDEMPOTENCY_KEY_REUSED');
      const dup = await call(bf.url, 'POST', '/api/identity/enterprises', { token: admin, body });
      assert.equal(dup.status, 409, 'without the key a second registration is a conflict');
    });

    test('an API key authenticates a machine client until revoked', async () => {
      const admin = await login(bf.url, 'admin');
      const created = await call(bf.url, 'POST', '/api/identity/api-keys', { token: admin, body: { name: 'Dongxing exchange', roles: ['partner_system'] } });
      assert.equal(created.status, 201);
      const me = await call(bf.url, 'GET', '/api/auth/me', { headers: { 'x-api-key': created.body.key } });
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.user.roles, ['partner_system']);
      assert.equal((await call(bf.url, 'POST', `/api/identity/api-keys/${created.body.id}/revoke`, { token: admin, body: {} })).status, 204);
      assert.equal((await call(bf.url, 'GET', '/api/auth/me', { headers: { 'x-api-key': created.body.key } })).status, 401);
    });

    test('a deactivated device is refused at once over HTTP and MQTT; only an admin deactivates', async () => {
      const admin = await login(bf.url, 'admin');
      const created = await call(bf.url, 'POST', '/api/identity/devices', { token: admin, body: { id: 'cam-retired-1', kind: 'plate-camera', name: 'Entry camera 1 (old)' } });
      assert.equal(created.status, 201);
      const directory = bf.platform.identity.directory;
      assert.equal((await directory.authenticateDevice('cam-retired-1', created.body.secret))?.deviceId, 'cam-retired-1');
      // The camera reads over HTTP (its credentials now remembered) and holds an MQTT connection.
      const headers = { 'x-device-id': 'cam-retired-1', 'x-device-secret': created.body.secret };
      const read = (n: number) => call(bf.url, 'POST', '/api/gate/reads', { headers, body: { type: 'plate', readId: `retired-${n}`, at: clock.now().toISOString(), plate: '14C12345', confidence: 0.9, position: 'entry' } });
      assert.equal((await read(1)).status, 200);
      const camera = await mqttConnect(`mqtt://127.0.0.1:${bf.platform.mqtt.port}`, { username: 'cam-retired-1', password: created.body.secret, clientId: 'retired', reconnectPeriod: 0 });
      const dropped = new Promise<void>((resolve) => camera.once('close', () => resolve()));
      assert.equal((await call(bf.url, 'POST', '/api/identity/devices/cam-retired-1/deactivate', { token: await login(bf.url, 'operator'), body: {} })).status, 403);
      const off = await call(bf.url, 'POST', '/api/identity/devices/cam-retired-1/deactivate', { token: admin, body: {} });
      assert.deepEqual([off.status, off.body.active], [200, false]);
      await dropped; // the broker closed the camera's connection…
      const again = await read(2); // …and its next HTTP read is refused, not served from the credential cache
      assert.deepEqual([again.status, again.body.code], [401, 'GATE_DEVICE_UNAUTHENTICATED']);
      await assert.rejects(mqttConnect(`mqtt://127.0.0.1:${bf.platform.mqtt.port}`, { username: 'cam-retired-1', password: created.body.secret, clientId: 'retired', reconnectPeriod: 0 }), /Not authorized/i);
      await camera.endAsync();
      assert.equal(await directory.authenticateDevice('cam-retired-1', created.body.secret), null);
      const listed = await call(bf.url, 'GET', '/api/identity/devices', { token: admin });
      assert.equal(listed.body.items.find((d: { id: string }) => d.id === 'cam-retired-1').active, false);
      const missing = await call(bf.url, 'POST', '/api/identity/devices/no-such-device/deactivate', { token: admin, body: {} });
      assert.deepEqual([missing.status, missing.body.code], [404, 'IDENTITY_DEVICE_NOT_FOUND']);
    });

    test('every state change leaves an audit record the auditor can filter', async () => {
      const auditor = await login(bf.url, 'auditor');
      const r = await call(bf.url, 'GET', '/api/audit?action=auth.login&limit=500', { token: auditor });
      assert.equal(r.status, 200);
      const failed = r.body.items.filter((x: { outcome: string }) => x.outcome === 'failed');
      assert.ok(failed.length >= 3, 'failed sign-ins are audited');
      assert.ok(r.body.items.every((x: { action: string; requestId: string; sourceIp: string }) => x.action === 'auth.login' && x.requestId && x.sourceIp));
      assert.equal((await call(bf.url, 'GET', '/api/audit', { token: await login(bf.url, 'declarant') })).status, 403);
      const page1 = await call(bf.url, 'GET', '/api/audit?limit=2', { token: auditor });
      const page2 = await call(bf.url, 'GET', `/api/audit?limit=2&cursor=${page1.body.next}`, { token: auditor });
      assert.ok(page2.body.items[0].id < page1.body.items[1].id, "the next page continues after the cursor");
      const byName = await call(bf.url, 'GET', '/api/audit?actor=auditor&action=auth.login', { token: auditor });
      assert.ok(byName.body.items.length > 0 && byName.body.items.every((x: { actorName: string }) => x.actorName === 'auditor'), 'the actor filter takes a name');
      const verified = await call(bf.url, 'GET', '/api/audit/verify', { token: auditor });
      assert.deepEqual([verified.status, verified.body.ok], [200, true]);
      assert.ok(verified.body.records >= r.body.items.length, 'every record was checked');
      assert.equal((await call(bf.url, 'GET', '/api/audit/verify', { token: await login(bf.url, 'supervisor') })).status, 403);
    });

    test('health, OpenAPI and Swagger UI are served; unknown routes get a problem', async () => {
      assert.equal((await call(bf.url, 'GET', '/health/live')).status, 200);
      const ready = await call(bf.url, 'GET', '/health/ready');
      assert.equal(ready.status, 200);
      assert.equal(ready.body.checks.database, 'ok');
      const spec = await call(bf.url, 'GET', '/api/openapi.json');
      assert.equal(spec.body.openapi, '3.1.0');
      assert.ok(spec.body.paths['/api/auth/login']);
      assert.equal((await fetch(bf.url + '/api/docs/')).status, 200);
      const nope = await call(bf.url, 'GET', '/api/nope');
      assert.equal(nope.status, 404);
      assert.equal(nope.body.code, 'ROUTE_NOT_FOUND');
      assert.ok(nope.headers.get('x-request-id'));
    });
  });
}
