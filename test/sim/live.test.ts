// The live twin (DEMO=1, DEMO_TWIN=1): started by the platform against itself, it declares,
// books and drives trucks through the gate over HTTP and MQTT; journeys move through the stages.
// The quiet `twin-small` morning keeps the twin's own load small, so that the test measures the
// platform's stages and not how far a loaded machine lets the twin fall behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, login } from '../support/http.ts';
import { startPlatform } from '../support/platform.ts';
import { eventually } from '../support/wait.ts';

type Journey = { state: string; stages: Array<{ stage: string; at: string; by: string }> };

test('the live twin drives trucks through the gate stages, seen through the API, and stops with the platform', { timeout: 360_000 }, async () => {
  const bf = await startPlatform({ env: { DEMO_TWIN: '1', DEMO_SCENARIO: 'twin-small', DEMO_SPEED: '600' } });
  let closed = false;
  try {
    const operator = await login(bf.url, 'operator');
    // A truck in the yard, put there by the twin's declarant, camera and entry barrier.
    let journeyId: string | null = null;
    await eventually('a truck of the twin in the yard', async () => {
      const yard = await call(bf.url, 'GET', '/api/gate/yard', { token: operator });
      journeyId = (yard.body.items as Array<{ journeyId: string }>)[0]?.journeyId ?? null;
      return journeyId !== null;
    }, { seconds: 120, everyMs: 250 });
    // …then called forward, weighed, released, border-checked and let out.
    let journey: Journey | null = null;
    const left = async () => {
      journey = (await call(bf.url, 'GET', `/api/gate/journeys/${journeyId}`, { token: operator })).body as Journey;
      return journey.state === 'exited' || journey.state === 'handed_to_agv';
    };
    await left();
    await eventually('the truck to leave', left, { seconds: 180, everyMs: 250 }).catch((err: unknown) => {
      throw new Error(`${(err as Error).message}: ${journey!.stages.map((s) => s.stage).join(' → ')}`);
    });
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
