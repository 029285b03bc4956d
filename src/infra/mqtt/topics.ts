/** First level of every Borderflow device topic. */
export const DEVICE_TOPIC_ROOT = 'borderflow';

/** Channels the platform uses under a device's subtree (others are allowed, these are documented). */
export const DEVICE_CHANNELS = ['reads', 'state', 'commands', 'heartbeat'] as const;

/** Interface name and major version: the first two levels of every VDA 5050 2.x topic. */
export const VDA5050_PREFIX = 'uagv/v2';

/** The VDA 5050 2.0 topics (§6.1). */
export const VDA5050_TOPICS = ['order', 'instantActions', 'state', 'visualization', 'connection', 'factsheet'] as const;

/** One of the VDA 5050 topic names. */
export type Vda5050TopicName = (typeof VDA5050_TOPICS)[number];

/** A device topic taken apart. `channel` may have several levels, e.g. `commands/open`. */
export interface DeviceTopic {
  site: string;
  kind: string;
  deviceId: string;
  channel: string;
}

/** A VDA 5050 topic taken apart. */
export interface Vda5050Topic {
  manufacturer: string;
  serialNumber: string;
  topic: Vda5050TopicName;
}

/**
 * True when `value` can be one topic level: not empty, no wildcard (`+`, `#`), no separator, no
 * NUL (forbidden by MQTT 3.1.1 §1.5.3). Identity can use this to keep device ids topic-safe.
 */
export function isTopicSegment(value: string): boolean {
  return typeof value === 'string' && value.length > 0 && !/[+#/]/.test(value) && !value.includes('\u0000');
}

function segment(name: string, value: string): string {
  if (!isTopicSegment(value)) {
    throw new TypeError(`MQTT topic ${name} must be non-empty and contain no "+", "#" or "/", got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `borderflow/{site}/{kind}/{deviceId}/{channel}`; throws a TypeError naming a bad segment. */
export function deviceTopic(site: string, kind: string, deviceId: string, channel: string): string {
  const channelLevels = typeof channel === 'string' ? channel.split('/') : [channel];
  channelLevels.forEach((level) => segment('channel', level));
  return [DEVICE_TOPIC_ROOT, segment('site', site), segment('kind', kind), segment('deviceId', deviceId), channel].join('/');
}

/** `uagv/v2/{manufacturer}/{serialNumber}/{topic}`; throws a TypeError naming a bad segment. */
export function vda5050Topic(manufacturer: string, serialNumber: string, topic: Vda5050TopicName): string {
  if (!VDA5050_TOPICS.includes(topic)) throw new TypeError(`not a VDA 5050 topic: ${JSON.stringify(topic)}`);
  return [VDA5050_PREFIX, segment('manufacturer', manufacturer), segment('serialNumber', serialNumber), topic].join('/');
}

/** Takes a device topic apart; null for anything else (foreign topics, filters, bad segments). */
export function parseDeviceTopic(topic: string): DeviceTopic | null {
  const levels = topic.split('/');
  if (levels.length < 5 || levels[0] !== DEVICE_TOPIC_ROOT || !levels.every(isTopicSegment)) return null;
  const [, site, kind, deviceId, ...channel] = levels as [string, string, string, string, ...string[]];
  return { site, kind, deviceId, channel: channel.join('/') };
}

/** Takes a VDA 5050 2.x topic apart; null for anything else. */
export function parseVda5050Topic(topic: string): Vda5050Topic | null {
  const levels = topic.split('/');
  if (levels.length !== 5 || `${levels[0]}/${levels[1]}` !== VDA5050_PREFIX || !levels.every(isTopicSegment)) return null;
  const [, , manufacturer, serialNumber, name] = levels as [string, string, string, string, string];
  if (!(VDA5050_TOPICS as readonly string[]).includes(name)) return null;
  return { manufacturer, serialNumber, topic: name as Vda5050TopicName };
}

/** True for a topic a message can be published to: no wildcards, not empty, no NUL. */
export function isValidTopicName(topic: string): boolean {
  return typeof topic === 'string' && topic.length > 0 && !/[+#]/.test(topic) && !topic.includes('\u0000');
}

/** True for a well-formed subscription filter: `+` fills a whole level, `#` only as the last (MQTT 3.1.1 §4.7.1). */
export function isValidTopicFilter(filter: string): boolean {
  if (typeof filter !== 'string' || filter.length === 0 || filter.includes('\u0000')) return false;
  const levels = filter.split('/');
  return levels.every((level, i) => {
    if (level === '#') return i === levels.length - 1;
    if (level === '+') return true;
    return !level.includes('#') && !level.includes('+');
  });
}

/**
 * True when `topic` matches `filter`. A wildcard in the first level does not match a topic that
 * starts with `$` (§4.7.2), so `#` never catches the broker's own `$SYS` traffic.
 */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
