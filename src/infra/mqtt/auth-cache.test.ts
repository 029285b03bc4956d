import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../clock/index.ts';
import { cachingAuthenticator } from './auth-cache.ts';
import type { DeviceAuthenticator } from './types.ts';

function countingAuthenticator(secret: string): DeviceAuthenticator & { calls: number } {
  const auth = {
    calls: 0,
    async authenticate(deviceId: string, given: string) {
      auth.calls += 1;
      return given === secret ? { deviceId, kind: 'plate-camera', siteId: 'VN-MONGCAI' } : null;
    },
  };
  return auth;
}

describe('cachingAuthenticator', () => {
  it('reuses a successful check until it expires', async () => {
    const clock = new ManualClock();
    const inner = countingAuthenticator('right');
    const auth = cachingAuthenticator(inner, { ttlMs: 60_000, clock });
    assert.equal((await auth.authenticate('cam-01', 'right'))?.deviceId, 'cam-01');
    assert.equal((await auth.authenticate('cam-01', 'right'))?.deviceId, 'cam-01');
    assert.equal(inner.calls, 1);
    clock.advance(60_001);
    await auth.authenticate('cam-01', 'right');
    assert.equal(inner.calls, 2, 'checked again after the TTL, so a revoked device is refused');
  });

  it('never serves a cached success for a different secret, and never caches a failure', async () => {
    const inner = countingAuthenticator('right');
    const auth = cachingAuthenticator(inner, { ttlMs: 60_000, clock: new ManualClock() });
    await auth.authenticate('cam-01', 'right');
    assert.equal(await auth.authenticate('cam-01', 'wrong'), null);
    assert.equal(await auth.authenticate('cam-01', 'wrong'), null);
    assert.equal(inner.calls, 3);
  });

  it('forgets the oldest device when full', async () => {
    const inner = countingAuthenticator('right');
    const auth = cachingAuthenticator(inner, { ttlMs: 60_000, clock: new ManualClock(), maxEntries: 1 });
    await auth.authenticate('cam-01', 'right');
    await auth.authenticate('cam-02', 'right'); // evicts cam-01
    await auth.authenticate('cam-02', 'right'); // cached
    await auth.authenticate('cam-01', 'right'); // checked again
    assert.equal(inner.calls, 3);
  });
});
