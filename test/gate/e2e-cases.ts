// One import truck end to end: booking → plate read with an OCR error → yard → call-forward →
// weighbridge → release by customs → border check → exit barrier opens; every stage timed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call } from '../support/http.ts';
import { book, declare, DEVICES, read, type GateHarness } from './support.ts';

/** The end-to-end case on a shared harness. */
export function endToEndCases(harness: () => GateHarness): void {
    test('an import truck from booking to exit, with the barrier commands on MQTT and every stage timed', async () => {
      const h = harness();
      const { bf, clock, tokens } = h;
      const commands: Array<{ topic: string; body: { action: string; reasons: Array<{ code: string }> } }> = [];
      await bf.platform.mqtt.subscribe('borderflow/VN-MONGCAI/barrier/+/commands/#', (topic, payload) => {
        commands.push({ topic, body: JSON.parse(payload.toString()) });
      });
      const declarationId = await declare(h);
      const booked = await book(h, declarationId, '2026-11-23T09:00:00.000Z');
      assert.equal(booked.status, 201, JSON.stringify(booked.body));
      const journeyId = booked.body.journeyId as string;
      const pass = await call(bf.url, 'GET', `/api/gate/bookings/${booked.body.id}/pass`, { token: tokens.declarant });
      assert.equal(pass.status, 200);

      clock.set('2026-11-23T08:55:00Z');
      const entry = await read(h, DEVICES.entry, { type: 'plate', readId: 'e-1', plate: '桂A1Z345', confidence: 0.88, position: 'entry', lane: 1 });
      assert.equal(entry.status, 200, JSON.stringify(entry.body));
      assert.equal(entry.body.decision.action, 'open', 'the OCR error 2→Z is tolerated');
      assert.equal(entry.body.journeyId, journeyId);
      assert.ok(entry.body.detail.fee.receipt.startsWith('BF-MONGCAI-20261123-'));
      const scanned = await read(h, DEVICES.qr, { type: 'qr', readId: 'q-1', token: pass.body.token, plate: '桂A12345' });
      assert.deepEqual([scanned.body.outcome, scanned.body.journeyId], ['matched', journeyId]);

      clock.set('2026-11-23T09:10:00Z');
      const yard = await call(bf.url, 'GET', '/api/gate/yard', { token: tokens.operator });
      assert.deepEqual(yard.body.items.map((q: { journeyId: string }) => q.journeyId), [journeyId]);
      const called = await call(bf.url, 'POST', '/api/gate/yard/call-forward', { token: tokens.operator, body: { count: 1 } });
      assert.equal(called.body.items[0].state, 'called_forward');

      clock.set('2026-11-23T09:20:00Z');
      const weighed = await read(h, DEVICES.weighbridge, { type: 'weight', readId: 'w-1', grossKg: 30_500, plate: '桂A12345' });
      assert.equal(weighed.body.detail.state, 'weighed');
      const early = await read(h, DEVICES.exit, { type: 'plate', readId: 'x-0', plate: '桂A12345', confidence: 0.95, position: 'exit' });
      assert.equal(early.body.decision.action, 'hold');
      assert.ok(early.body.decision.reasons.some((r: { code: string }) => r.code === 'DECLARATION_NOT_RELEASED'));

      clock.set('2026-11-23T09:40:00Z');
      const decl = (await call(bf.url, 'GET', `/api/customs/declarations/${declarationId}`, { token: tokens.officer })).body;
      assert.equal(decl.channel, 'yellow');
      const officer = decl.assignee.name === 'officer' ? tokens.officer : tokens.officer;
      assert.equal((await call(bf.url, 'POST', `/api/customs/declarations/${declarationId}/accept-documents`, { token: officer, body: {} })).status, 200);
      const released = await call(bf.url, 'POST', `/api/customs/declarations/${declarationId}/release`, { token: officer, body: { reason: 'Documents consistent' } });
      assert.equal(released.body.state, 'released', JSON.stringify(released.body));
      await bf.platform.bus.drain();
      assert.equal((await call(bf.url, 'GET', `/api/gate/journeys/${journeyId}`, { token: tokens.guard })).body.state, 'released');

      clock.set('2026-11-23T09:45:00Z');
      assert.equal((await call(bf.url, 'POST', `/api/gate/journeys/${journeyId}/border-check`, { token: tokens.guard })).body.state, 'border_checked');
      clock.set('2026-11-23T09:47:00Z');
      const exit = await read(h, DEVICES.exit, { type: 'plate', readId: 'x-1', plate: '桂A-12345', confidence: 0.97, position: 'exit' });
      assert.equal(exit.body.decision.action, 'open', JSON.stringify(exit.body));

      const journey = (await call(bf.url, 'GET', `/api/gate/journeys/${journeyId}`, { token: tokens.declarant })).body;
      assert.equal(journey.state, 'exited');
      const stages = journey.stages.map((s: { stage: string; at: string }) => `${s.stage}@${s.at.slice(11, 16)}`);
      console.log(`journey ${journeyId}: ${stages.join(' → ')}`);
      assert.deepEqual(stages, [
        'expected@08:00', 'arrived@08:55', 'in_yard@08:55', 'called_forward@09:10', 'weighed@09:20', 'released@09:40', 'border_checked@09:45', 'exited@09:47',
      ]);
      for (let i = 0; i < 20 && commands.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
      assert.deepEqual(commands.map((c) => `${c.topic.split('/')[3]}:${c.body.action}`), ['bar-entry-1:open', 'bar-exit-1:hold', 'bar-exit-1:open']);
      assert.equal(commands[0]!.topic, 'borderflow/VN-MONGCAI/barrier/bar-entry-1/commands/open');
    });
}
