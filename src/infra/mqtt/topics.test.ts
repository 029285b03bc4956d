import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceTopic, isValidTopicFilter, parseDeviceTopic, parseVda5050Topic, topicMatches, vda5050Topic, type Vda5050TopicName } from './topics.ts';

describe('device topics', () => {
  it('builds borderflow/{site}/{kind}/{deviceId}/{channel} and parses it back', () => {
    const topic = deviceTopic('VN-MONGCAI', 'plate-camera', 'cam-01', 'reads');
    assert.equal(topic, 'borderflow/VN-MONGCAI/plate-camera/cam-01/reads');
    assert.deepEqual(parseDeviceTopic(topic), { site: 'VN-MONGCAI', kind: 'plate-camera', deviceId: 'cam-01', channel: 'reads' });
  });

  it('keeps a multi-level channel whole', () => {
    const topic = deviceTopic('VN-MONGCAI', 'barrier', 'bar-2', 'commands/open');
    assert.equal(parseDeviceTopic(topic)?.channel, 'commands/open');
  });

  it('refuses segments that would change what the topic means', () => {
    for (const bad of ['', '+', '#', 'a/b', 'cam#1', 'x+y', 'nul\u0000']) {
      assert.throws(() => deviceTopic('VN-MONGCAI', 'barrier', bad, 'state'), /deviceId/, `deviceId ${JSON.stringify(bad)}`);
    }
    assert.throws(() => deviceTopic('VN/X', 'barrier', 'b1', 'state'), /site/);
    assert.throws(() => deviceTopic('VN-MONGCAI', '+', 'b1', 'state'), /kind/);
    assert.throws(() => deviceTopic('VN-MONGCAI', 'barrier', 'b1', ''), /channel/);
    assert.throws(() => deviceTopic('VN-MONGCAI', 'barrier', 'b1', 'commands/#'), /channel/);
  });

  it('returns null for foreign topics, filters and malformed ones', () => {
    for (const topic of ['other/VN-MONGCAI/barrier/b1/state', 'borderflow/VN-MONGCAI/barrier/b1', 'borderflow/VN-MONGCAI/barrier/+/state', 'borderflow/VN-MONGCAI//b1/state', 'uagv/v2/ACME/agv-1/state', '$SYS/broker/uptime']) {
      assert.equal(parseDeviceTopic(topic), null, topic);
    }
  });
});

describe('VDA 5050 topics', () => {
  it('builds uagv/v2/{manufacturer}/{serialNumber}/{topic} and parses it back', () => {
    const topic = vda5050Topic('ACME', 'agv-07', 'instantActions');
    assert.equal(topic, 'uagv/v2/ACME/agv-07/instantActions');
    assert.deepEqual(parseVda5050Topic(topic), { manufacturer: 'ACME', serialNumber: 'agv-07', topic: 'instantActions' });
  });

  it('refuses unknown topic names and bad segments', () => {
    assert.throws(() => vda5050Topic('ACME', 'agv-07', 'orders' as Vda5050TopicName), /VDA 5050 topic/);
    assert.throws(() => vda5050Topic('AC/ME', 'agv-07', 'state'), /manufacturer/);
    assert.throws(() => vda5050Topic('ACME', '#', 'state'), /serialNumber/);
  });

  it('returns null for other versions, unknown names and extra levels', () => {
    for (const topic of ['uagv/v1/ACME/agv-07/state', 'uagv/v2/ACME/agv-07/orders', 'uagv/v2/ACME/agv-07/state/x', 'uagv/v2/+/agv-07/order', 'borderflow/VN-MONGCAI/agv/agv-07/state']) {
      assert.equal(parseVda5050Topic(topic), null, topic);
    }
  });
});

describe('topic filters', () => {
  it('accepts well-formed filters and refuses misplaced wildcards', () => {
    for (const ok of ['#', '+', 'borderflow/+/+/+/reads', 'borderflow/VN-MONGCAI/#', 'a/+/b']) assert.ok(isValidTopicFilter(ok), ok);
    for (const bad of ['', 'a/#/b', 'a#', 'a/b+', 'a/+b/c']) assert.ok(!isValidTopicFilter(bad), bad);
  });

  it('matches like an MQTT broker', () => {
    assert.ok(topicMatches('borderflow/+/+/+/reads', 'borderflow/VN-MONGCAI/plate-camera/cam-01/reads'));
    assert.ok(!topicMatches('borderflow/+/+/+/reads', 'borderflow/VN-MONGCAI/plate-camera/cam-01/state'));
    assert.ok(topicMatches('borderflow/VN-MONGCAI/#', 'borderflow/VN-MONGCAI'), '# also matches its parent level');
    assert.ok(topicMatches('borderflow/#', 'borderflow/VN-MONGCAI/barrier/b1/commands/open'));
    assert.ok(!topicMatches('borderflow/+', 'borderflow/VN-MONGCAI/barrier'));
    assert.ok(!topicMatches('#', '$SYS/broker/heartbeat'), 'wildcards do not reach $ topics');
    assert.ok(topicMatches('$SYS/#', '$SYS/broker/heartbeat'));
  });
});
