import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { call, login } from '../support/http.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Starts `src/main.ts` as its own process on a free port; resolves with its URL when ready. */
async function startProcess(dataDir: string, logs: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'debug', MQTT_PORT: '0', DATABASE_URL: '', MQTT_URL: '', NATS_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      logs.push(d.toString());
      const m = /"url":"(http:\/\/[^"]+)".*Borderflow is running/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${logs.join('')}`)));
  });
  return { child, url };
}

test('SIGTERM stops the process cleanly within 10 s, finishing requests in flight; data survives a restart', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-life-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const first = await startProcess(dataDir, logs);
  assert.equal((await call(first.url, 'GET', '/health/ready')).status, 200);
  const admin = await login(first.url, 'admin');
  const created = await call(first.url, 'POST', '/api/identity/enterprises', { token: admin, body: { taxCode: '0300588569', name: 'Công ty Sữa Việt Nam', country: 'VN' } });
  assert.equal(created.status, 201);

  // A slow request (a password check) is in flight when the signal arrives.
  const inFlight = call(first.url, 'POST', '/api/auth/login', { body: { username: 'officer', password: 'demo' } });
  await new Promise((r) => setTimeout(r, 5));
  const t0 = Date.now();
  const exited = new Promise<number | null>((r) => first.child.once('exit', (code) => r(code)));
  first.child.kill('SIGTERM');
  assert.equal((await inFlight).status, 200, 'the request in flight completes');
  assert.equal(await exited, 0, logs.slice(-6).join(''));
  assert.ok(Date.now() - t0 < 10_000, 'shut down within 10 s');
  assert.match(logs.join(''), /shutting down/);

  const second = await startProcess(dataDir, logs);
  t.after(() => second.child.kill('SIGKILL'));
  const token = await login(second.url, 'admin');
  const list = await call(second.url, 'GET', '/api/identity/enterprises?limit=500', { token });
  assert.ok(list.body.items.some((e: { taxCode: string }) => e.taxCode === '0300588569'), 'the enterprise written before the restart is there');
  const exited2 = new Promise<number | null>((r) => second.child.once('exit', (code) => r(code)));
  second.child.kill('SIGINT');
  assert.equal(await exited2, 0, logs.slice(-5).join(''));
});

test('logs carry request ids but never passwords, tokens or cookies', async (t) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bf-log-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const logs: string[] = [];
  const p = await startProcess(dataDir, logs);
  t.after(() => p.child.kill('SIGKILL'));
  const secret = 'demo-not-logged-Pa55';
  await call(p.url, 'POST', '/api/auth/login', { body: { username: 'auditor', password: secret } });
  const r = await call(p.url, 'POST', '/api/auth/login', { body: { username: 'auditor', password: 'demo' } });
  const token = r.body.token as string;
  const me = await call(p.url, 'GET', '/api/auth/me', { token, headers: { cookie: `bf_session=${token}`, 'x-request-id': 'trace-me-42' } });
  assert.equal(me.headers.get('x-request-id'), 'trace-me-42');
  await new Promise((res) => setTimeout(res, 200));
  const text = logs.join('');
  assert.match(text, /trace-me-42/, 'the request id is in the log');
  assert.ok(!text.includes(secret), 'no password in the log');
  assert.ok(!text.includes(token), 'no token in the log');
  for (const line of text.split('\n').filter((l) => l.startsWith('{'))) JSON.parse(line); // every line is JSON
});
