import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectExternalBroker } from './external.ts';
import { startMqtt } from './index.ts';
import { deviceTopic } from './topics.ts';
import { TEST_DEVICES, TEST_SITE, capturingLogger, inboxOf, testAuthenticator } from './testing.ts';

// These drive the external-broker client against the embedded broker, which can be stopped and
// refused at will; the shared Mosquitto cannot. The client logs in as a test device.
const cam1 = TEST_DEVICES['cam-01'];
const commands = deviceTopic(TEST_SITE, 'plate-camera', 'cam-01', 'commands');

const embedded = (port = 0) => startMqtt({ url: null, port, host: '127.0.0.1', log: capturingLogger().log, devices: testAuthenticator() });

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}

describe('external broker client', { timeout: 10_000 }, () => {
  it('fails start-up when the broker refuses the platform, naming the broker but not the password', async (t) => {
    const broker = await embedded();
    t.after(() => broker.close());
    const { log, text } = capturingLogger();
    const url = `mqtt://cam-01:not-the-secret@127.0.0.1:${broker.port}`;
    await assert.rejects(connectExternalBroker({ url, clientId: 'borderflow-test', log }), (err: Error) => {
      assert.match(err.message, /MQTT broker mqtt:\/\/cam-01:\*\*\*@127\.0\.0\.1:\d+\/? refused the platform's connection/);
      return true;
    });
    assert.ok(!text().includes('not-the-secret'));
  });

  it('rejects a subscription the broker refuses, saying which filter', async (t) => {
    const broker = await embedded();
    t.after(() => broker.close());
    const url = `mqtt://cam-01:${cam1.secret}@127.0.0.1:${broker.port}`;
    const bus = await connectExternalBroker({ url, clientId: 'platform-test', log: capturingLogger().log });
    t.after(() => bus.close());
    const foreign = deviceTopic(TEST_SITE, 'plate-camera', 'cam-02', 'commands');
    await assert.rejects(bus.subscribe(foreign, () => undefined), new RegExp(`refused the subscription to ${foreign}`));
    assert.ok(await bus.subscribe(commands, () => undefined), 'the connection is still usable');
  });

  it('starts while the broker is down, connects when it comes up, and renews its subscriptions after a restart', async (t) => {
    const probe = await embedded();
    const port = probe.port!;
    await probe.close(); // a port that was free a moment ago, now with nothing listening

    const url = `mqtt://cam-01:${cam1.secret}@127.0.0.1:${port}`;
    const bus = await connectExternalBroker({ url, clientId: 'platform-test', log: capturingLogger().log, firstConnectTimeoutMs: 100, minReconnectMs: 50, maxReconnectMs: 200 });
    t.after(() => bus.close());
    assert.equal(await bus.ping(), false, 'not ready while the broker is down');
    await assert.rejects(bus.publish(commands, {}), /not connected/);

    let broker = await embedded(port);
    await until(() => bus.ping(), 3_000);
    const inbox = await inboxOf(bus, `${commands}/#`);
    await broker.publish(`${commands}/open`, { lane: 3 }, { qos: 1 });
    assert.deepEqual(JSON.parse((await inbox.next()).payload.toString('utf8')), { lane: 3 });

    await broker.close();
    await until(async () => !(await bus.ping()), 3_000);
    broker = await embedded(port);
    t.after(() => broker.close());
    await until(() => bus.ping(), 3_000);
    // The renewed SUBSCRIBE follows the CONNACK; publish until it is in place.
    const renewed = () => inbox.messages.some((m) => m.topic === `${commands}/close`);
    await until(async () => {
      await broker.publish(`${commands}/close`, { lane: 3 }, { qos: 1 });
      await sleep(20);
      return renewed();
    }, 3_000);
  });
});
