import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { publishRefusal, subscribeRefusal } from './device-policy.ts';

const camera = { deviceId: 'cam-01', kind: 'plate-camera', siteId: 'VN-MONGCAI' };
const agv = { deviceId: 'agv-07', kind: 'agv', siteId: 'VN-MONGCAI' };

describe('what a device may publish', () => {
  it('allows its own subtree, at any depth', () => {
    assert.equal(publishRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-01/reads'), null);
    assert.equal(publishRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-01/state/lens'), null);
  });

  it("refuses another device's topic, another site or kind, and anything foreign, saying why", () => {
    assert.match(publishRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-02/reads') ?? '', /device cam-02, not cam-01/);
    assert.match(publishRefusal(camera, 'borderflow/VN-HUUNGHI/plate-camera/cam-01/reads') ?? '', /site VN-MONGCAI/);
    assert.match(publishRefusal(camera, 'borderflow/VN-MONGCAI/barrier/cam-01/state') ?? '', /registered as plate-camera/);
    assert.match(publishRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-01') ?? '', /outside/);
    assert.match(publishRefusal(camera, '$SYS/x') ?? '', /outside/);
  });

  it('lets an AGV publish its VDA 5050 state under its own serial number only', () => {
    assert.equal(publishRefusal(agv, 'uagv/v2/ACME/agv-07/state'), null);
    assert.equal(publishRefusal(agv, 'uagv/v2/ACME/agv-07/connection'), null);
    assert.match(publishRefusal(agv, 'uagv/v2/ACME/agv-08/state') ?? '', /not this AGV/);
    assert.match(publishRefusal(agv, 'uagv/v2/ACME/agv-07/order') ?? '', /master control/);
    assert.match(publishRefusal(camera, 'uagv/v2/ACME/cam-01/state') ?? '', /only AGVs/);
  });
});

describe('what a device may subscribe to', () => {
  it('allows filters inside its own subtree', () => {
    assert.equal(subscribeRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-01/commands'), null);
    assert.equal(subscribeRefusal(camera, 'borderflow/VN-MONGCAI/plate-camera/cam-01/#'), null);
  });

  it('refuses wildcards that reach past its own device id', () => {
    for (const filter of ['#', 'borderflow/#', 'borderflow/VN-MONGCAI/plate-camera/+/commands', 'borderflow/VN-MONGCAI/+/cam-01/commands', 'borderflow/VN-MONGCAI/plate-camera/cam-02/commands']) {
      assert.notEqual(subscribeRefusal(camera, filter), null, filter);
    }
  });

  it('lets an AGV subscribe to exactly its own order and instantActions', () => {
    assert.equal(subscribeRefusal(agv, 'uagv/v2/ACME/agv-07/order'), null);
    assert.equal(subscribeRefusal(agv, 'uagv/v2/ACME/agv-07/instantActions'), null);
    assert.match(subscribeRefusal(agv, 'uagv/v2/ACME/agv-08/order') ?? '', /not this AGV/);
    assert.match(subscribeRefusal(agv, 'uagv/v2/+/agv-07/order') ?? '', /without wildcards/);
    assert.match(subscribeRefusal(agv, 'uagv/v2/ACME/agv-07/state') ?? '', /not addressed/);
    assert.match(subscribeRefusal(camera, 'uagv/v2/ACME/cam-01/order') ?? '', /only AGVs/);
  });
});
