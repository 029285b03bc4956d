import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CredentialCache } from './credential-cache.ts';

function counting(secret: string) {
  const inner = {
    calls: 0,
    async check(id: string, given: string) {
      inner.calls += 1;
      return given === secret ? { deviceId: id } : null;
    },
  };
  return inner;
}

describe('CredentialCache', () => {
  it('reuses a successful check until it expires', async () => {
    let now = 0;
    const inner = counting('right');
    const cache = new CredentialCache((id, s) => inner.check(id, s), { ttlMs: 60_000, now: () => now });
    assert.equal((await cache.authenticate('cam-01', 'right'))?.deviceId, 'cam-01');
    assert.equal((await cache.authenticate('cam-01', 'right'))?.deviceId, 'cam-01');
    assert.equal(inner.calls, 1);
    now += 60_001;
    await cache.authenticate('cam-01', 'right');
    assert.equal(inner.calls, 2, 'checked again after the TTL');
  });

  it('never serves a cached success for a different secret, and never caches a failure', async () => {
    const inner = counting('right');
    const cache = new CredentialCache((id, s) => inner.check(id, s), { ttlMs: 60_000 });
    await cache.authenticate('cam-01', 'right');
    assert.equal(await cache.authenticate('cam-01', 'wrong'), null);
    assert.equal(await cache.authenticate('cam-01', 'wrong'), null);
    assert.equal(inner.calls, 3);
  });

  it('forgets the oldest credential when full', async () => {
    const inner = counting('right');
    const cache = new CredentialCache((id, s) => inner.check(id, s), { ttlMs: 60_000, maxEntries: 1 });
    await cache.authenticate('cam-01', 'right');
    await cache.authenticate('cam-02', 'right'); // evicts cam-01
    await cache.authenticate('cam-02', 'right'); // cached
    await cache.authenticate('cam-01', 'right'); // checked again
    assert.equal(inner.calls, 3);
  });

  it('forget drops one id at once, and a check in flight when it happens is not remembered', async () => {
    let active = true;
    const calls: string[] = [];
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const cache = new CredentialCache(async (id) => {
      calls.push(id);
      await gate;
      return active ? { deviceId: id } : null;
    }, { ttlMs: 60_000 });
    await cache.authenticate('cam-01', 's1');
    await cache.authenticate('cam-02', 's2');
    cache.forget('cam-01');
    active = false;
    assert.equal(await cache.authenticate('cam-01', 's1'), null, 'the deactivated device is refused at once');
    assert.equal((await cache.authenticate('cam-02', 's2'))?.deviceId, 'cam-02', 'other devices stay cached');
    // A check that read "active" before the deactivation committed must not be cached after it.
    active = true;
    gate = new Promise((r) => (release = r));
    const inFlight = cache.authenticate('cam-03', 's3');
    cache.forget('cam-03');
    release();
    assert.ok(await inFlight);
    active = false;
    assert.equal(await cache.authenticate('cam-03', 's3'), null);
    assert.deepEqual(calls, ['cam-01', 'cam-02', 'cam-01', 'cam-03', 'cam-03']);
  });
});
