import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startMqtt, type RunningMqtt } from './index.ts';
import { deviceTopic, vda5050Topic } from './topics.ts';
import { TEST_DEVICES, TEST_SITE, capturingLogger, connectDevice, deviceInbox, inboxOf, testAuthenticator } from './testing.ts';

const cam1 = TEST_DEVICES['cam-01'];
const cam1Reads = deviceTopic(TEST_SITE, 'plate-camera', 'cam-01', 'reads');
const cam2Reads = deviceTopic(TEST_SITE, 'plate-camera', 'cam-02', 'reads');
const cam1Commands = deviceTopic(TEST_SITE, 'plate-camera', 'cam-01', 'commands');
const cam2Commands = deviceTopic(TEST_SITE, 'plate-camera', 'cam-02', 'commands');

async function broker(t: TestContext) {
  const logs = capturingLogger();
  const devices = testAuthenticator();
  const mqtt: RunningMqtt = await startMqtt({ url: null, port: 0, host: '127.0.0.1', log: logs.log, devices });
  t.after(() => mqtt.close());
  const port = mqtt.port!;
  const device = async (id: keyof typeof TEST_DEVICES, opts = {}) => {
    const client = await connectDevice(port, id, TEST_DEVICES[id].secret, opts);
    t.after(() => client.endAsync(true));
    return client;
  };
  return { mqtt, port, logs, devices, device };
}

