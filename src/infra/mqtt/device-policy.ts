import { DEVICE_TOPIC_ROOT, VDA5050_PREFIX, isTopicSegment, isValidTopicFilter, parseDeviceTopic, parseVda5050Topic, type Vda5050TopicName } from './topics.ts';
import type { DeviceIdentity } from './types.ts';

/** The device kind that speaks VDA 5050 (as registered by identity). */
export const AGV_KIND = 'agv';

/** What an AGV sends to master control (VDA 5050 2.0 §6.1); `order` and `instantActions` go the other way. */
const AGV_PUBLISHES: readonly Vda5050TopicName[] = ['state', 'visualization', 'connection', 'factsheet'];
const AGV_SUBSCRIBES: readonly Vda5050TopicName[] = ['order', 'instantActions'];

/**
 * Why `device` may not publish to `topic`, or null when it may. A device publishes only under
 * its own subtree `borderflow/{site}/{kind}/{deviceId}/…`; an AGV also publishes its VDA 5050
 * state, visualization, connection and factsheet under its own serial number.
 */
export function publishRefusal(device: DeviceIdentity, topic: string): string | null {
  const own = parseDeviceTopic(topic);
  if (own) return ownSubtreeRefusal(device, own.site, own.kind, own.deviceId);
  const vda = parseVda5050Topic(topic);
  if (vda) {
    const refusal = vdaRefusal(device, vda.serialNumber);
    if (refusal) return refusal;
    return AGV_PUBLISHES.includes(vda.topic) ? null : `VDA 5050 ${vda.topic} is sent by master control, not by the AGV`;
  }
  return `topic is outside the device's own subtree ${ownPrefix(device)}/…`;
}

/**
 * Why `device` may not subscribe to `filter`, or null when it may. A device subscribes only
 * inside its own subtree (wildcards allowed below the device id); an AGV also subscribes to the
 * exact VDA 5050 `order` and `instantActions` topics of its own serial number.
 */
export function subscribeRefusal(device: DeviceIdentity, filter: string): string | null {
  if (!isValidTopicFilter(filter)) return 'not a valid topic filter';
  const levels = filter.split('/');
  if (levels[0] === DEVICE_TOPIC_ROOT) {
    // The four levels naming the device must be literal: a wildcard there would reach other devices.
    if (levels.length < 5 || !levels.slice(1, 4).every(isTopicSegment)) return `filter must start with ${ownPrefix(device)}/`;
    return ownSubtreeRefusal(device, levels[1]!, levels[2]!, levels[3]!);
  }
  const vda = parseVda5050Topic(filter);
  if (vda) {
    const refusal = vdaRefusal(device, vda.serialNumber);
    if (refusal) return refusal;
    return AGV_SUBSCRIBES.includes(vda.topic) ? null : `VDA 5050 ${vda.topic} is not addressed to the AGV`;
  }
  if (`${levels[0]}/${levels[1]}` === VDA5050_PREFIX) return 'VDA 5050 subscriptions must name one topic exactly, without wildcards';
  return `filter is outside the device's own subtree ${ownPrefix(device)}/…`;
}

function ownPrefix(device: DeviceIdentity): string {
  return `${DEVICE_TOPIC_ROOT}/${device.siteId}/${device.kind}/${device.deviceId}`;
}

function ownSubtreeRefusal(device: DeviceIdentity, site: string, kind: string, deviceId: string): string | null {
  if (deviceId !== device.deviceId) return `topic belongs to device ${deviceId}, not ${device.deviceId}`;
  if (site !== device.siteId) return `device is registered at site ${device.siteId}, not ${site}`;
  if (kind !== device.kind) return `device is registered as ${device.kind}, not ${kind}`;
  return null;
}

function vdaRefusal(device: DeviceIdentity, serialNumber: string): string | null {
  if (device.kind !== AGV_KIND) return `only AGVs use VDA 5050 topics; device is a ${device.kind}`;
  if (serialNumber !== device.deviceId) return `VDA 5050 serial number ${serialNumber} is not this AGV (${device.deviceId})`;
  return null;
}
