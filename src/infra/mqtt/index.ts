import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/index.ts';
import { startEmbeddedBroker } from './embedded.ts';
import { connectExternalBroker } from './external.ts';
import type { DeviceAuthenticator, MqttBus } from './types.ts';

export type { DeviceAuthenticator, DeviceIdentity, MessageHandler, MqttBus, PublishOptions } from './types.ts';
export {
  DEVICE_CHANNELS,
  DEVICE_TOPIC_ROOT,
  VDA5050_PREFIX,
  VDA5050_TOPICS,
  deviceTopic,
  isTopicSegment,
  isValidTopicFilter,
  parseDeviceTopic,
  parseVda5050Topic,
  topicMatches,
  vda5050Topic,
  type DeviceTopic,
  type Vda5050Topic,
  type Vda5050TopicName,
} from './topics.ts';
export { AGV_KIND, publishRefusal, subscribeRefusal } from './device-policy.ts';

/** Options for `startMqtt`. */
export interface StartMqttOptions {
  /** External broker (`MQTT_URL`); null starts the embedded broker. */
  url: string | null;
  /** Embedded broker's TCP port (`MQTT_PORT`); 0 picks a free one. Ignored with `url`. */
  port: number;
  /** Interface the embedded broker listens on; all interfaces when absent. */
  host?: string;
  log: Logger;
  /** Checks device credentials for the embedded broker (the identity module, which caches them). */
  devices: DeviceAuthenticator;
  /** Platform client id at an external broker; `borderflow-{siteId}-{random}` when absent. */
  clientId?: string;
  /** Site of this process, for the default client id. */
  siteId?: string;
}

/** The running bus, plus the embedded broker's listening port (null with an external broker). */
export type RunningMqtt = MqttBus & { port: number | null };

/**
 * The platform's client id at an external broker: unique per process, so two API processes of
 * one site never knock each other off (a broker drops the older of two equal client ids).
 */
export function platformClientId(siteId = 'site'): string {
  return `borderflow-${siteId}-${randomBytes(4).toString('hex')}`;
}

/**
 * Starts MQTT for this process: the embedded aedes broker when `url` is null (devices connect
 * to `port`, authenticated by `devices`), otherwise a client of the broker at `url`.
 */
export async function startMqtt(opts: StartMqttOptions): Promise<RunningMqtt> {
  if (opts.url === null) {
    return startEmbeddedBroker({ port: opts.port, host: opts.host, log: opts.log, devices: opts.devices });
  }
  const bus = await connectExternalBroker({ url: opts.url, clientId: opts.clientId ?? platformClientId(opts.siteId), log: opts.log });
  return Object.assign(bus, { port: null });
}
