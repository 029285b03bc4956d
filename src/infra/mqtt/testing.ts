/** Helpers for the MQTT tests in this folder; not part of the port (index.ts does not export them). */
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { createLogger, type Logger } from '../log/index.ts';
import type { DeviceAuthenticator, MqttBus } from './types.ts';

/** A logger whose lines the test can read back. */
export function capturingLogger(): { log: Logger; lines: Array<Record<string, unknown>>; text: () => string } {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines, text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

/** Devices known to the tests, with their plain secrets. */
export const TEST_DEVICES = {
  'cam-01': { kind: 'plate-camera', secret: 'cam-01-s3cret-Xq9' },
  'cam-02': { kind: 'plate-camera', secret: 'cam-02-s3cret-Zr4' },
  'agv-07': { kind: 'agv', secret: 'agv-07-s3cret-Lm2' },
} as const;

/** The site the test devices are registered at. */
export const TEST_SITE = 'VN-MONGCAI';

/** An authenticator over `TEST_DEVICES` that counts its calls. */
export function testAuthenticator(): DeviceAuthenticator & { calls: number } {
  const auth = {
    calls: 0,
    async authenticate(deviceId: string, secret: string) {
      auth.calls += 1;
      const device = (TEST_DEVICES as Record<string, { kind: string; secret: string }>)[deviceId];
      return device && device.secret === secret ? { deviceId, kind: device.kind, siteId: TEST_SITE } : null;
    },
  };
  return auth;
}

/** Connects as a device (no automatic reconnect, so a refused device stays refused). */
export function connectDevice(port: number, username: string, password: string, extra: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(`mqtt://127.0.0.1:${port}`, { username, password, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 2_000, ...extra });
}

/** Messages seen on one subscription, with a way to wait for the next matching one. */
export interface Inbox {
  messages: Array<{ topic: string; payload: Buffer }>;
  next(match?: (topic: string) => boolean, timeoutMs?: number): Promise<{ topic: string; payload: Buffer }>;
}

/** Records what arrives for `filter` on the platform bus. */
export async function inboxOf(bus: MqttBus, filter: string): Promise<Inbox & { stop: () => Promise<void> }> {
  const inbox = collector();
  const stop = await bus.subscribe(filter, (topic, payload) => inbox.push(topic, payload));
  return { ...inbox, stop };
}

/** Records what a device client receives. */
export function deviceInbox(client: MqttClient): Inbox {
  const inbox = collector();
  client.on('message', (topic, payload) => inbox.push(topic, payload));
  return inbox;
}

function collector(): Inbox & { push(topic: string, payload: Buffer): void } {
  const messages: Array<{ topic: string; payload: Buffer }> = [];
  const waiters = new Set<() => void>();
  let seen = 0;
  return {
    messages,
    push(topic, payload) {
      messages.push({ topic, payload });
      for (const wake of waiters) wake();
    },
    next(match = () => true, timeoutMs = 2_000) {
      const from = seen;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const i = messages.findIndex((m, idx) => idx >= from && match(m.topic));
          if (i < 0) return;
          seen = i + 1;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages[i]!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
