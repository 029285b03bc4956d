import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfig } from './index.ts';

test('defaults describe the embedded single-process platform', () => {
  const c = parseConfig({}, '/srv/bf');
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, '/srv/bf/data');
  assert.equal(c.databaseUrl, null);
  assert.equal(c.mqttUrl, null);
  assert.equal(c.mqttPort, 1884, 'the embedded broker must not collide with a system broker on 1883');
  assert.equal(c.natsUrl, null);
  assert.equal(c.demo, false);
  assert.equal(c.secretKey, null);
  assert.equal(c.bodyLimitBytes, 1024 * 1024);
});

test('every bad variable is reported at once, each by name', () => {
  try {
    parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DEMO: 'maybe', SECRET_KEY: 'abc', SITE_ID: 'mongcai', MQTT_PORT: '70000' });
    assert.fail('expected a ConfigError');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const named = err.problems.map((p) => p.variable).sort();
    assert.deepEqual(named, ['DATABASE_URL', 'DEMO', 'LOG_LEVEL', 'MQTT_PORT', 'PORT', 'SECRET_KEY', 'SITE_ID']);
    assert.match(err.message, /PORT: must be a whole number, got "eighty"/);
  }
});

test('server URLs and flags are read as given', () => {
  const c = parseConfig({ DATABASE_URL: 'postgres://u@h:5432/db', MQTT_URL: 'mqtt://127.0.0.1:1883', NATS_URL: 'nats://127.0.0.1:4222', DEMO: 'yes', PORT: '0' });
  assert.equal(c.databaseUrl, 'postgres://u@h:5432/db');
  assert.equal(c.mqttUrl, 'mqtt://127.0.0.1:1883');
  assert.equal(c.natsUrl, 'nats://127.0.0.1:4222');
  assert.equal(c.demo, true);
  assert.equal(c.port, 0);
});

test('the process exits non-zero with one line per problem naming the variable', async () => {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, PORT: 'x', LOG_LEVEL: 'nope' }, encoding: 'utf8' });
  assert.equal(r.status, 2);
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('config error'));
  assert.deepEqual(lines.map((l) => l.split(' ')[2]).sort(), ['LOG_LEVEL', 'PORT']);
});
