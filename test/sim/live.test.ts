// The live twin (DEMO=1, DEMO_TWIN=1): started by the platform against itself, it declares,
// books and drives trucks through the gate over HTTP and MQTT; journeys move through the stages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, login } from '../support/http.ts';
import { startPlatform } from '../support/platform.ts';

test('the live twin drives trucks through the gate stages, seen through the API, and stops with the platform', async () => {
  const bf = await startPlatform({ env: { DEMO_TWIN: '1', DEMO_SPEED: '600' } });
  let closed = false;
  try {
    const operator = await login(bf.url, 'operator');
    // A truck in the yard, put there by the twin's declarant, camera and entry barrier.
    let journeyId: string | null = null;
    for (let i = 0; i < 240 && !journeyId; i++) {
      const yard = await call(bf.url, 'GET', '/api/gate/yard', { token: operator });
      journeyId = (yard.body.items as Array<{ journeyId: string }>)[0]?.journeyId ?? null;
      if (!journeyId) await sleep(250);
    }
    assert.ok(journeyId, 'no truck reached the yard within a minute');
    // …then called forward, weighed, released, border-checked and let out.
    let journey: { state: string; stages: Array<{ stage: string; at: string; by: string }> } | null = null;
    for (let i = 0; i < 360; i++) {
      journey = (await call(bf.url, 'GET', `/api/gate/journeys/${journeyId}`, { token: operator })).body;
      if (journey!.state === 'exited' || journey!.state === 'handed_to_agv') break;
      await sleep(250);
    }
    const stages = journey!.stages.map((s) => s.stage);
    assert.deepEqual(stages.slice(0, 5), ['expected', 'arrived', 'in_yard', 'called_forward', 'weighed'], stages.join(' → '));
    assert.equal(journey!.state, 'exited', `the truck did not leave: ${stages.join(' → ')}`);
    assert.deepEqual(stages.slice(-3), ['released', 'border_checked', 'exited']);
    const times = journey!.stages.map((s) => Date.parse(s.at));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'stages are stamped in order');
    // The twin's devices are registered devices like any other.
    const devices = await call(bf.url, 'GET', '/api/identity/devices', { token: await login(bf.url, 'admin') });
    assert.ok((devices.body.items as Array<{ id: string }>).some((d) => d.id === 'twin-cam-entry-1'));
    await bf.close();
    closed = true;
  } finally {
    if (!closed) await bf.close();
  }
});