describe('embedded broker', { timeout: 10_000 }, () => {
  it("delivers a device's telemetry, sent with its own secret, to the platform", async (t) => {
    const { mqtt, device } = await broker(t);
    assert.ok(mqtt.port! > 0, 'reports the ephemeral port it listens on');
    const reads = await inboxOf(mqtt, 'borderflow/+/+/+/reads');
    const cam = await device('cam-01');
    await cam.publishAsync(cam1Reads, JSON.stringify({ plate: '14C-12345', at: '2026-03-01T08:00:00Z' }), { qos: 1 });
    const got = await reads.next();
    assert.equal(got.topic, cam1Reads);
    assert.deepEqual(JSON.parse(got.payload.toString('utf8')), { plate: '14C-12345', at: '2026-03-01T08:00:00Z' });
    assert.equal(await mqtt.ping(), true);
  });

  it('refuses a wrong secret or an unknown device with CONNACK "not authorized", and logs it without the secret', async (t) => {
    const { port, logs } = await broker(t);
    await assert.rejects(connectDevice(port, 'cam-01', 'guessed-secret'), (err: Error & { code?: number }) => err.code === 5);
    await assert.rejects(connectDevice(port, 'cam-99', cam1.secret), (err: Error & { code?: number }) => err.code === 5);
    await assert.rejects(connectDevice(port, '', ''), (err: Error & { code?: number }) => err.code === 5);
    const refusals = logs.lines.filter((l) => l.msg === 'MQTT connection refused');
    assert.deepEqual(refusals.slice(0, 2).map((l) => l.deviceId), ['cam-01', 'cam-99']);
    assert.ok(refusals.every((l) => typeof l.reason === 'string'));
    assert.ok(!logs.text().includes('guessed-secret') && !logs.text().includes(cam1.secret), 'no secret in the log');
  });

  it("drops a publish under another device's topic, keeps the connection, and still carries its own", async (t) => {
    const { mqtt, device, logs } = await broker(t);
    const reads = await inboxOf(mqtt, 'borderflow/#');
    const cam = await device('cam-01');
    await cam.publishAsync(cam2Reads, '{"plate":"FORGED"}', { qos: 1, retain: true });
    await cam.publishAsync(cam1Reads, '{"plate":"14C-12345"}', { qos: 1 });
    const got = await reads.next();
    assert.equal(got.topic, cam1Reads, 'its own read arrives on the same connection');
    assert.ok(cam.connected);
    assert.ok(!reads.messages.some((m) => m.topic === cam2Reads), 'the forged read never reached the platform');
    const later = await inboxOf(mqtt, cam2Reads);
    await sleep(50);
    assert.equal(later.messages.length, 0, 'the forged read was not retained either');
    const refusal = logs.lines.find((l) => l.msg === 'MQTT publish refused');
    assert.equal(refusal?.deviceId, 'cam-01');
    assert.equal(refusal?.topic, cam2Reads);
  });

  it("delivers commands on a device's own subtree and refuses a subscription to another's", async (t) => {
    const { mqtt, device } = await broker(t);
    const cam = await device('cam-01');
    const inbox = deviceInbox(cam);
    const own = await cam.subscribeAsync(`${cam1Commands}/#`, { qos: 1 });
    assert.equal(own[0]?.qos, 1);
    for (const filter of [cam2Commands, 'borderflow/#', `borderflow/${TEST_SITE}/plate-camera/+/commands`]) {
      // SUBACK 0x80: mqtt.js turns a refused subscription into a rejection.
      await assert.rejects(cam.subscribeAsync(filter, { qos: 1 }), (err: Error & { packet?: { granted?: number[] } }) => err.packet?.granted?.[0] === 128, filter);
    }
    assert.ok(cam.connected, 'a refused subscription does not cost the connection');
    await mqtt.publish(cam2Commands, { action: 'capture' }, { qos: 1 });
    await mqtt.publish(cam1Commands, { action: 'capture', at: '2026-03-01T08:00:00Z' }, { qos: 1 });
    const got = await inbox.next();
    assert.equal(got.topic, cam1Commands);
    assert.deepEqual(JSON.parse(got.payload.toString('utf8')), { action: 'capture', at: '2026-03-01T08:00:00Z' });
    assert.equal(inbox.messages.length, 1, "cam-01 never saw cam-02's command");
  });

  it('lets an AGV speak VDA 5050 under its own serial number only', async (t) => {
    const { mqtt, device } = await broker(t);
    const states = await inboxOf(mqtt, 'uagv/v2/+/+/state');
    const vehicle = await device('agv-07');
    const inbox = deviceInbox(vehicle);
    assert.equal((await vehicle.subscribeAsync(vda5050Topic('ACME', 'agv-07', 'order'), { qos: 1 }))[0]?.qos, 1);
    await vehicle.publishAsync(vda5050Topic('ACME', 'agv-08', 'state'), '{"forged":true}', { qos: 1 });
    await vehicle.publishAsync(vda5050Topic('ACME', 'agv-07', 'state'), '{"orderId":"o1"}', { qos: 1 });
    assert.equal((await states.next()).topic, 'uagv/v2/ACME/agv-07/state');
    assert.equal(states.messages.length, 1);
    await mqtt.publish(vda5050Topic('ACME', 'agv-07', 'order'), { orderId: 'o2' }, { qos: 1 });
    assert.equal((await inbox.next()).topic, 'uagv/v2/ACME/agv-07/order');
  });

  it('does not let one device knock another off by reusing its client id', async (t) => {
    const { mqtt, device } = await broker(t);
    const first = await device('cam-01', { clientId: 'gate-3' });
    await first.subscribeAsync(cam1Commands, { qos: 1 });
    const inbox = deviceInbox(first);
    await device('cam-02', { clientId: 'gate-3' });
    await mqtt.publish(cam1Commands, { action: 'capture' }, { qos: 1 });
    await inbox.next();
    assert.ok(first.connected, 'cam-01 is still connected and receiving');
  });

  it('logs a failing platform handler and keeps delivering', async (t) => {
    const { mqtt, logs } = await broker(t);
    await mqtt.subscribe('borderflow/#', () => {
      throw new Error('handler bug');
    });
    await mqtt.subscribe('borderflow/#', async () => Promise.reject(new Error('async handler bug')));
    const inbox = await inboxOf(mqtt, 'borderflow/#');
    await mqtt.publish(cam1Reads, { plate: '14C-12345' });
    await mqtt.publish(cam1Reads, { plate: '14C-67890' });
    await inbox.next();
    await inbox.next();
    await sleep(10);
    assert.equal(logs.lines.filter((l) => l.msg === 'MQTT message handler failed; message skipped').length, 4);
  });

  it('closes cleanly: devices are disconnected, the port is released, nothing keeps the process alive', async (t) => {
    const handles = () => process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'FSReqCallback');
    await sleep(20); // handles closed by earlier tests leave the list a moment after their callbacks
    const before = handles();
    const mqtt = await startMqtt({ url: null, port: 0, host: '127.0.0.1', log: capturingLogger().log, devices: testAuthenticator() });
    const cam = await connectDevice(mqtt.port!, 'cam-01', cam1.secret);
    const disconnected = new Promise<void>((resolve) => cam.once('close', () => resolve()));
    await mqtt.close();
    await disconnected;
    await mqtt.close(); // twice is harmless
    assert.equal(await mqtt.ping(), false);
    await assert.rejects(mqtt.publish(cam1Reads, {}), /closed/);
    await assert.rejects(connectDevice(mqtt.port!, 'cam-01', cam1.secret), /ECONNREFUSED/);
    await cam.endAsync(true);
    await sleep(20);
    assert.deepEqual(handles().sort(), before.sort());
    t.diagnostic(`handles after close: ${JSON.stringify(handles())}`);
  });
});
