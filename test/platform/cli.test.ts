import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli.ts';
import { call } from '../support/http.ts';
import { startPlatform } from '../support/platform.ts';

function capture() {
  const lines: string[] = [];
  return { lines, io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) } };
}

test('`borderflow migrate` and `admin create` work on a fresh data dir; no demo users without DEMO=1', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-cli-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '0', MQTT_PORT: '0' };
  const m = capture();
  assert.equal(await runCli(['migrate'], m.io, env), 0);
  assert.match(m.lines.join('\n'), /applied \d+ migration\(s\)/);
  const again = capture();
  assert.equal(await runCli(['migrate'], again.io, env), 0);
  assert.match(again.lines.join('\n'), /up to date/);

  const c = capture();
  assert.equal(await runCli(['admin', 'create', '--username', 'ops-chief', '--password', 'correct horse battery', '--display-name', 'Ops Chief'], c.io, env), 0);
  assert.match(c.lines.join('\n'), /created user ops-chief \(usr_[0-9A-Z]{26}\) with roles admin/);
  const dup = capture();
  assert.equal(await runCli(['admin', 'create', '--username', 'ops-chief', '--password', 'another password'], dup.io, env), 1);
  assert.match(dup.lines.join('\n'), /IDENTITY_USERNAME_TAKEN/);
  const badRole = capture();
  assert.equal(await runCli(['admin', 'create', '--username', 'x1', '--password', 'p', '--roles', 'king'], badRole.io, env), 2);

  const bf = await startPlatform({ demo: false, env: { DATA_DIR: dataDir, DEMO: '0' } });
  t.after(() => bf.close());
  const ok = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'ops-chief', password: 'correct horse battery' } });
  assert.equal(ok.status, 200);
  const demo = await call(bf.url, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'demo' } });
  assert.equal(demo.status, 401, 'demo users exist only with DEMO=1');
});

test('unknown commands print usage and exit 2; bad configuration exits 2 naming the variable', async () => {
  const u = capture();
  assert.equal(await runCli(['frobnicate'], u.io), 2);
  assert.match(u.lines.join('\n'), /Usage: borderflow/);
  const bad = capture();
  assert.equal(await runCli(['migrate'], bad.io, { PORT: 'abc' }), 2);
  assert.match(bad.lines.join('\n'), /config error: PORT/);
});
