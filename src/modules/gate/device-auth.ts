import { createHash } from 'node:crypto';
import type { Clock } from '../../infra/clock/index.ts';
import type { DeviceAuthenticate, DeviceIdentity } from './ports.ts';

/**
 * Remembers successful device authentications for a short while: checking a secret costs an
 * scrypt hash (tens of ms), and a camera sends a read every few seconds. A deactivated device is
 * refused again once its entry expires. Failures are never cached.
 */
export function cachedDeviceAuth(authenticate: DeviceAuthenticate, clock: Clock, ttlMs: number): DeviceAuthenticate {
  const cache = new Map<string, { identity: DeviceIdentity; until: number }>();
  return async (deviceId, secret) => {
    const key = `${deviceId}\u0000${createHash('sha256').update(secret).digest('hex')}`;
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.identity;
    const identity = await authenticate(deviceId, secret);
    if (identity && ttlMs > 0) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { identity, until: now + ttlMs });
    } else cache.delete(key);
    return identity;
  };
}
