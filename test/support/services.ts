import type { TestContext } from 'node:test';
import { envFlag } from '../../src/infra/config/index.ts';

/** The real services CI points the tests at; absent ones are skipped loudly unless required. */
export const services = {
  databaseUrl: envFlag('DATABASE_URL') || null,
  mqttUrl: envFlag('MQTT_URL') || null,
  natsUrl: envFlag('NATS_URL') || null,
  requireServices: envFlag('REQUIRE_SERVICES') === '1',
  requireBrowser: envFlag('REQUIRE_BROWSER') === '1',
};

/**
 * Returns the service URL, or skips the test with a loud message when it is not configured.
 * With REQUIRE_SERVICES=1 a missing service fails the test instead.
 */
export function serviceOrSkip(t: TestContext, name: 'DATABASE_URL' | 'MQTT_URL' | 'NATS_URL'): string | null {
  const value = name === 'DATABASE_URL' ? services.databaseUrl : name === 'MQTT_URL' ? services.mqttUrl : services.natsUrl;
  if (value) return value;
  if (services.requireServices) throw new Error(`${name} is not set but REQUIRE_SERVICES=1: this test needs the real service`);
  console.warn(`\n*** SKIPPED: ${t.name} needs ${name}; set it to run against the real service ***\n`);
  t.skip(`${name} not set`);
  return null;
}
