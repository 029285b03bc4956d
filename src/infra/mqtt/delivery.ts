import type { Logger } from '../log/index.ts';
import type { MessageHandler } from './types.ts';

/** Turns a payload into bytes: buffers as they are, strings as UTF-8, anything else as UTF-8 JSON. */
export function encodePayload(payload: object | string | Buffer): Buffer {
  if (Buffer.isBuffer(payload)) return payload;
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

/**
 * Wraps a handler so that messages reach it one at a time, in arrival order (a device's state
 * updates must not overtake each other), and so that a failing handler is logged instead of
 * taking the broker connection, or the process, down with it.
 */
export function orderedDelivery(filter: string, handler: MessageHandler, log: Logger): (topic: string, payload: Buffer) => void {
  let queue: Promise<void> = Promise.resolve();
  return (topic, payload) => {
    queue = queue.then(async () => {
      try {
        await handler(topic, payload);
      } catch (err) {
        log.error({ err, topic, filter }, 'MQTT message handler failed; message skipped');
      }
    });
  };
}
