import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseConfig, type ConfigError } from '../../src/infra/config/index.ts';
import { exchangeSettingsFrom } from '../../src/modules/exchange/index.ts';

const partner = { id: 'CN-DONGXING', name: 'Dongxing', endpoint: 'https://dongxing.example', keys: [{ keyId: 'k1', publicKey: 'A'.repeat(43) + '=', validFrom: '2026-01-01T00:00:00Z' }], sends: ['export-declaration', 'fax'], receives: ['release-notice'] };

test('partners come from EXCHANGE_PARTNERS or a file; unknown message types are dropped', () => {
  const inline = exchangeSettingsFrom(parseConfig({ EXCHANGE_PARTNERS: JSON.stringify([partner]) }).exchange);
  assert.deepEqual(inline.partners.map((p) => [p.id, p.sends, p.receives, p.keys[0]!.validUntil]), [['CN-DONGXING', ['export-declaration'], ['release-notice'], null]]);
  const dir = mkdtempSync(path.join(tmpdir(), 'bf-exchange-config-'));
  writeFileSync(path.join(dir, 'partners.json'), JSON.stringify([partner]));
  assert.equal(parseConfig({ EXCHANGE_PARTNERS_FILE: 'partners.json' }, dir).exchange.partners[0]!.endpoint, 'https://dongxing.example');
});

test('a bad partner configuration fails at start, naming the variable', () => {
  const problems = (env: Record<string, string>) => {
    try {
      parseConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems.map((p) => p.variable);
    }
  };
  assert.deepEqual(problems({ EXCHANGE_PARTNERS: '{not json' }), ['EXCHANGE_PARTNERS']);
  assert.deepEqual(problems({ EXCHANGE_PARTNERS: JSON.stringify([{ ...partner, endpoint: 'ftp://x' }]) }), ['EXCHANGE_PARTNERS']);
  assert.deepEqual(problems({ EXCHANGE_PARTNERS_FILE: '/nonexistent/partners.json' }), ['EXCHANGE_PARTNERS_FILE']);
  assert.deepEqual(problems({ EXCHANGE_MAX_ATTEMPTS: '0' }), ['EXCHANGE_MAX_ATTEMPTS']);
});
