import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { serviceOrSkip } from '../../../test/support/services.ts';
import { startMqtt } from './index.ts';
import { capturingLogger, inboxOf, testAuthenticator } from './testing.ts';

describe('external broker (MQTT_URL)', { timeout: 15_000 }, () => {
  it('round-trips a QoS 1 message, reports ready, and reports not ready once closed', async (t) => {
    const url = serviceOrSkip(t, 'MQTT_URL');
    if (!url) return;
    const { log, lines } = capturingLogger();
    const devices = testAuthenticator();
    const mqtt = await startMqtt({ url, port: 0, log, devices, siteId: 'VN-MONGCAI' });
    t.after(() => mqtt.close());
    assert.equal(mqtt.port, null, 'no embedded listener with an external broker');
    assert.equal(await mqtt.ping(), true);
    assert.match(String(lines.find((l) => l.msg === 'connected to MQTT broker')?.clientId), /^borderflow-VN-MONGCAI-[0-9a-f]{8}$/);

    const prefix = `borderflow-test/${randomUUID()}`; // unique per run: the broker is shared
    const inbox = await inboxOf(mqtt, `${prefix}/#`);
    await mqtt.publish(`${prefix}/VN-MONGCAI/plate-camera/cam-01/reads`, { plate: '14C-12345', at: '2026-03-01T08:00:00Z' }, { qos: 1 });
    await mqtt.publish(`${prefix}/raw`, Buffer.from([0, 1, 2]), { qos: 1 });
    const json = await inbox.next();
    assert.equal(json.topic, `${prefix}/VN-MONGCAI/plate-camera/cam-01/reads`);
    assert.deepEqual(JSON.parse(json.payload.toString('utf8')), { plate: '14C-12345', at: '2026-03-01T08:00:00Z' });
    assert.deepEqual([...(await inbox.next()).payload], [0, 1, 2]);

    await inbox.stop();
    await mqtt.publish(`${prefix}/after-unsubscribe`, 'x', { qos: 1 });
    await sleep(100);
    assert.equal(inbox.messages.length, 2, 'nothing arrives after unsubscribing');
    assert.equal(devices.calls, 0, 'device authentication is the external broker\'s business');

    await mqtt.close();
    assert.equal(await mqtt.ping(), false);
    await assert.rejects(mqtt.publish(`${prefix}/late`, 'x'), /closed/);
  });

  it('keeps one filter subscribed while another handler still uses it, and survives a failing handler', async (t) => {
    const url = serviceOrSkip(t, 'MQTT_URL');
    if (!url) return;
    const { log, lines } = capturingLogger();
    const mqtt = await startMqtt({ url, port: 0, log, devices: testAuthenticator(), siteId: 'VN-MONGCAI' });
    t.after(() => mqtt.close());
    const topic = `borderflow-test/${randomUUID()}/state`;
    await mqtt.subscribe(topic, () => {
      throw new Error('handler bug');
    });
    const first = await inboxOf(mqtt, topic);
    const second = await inboxOf(mqtt, topic);
    await first.stop();
    await mqtt.publish(topic, { state: 'open' }, { qos: 1 });
    assert.equal((await second.next()).topic, topic);
    await sleep(10);
    assert.equal(first.messages.length, 0);
    assert.ok(lines.some((l) => l.msg === 'MQTT message handler failed; message skipped'));
  });
});
