import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEvent, encodeEvent, eventSubject, isInvalid, subjectsForTypes } from './jetstream-wire.ts';
import type { DomainEvent } from './outbox.ts';

const event: DomainEvent = {
  id: 'evt_01J0000000000000000000000',
  position: '12',
  txid: '7345',
  type: 'declaration.released',
  subject: 'decl_01J0000000000000000000000',
  occurredAt: '2026-03-01T08:00:00.000Z',
  data: { channel: 'green' },
};

test('an event goes out on its site and type subject and comes back unchanged', () => {
  assert.equal(eventSubject('borderflow.events', 'VN-MONGCAI', event.type), 'borderflow.events.VN-MONGCAI.declaration.released');
  assert.deepEqual(decodeEvent(encodeEvent(event)), event);
});

test('a consumer listens to its types from every site, or to everything', () => {
  assert.deepEqual(subjectsForTypes('borderflow.events', ['gate.entered', 'gate.entered', 'gate.exited']), [
    'borderflow.events.*.gate.entered',
    'borderflow.events.*.gate.exited',
  ]);
  assert.deepEqual(subjectsForTypes('borderflow.events', '*'), ['borderflow.events.>']);
});

test('a malformed message is rejected with the reason, not handed to a handler', () => {
  const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  const cases: Array<[unknown, RegExp]> = [
    ['not json', /not JSON/],
    [[1, 2], /not a JSON object/],
    [{ ...event, id: '' }, /id must be/],
    [{ ...event, type: 'released' }, /noun\.verb/],
    [{ ...event, occurredAt: 'yesterday' }, /occurredAt/],
    [{ ...event, data: null }, /data must be/],
  ];
  for (const [payload, reason] of cases) {
    const decoded = decodeEvent(bytes(payload));
    assert.ok(isInvalid(decoded), JSON.stringify(payload));
    assert.match(decoded.invalid, reason);
  }
});
