import type { Aedes, AuthenticateError, Client, PublishPacket } from 'aedes';
import type { Logger } from '../log/index.ts';
import { publishRefusal, subscribeRefusal } from './device-policy.ts';
import type { DeviceAuthenticator, DeviceIdentity } from './types.ts';

// CONNACK return codes, MQTT 3.1.1 §3.2.2.3 (aedes declares them as an ambient const enum,
// which isolated modules cannot read).
const SERVER_UNAVAILABLE = 3;
const NOT_AUTHORIZED = 5;

/**
 * Puts device authentication and topic authorization in front of an aedes broker.
 *
 * - CONNECT: username = device id, password = device secret, checked by `devices`. Unknown
 *   device or wrong secret → CONNACK 5 (not authorized, what Mosquitto answers too); the
 *   authenticator failing → CONNACK 3 (server unavailable), so the device retries.
 * - Client ids are namespaced by device id, so one device cannot use another's client id to
 *   take over its session or knock it offline (MQTT-3.1.4-2).
 * - PUBLISH outside the device's topics is acknowledged and discarded, never delivered or
 *   retained. MQTT 3.1.1 §3.3.5 allows either that or closing the connection; Mosquitto
 *   discards, and devices should behave the same whichever broker they talk to.
 * - SUBSCRIBE outside its topics is answered with 0x80 (failure) and the connection stays up.
 *
 * The platform's own in-process publish/subscribe goes through `broker.publish`/`subscribe`,
 * which aedes never authorizes: it has no credential that could leak.
 */
export function guardBroker(broker: Aedes, devices: DeviceAuthenticator, log: Logger): void {
  const identities = new WeakMap<Client, DeviceIdentity>();
  const refused = new WeakSet<object>();
  // Repeats of one refusal per connection go to debug, so a misconfigured device cannot flood the log.
  const reported = new WeakMap<Client, Set<string>>();

  const remoteOf = (client: Client): string | undefined => ('remoteAddress' in client.conn ? client.conn.remoteAddress : undefined);
  const refuse = (code: number, message: string): AuthenticateError => Object.assign(new Error(message), { returnCode: code }) as AuthenticateError;
  const report = (client: Client | null, what: string, topic: string, reason: string): void => {
    const deviceId = client ? identities.get(client)?.deviceId : undefined;
    const seen = client ? (reported.get(client) ?? new Set<string>()) : new Set<string>();
    if (client) reported.set(client, seen);
    const level = seen.has(`${what}\u0000${topic}`) ? 'debug' : 'warn';
    seen.add(`${what}\u0000${topic}`);
    log[level]({ deviceId, clientId: client?.id, topic, reason }, `MQTT ${what} refused`);
  };

  broker.preConnect = (_client, packet, callback) => {
    if (packet.username && packet.clientId) packet.clientId = `${packet.username}:${packet.clientId}`;
    callback(null, true);
  };

  broker.authenticate = (client, username, password, done) => {
    const remote = remoteOf(client);
    if (!username || !password) {
      log.warn({ deviceId: username, remote, reason: 'missing username (device id) or password (device secret)' }, 'MQTT connection refused');
      return done(refuse(NOT_AUTHORIZED, 'device id and secret required'), null);
    }
    devices.authenticate(username, password.toString('utf8')).then(
      (device) => {
        if (!device) {
          log.warn({ deviceId: username, remote, reason: 'unknown or inactive device, or wrong secret' }, 'MQTT connection refused');
          return done(refuse(NOT_AUTHORIZED, 'not authorized'), null);
        }
        identities.set(client, device);
        done(null, true);
      },
      (err: unknown) => {
        log.error({ err, deviceId: username, remote }, 'MQTT connection refused: device authentication failed');
        done(refuse(SERVER_UNAVAILABLE, 'device authentication unavailable'), null);
      },
    );
  };

  broker.authorizePublish = (client, packet, callback) => {
    const device = client ? identities.get(client) : undefined;
    // No device: the will of a client whose identity is gone. Erroring makes aedes drop it.
    if (!device) return callback(new Error('publisher is not an authenticated device'));
    const reason = publishRefusal(device, packet.topic);
    if (reason) {
      refused.add(packet);
      report(client, 'publish', packet.topic, reason);
    }
    callback(null);
  };

  broker.authorizeSubscribe = (client, subscription, callback) => {
    const device = identities.get(client);
    const reason = device ? subscribeRefusal(device, subscription.topic) : 'subscriber is not an authenticated device';
    if (!reason) return callback(null, subscription);
    report(client, 'subscription', subscription.topic, reason);
    callback(null, null);
  };

  // aedes routes every client PUBLISH (and will) through `broker.publish` after it is
  // authorized and acknowledged; a packet marked refused stops here, before delivery and the
  // retained store. `publish` is public API; its typings omit the client argument aedes passes.
  type Publish = (packet: PublishPacket, ...rest: unknown[]) => void;
  const deliver = broker.publish.bind(broker) as Publish;
  const discarding: Publish = (packet, ...rest) => {
    if (!refused.has(packet)) return deliver(packet, ...rest);
    const done = rest.find((arg): arg is (err?: Error) => void => typeof arg === 'function');
    done?.();
  };
  (broker as unknown as { publish: Publish }).publish = discarding;

  broker.on('clientReady', (client) => {
    const device = identities.get(client);
    if (device) log.info({ deviceId: device.deviceId, kind: device.kind, clientId: client.id, remote: remoteOf(client) }, 'device connected over MQTT');
  });
  broker.on('clientDisconnect', (client) => {
    const device = identities.get(client);
    if (device) log.info({ deviceId: device.deviceId, clientId: client.id }, 'device disconnected from MQTT');
  });
  broker.on('clientError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'MQTT client error'));
  broker.on('connectionError', (client, err) => log.debug({ clientId: client.id, err: err.message }, 'MQTT connection error'));
}
