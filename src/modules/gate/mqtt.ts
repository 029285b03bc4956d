import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DEVICE_TOPIC_ROOT, deviceTopic, parseDeviceTopic, type MqttBus } from '../../infra/mqtt/index.ts';
import type { Logger } from '../../infra/log/index.ts';
import type { ReadService } from './read-service.ts';
import { DeviceReadBody, type DeviceReadWire } from './schema.ts';
import { deviceContext } from './device-context.ts';
import type { BarrierCommandSink } from './ports.ts';
import { toDeviceRead } from './views.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile<DeviceReadWire>(DeviceReadBody as object);

/**
 * Subscribes to `borderflow/{site}/+/+/reads`. The broker authenticated the device (embedded) or
 * enforces its ACL (external), so the topic's kind and id are the device's. A payload that is
 * not JSON or fails the schema is logged and dropped — MQTT has no answer channel for reads.
 */
export async function subscribeDeviceReads(mqtt: MqttBus, siteId: string, readsService: ReadService, log: Logger): Promise<() => Promise<void>> {
  return mqtt.subscribe(`${DEVICE_TOPIC_ROOT}/${siteId}/+/+/reads`, async (topic, payload) => {
    const t = parseDeviceTopic(topic);
    if (!t) return;
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      log.warn({ topic }, 'device read is not JSON: dropped');
      return;
    }
    if (!validate(body)) {
      log.warn({ topic, errors: validate.errors?.slice(0, 5) }, 'device read fails the schema: dropped');
      return;
    }
    const device = { deviceId: t.deviceId, kind: t.kind, siteId: t.site };
    await readsService.handle(deviceContext(device, null), device, toDeviceRead(body)).catch((err: unknown) => log.warn({ err, topic }, 'device read refused'));
  });
}

/** Publishes barrier commands to `borderflow/{site}/{kind}/{deviceId}/commands/{open|hold}` (QoS 1, never retained). */
export function mqttBarrierSink(mqtt: MqttBus, siteId: string): BarrierCommandSink {
  return (deviceId, kind, command) => mqtt.publish(deviceTopic(siteId, kind, deviceId, `commands/${command.action}`), command, { qos: 1, retain: false });
}
