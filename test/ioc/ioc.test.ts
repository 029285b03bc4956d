// The IOC against the real platform, on PGlite and PostgreSQL: trucks driven through the gate's
// public HTTP interface fill the site picture and the KPIs, rules raise alerts that escalate on
// the (manual) clock unless acknowledged, incidents run their lifecycle over HTTP, the public
// status needs no login and carries no personal data, and browsers get pushes over WebSocket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { systemContext } from '../../src/infra/auth/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { databaseKinds, DEVICES, read, startGate, type GateHarness } from '../gate/support.ts';
import { call } from '../support/http.ts';
import { arrive, auditActions, bookTruck, PLATES } from './support.ts';

type AlertBody = { id: string; rule: string; subject: string; state: string; escalationLevel: number; acknowledgedBy: string | null; message: string };

for (const kind of databaseKinds('the IOC')) {
  describe(`IOC (${kind})`, () => {
    let h: GateHarness;
    const journeys: string[] = [];
    before(async () => {
      h = await startGate(kind);
      h.bf.platform.ioc.settings.queueThreshold = 3;
      h.bf.platform.ioc.site.yardCapacity = 3;
    });
    after(() => h.bf.close());

    const get = (path: string, token = h.tokens.operator) => call(h.bf.url, 'GET', path, { token });
    const post = (path: string, body: unknown = {}, token = h.tokens.operator) => call(h.bf.url, 'POST', path, { token, body });
    const alertsNow = async (): Promise<AlertBody[]> => (await get('/api/ioc/alerts')).body.items;
    const find = async (rule: string, subject?: string) => (await alertsNow()).find((a) => a.rule === rule && (subject === undefined || a.subject === subject));

    test('arriving trucks fill the site picture and the KPIs and raise the queue and yard alerts', async () => {
      for (const [i, plate] of PLATES.slice(0, 3).entries()) journeys.push((await bookTruck(h, plate, i)).journeyId);
      h.clock.set('2026-11-23T08:55:00Z');
      // The first truck is seen by the approach camera before the barrier: the camera shows up alive.
      assert.equal((await read(h, DEVICES.camera, { type: 'plate', readId: 'cam-0', plate: PLATES[0], confidence: 0.97, position: 'entry', lane: 1 })).status, 200);
      for (const [i, plate] of PLATES.slice(0, 3).entries()) await arrive(h, plate, `e-${i}`);
      await h.bf.platform.bus.drain();

      const pic = await get('/api/ioc/snapshot');
      assert.equal(pic.status, 200, JSON.stringify(pic.body));
      assert.deepEqual(pic.body.trucks.map((t: { journeyId: string; stage: string }) => `${t.journeyId}:${t.stage}`).sort(), journeys.map((j) => `${j}:in_yard`).sort());
      assert.deepEqual(pic.body.yard, { occupied: 3, capacity: 3, ratio: 1 });
      assert.equal(pic.body.lanes.find((l: { direction: string; laneClass: string }) => l.direction === 'inbound' && l.laneClass === 'general').waiting, 3);
      assert.deepEqual(pic.body.devices.map((d: { deviceId: string; kind: string; silent: boolean }) => `${d.deviceId}:${d.kind}:${d.silent}`), ['bar-entry-1:barrier:false', 'cam-entry-1:plate-camera:false']);
      assert.deepEqual([pic.body.kpis.peoplePerHour, pic.body.kpis.peopleMeasured], [0, false]);

      const kpis = await get('/api/ioc/kpis?from=2026-11-23T08:54:00Z&to=2026-11-23T08:55:00Z');
      assert.equal(kpis.status, 200);
      const [before, at] = kpis.body.items;
      assert.deepEqual([before.arrivalsPerHour, before.queue.inbound], [0, 0]);
      assert.deepEqual([at.arrivalsPerHour, at.queue.inbound, at.yardOccupied, at.slotAdherence], [3, 3, 3, 1]);
      assert.equal(at.channelMix.yellow, 0, 'the declarations were assessed at 08:00, not in this minute');
      const earlier = await get('/api/ioc/kpis?from=2026-11-23T08:00:00Z&to=2026-11-23T08:00:00Z');
      assert.equal(earlier.body.items[0].channelMix.yellow, 3);

      const queue = await find('queue_threshold', 'inbound');
      assert.ok(queue, 'three trucks waiting inbound reach the threshold of 3');
      assert.match(queue.message, /3 trucks waiting inbound/);
      assert.ok(await find('yard_full', 'yard'));
      assert.deepEqual(await auditActions(h, queue.id), ['ioc.alert.raise']);
    });

    test('unacknowledged alerts escalate on the clock; acknowledged ones do not; a silent device raises one', async () => {
      const yard = (await find('yard_full'))!;
      const ack = await post(`/api/ioc/alerts/${yard.id}/acknowledge`);
      assert.equal(ack.status, 200);
      assert.deepEqual([ack.body.state, ack.body.acknowledgedBy], ['acknowledged', 'operator']);
      const again = await post(`/api/ioc/alerts/${yard.id}/acknowledge`, {}, h.tokens.admin);
      assert.deepEqual([again.status, again.body.code], [409, 'IOC_ALERT_ALREADY_ACKNOWLEDGED']);
      // Only an active operations-centre user takes an alert: not a typo, not a declarant.
      for (const assignee of ['nobody-here', 'declarant']) {
        const refused = await post(`/api/ioc/alerts/${yard.id}/assign`, { assignee });
        assert.deepEqual([refused.status, refused.body.code, refused.body.errors?.[0]?.pointer], [422, 'IOC_ASSIGNEE_UNKNOWN', '/assignee'], assignee);
      }
      const assigned = await post(`/api/ioc/alerts/${yard.id}/assign`, { assignee: 'Admin' });
      assert.equal(assigned.body.assignee, 'Admin');

      h.clock.set('2026-11-23T08:59:00Z');
      assert.deepEqual(await h.bf.platform.ioc.tick(), { raised: 0, escalated: 0 });
      h.clock.set('2026-11-23T09:00:00Z');
      assert.equal((await h.bf.platform.ioc.tick()).escalated, 1);
      assert.equal((await find('queue_threshold'))!.escalationLevel, 1);
      assert.equal((await find('yard_full'))!.escalationLevel, 0, 'acknowledged: not escalated');

      h.clock.set('2026-11-23T09:06:00Z');
      await h.bf.platform.ioc.tick();
      const silent = await find('device_silent', 'bar-entry-1');
      assert.ok(silent, 'the entry barrier has been silent for 11 minutes');
      assert.equal((await find('queue_threshold'))!.escalationLevel, 2);
      const manual = await post(`/api/ioc/alerts/${silent.id}/escalate`);
      assert.equal(manual.body.escalationLevel, 1, JSON.stringify(manual.body));
      assert.deepEqual(await auditActions(h, yard.id), ['ioc.alert.raise', 'ioc.alert.acknowledge', 'ioc.alert.assign']);
      assert.deepEqual(await auditActions(h, silent.id), ['ioc.alert.raise', 'ioc.alert.escalate']);
    });

    test('a red declaration\'s truck arriving, a dead-lettered partner message and an unconfirmed barrier raise alerts', async () => {
      h.bf.platform.customs.plugAssessor(ruleFreeAssessor('red'));
      let journeyId = '';
      try {
        ({ journeyId } = await bookTruck(h, PLATES[3], 3));
        await arrive(h, PLATES[3], 'e-red');
      } finally {
        h.bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
      }
      await h.bf.platform.uow.run(systemContext(), async (w) => {
        w.emit({ type: 'exchange.message_dead_lettered', subject: 'msg_TEST1', data: { reason: 'partner answered 500 five times' } });
        w.emit({ type: 'gate.barrier_unconfirmed', subject: 'bar-exit-1', data: { deviceId: 'bar-exit-1', action: 'open', commandId: 'cmd_TEST1' } });
        w.audit({ action: 'test.inject', targetType: 'test', targetId: 'ioc' });
      });
      await h.bf.platform.bus.drain();
      const alerts = await alertsNow();
      const red = alerts.find((a) => a.rule === 'red_truck_arrived');
      assert.ok(red && red.message.includes(PLATES[3]), JSON.stringify(alerts));
      assert.equal(red.subject, journeyId);
      assert.ok(alerts.some((a) => a.rule === 'exchange_dead_letter' && a.subject === 'msg_TEST1'));
      assert.ok(alerts.some((a) => a.rule === 'barrier_unconfirmed' && a.subject === 'bar-exit-1'));
      // The device silent alert of the entry barrier cleared when it read the red truck's plate.
      assert.equal(await find('device_silent', 'bar-entry-1'), undefined);
    });

    test('incidents: opened from an alert, handed to an agency, noted, resolved, audited; then closed to changes', async () => {
      const queue = (await find('queue_threshold'))!;
      const opened = await post('/api/ioc/incidents', { agency: 'gate_operator', alertId: queue.id, note: 'Yard queue growing' });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));
      const id = opened.body.id as string;
      assert.equal(opened.headers.get('location'), `/api/ioc/incidents/${id}`);
      assert.equal(opened.body.title, queue.message);
      assert.equal((await post(`/api/ioc/incidents/${id}/assign`, { agency: 'quarantine', note: 'fruit trucks waiting' })).body.agency, 'quarantine');
      assert.equal((await post(`/api/ioc/incidents/${id}/notes`, { text: 'Second inspection team called' })).status, 200);
      const resolved = await post(`/api/ioc/incidents/${id}/resolve`, { resolution: 'Queue back under threshold' });
      assert.equal(resolved.body.state, 'resolved');
      const shown = await get(`/api/ioc/incidents/${id}`);
      assert.deepEqual(shown.body.notes.map((n: { kind: string; author: string }) => `${n.kind}/${n.author}`), ['opened/operator', 'assigned/operator', 'note/operator', 'resolved/operator']);
      const late = await post(`/api/ioc/incidents/${id}/notes`, { text: 'too late' });
      assert.deepEqual([late.status, late.body.code], [409, 'IOC_INCIDENT_RESOLVED']);
      assert.deepEqual(await auditActions(h, id), ['ioc.incident.open', 'ioc.incident.assign', 'ioc.incident.note', 'ioc.incident.resolve']);
      assert.equal((await get('/api/ioc/incidents?state=open')).body.items.some((i: { id: string }) => i.id === id), false);

      const byHand = await post('/api/ioc/incidents', { title: 'Power cut in lane 2', agency: 'border_guard' });
      assert.equal(byHand.status, 201);
      const badAgency = await post('/api/ioc/incidents', { title: 'x', agency: 'police' });
      assert.equal(badAgency.status, 400);
      assert.ok(badAgency.body.errors.some((e: { pointer: string }) => e.pointer === '/agency'), JSON.stringify(badAgency.body));
      const untitled = await post('/api/ioc/incidents', { agency: 'customs' });
      assert.deepEqual([untitled.status, untitled.body.errors?.[0]?.pointer], [400, '/title']);
      assert.equal((await get('/api/ioc/incidents/inc_NOPE')).status, 404);
      assert.equal((await post('/api/ioc/incidents', { title: 'x', agency: 'customs' }, h.tokens.declarant)).status, 403);
      assert.equal((await call(h.bf.url, 'GET', '/api/ioc/incidents')).status, 401);
      const badRange = await get('/api/ioc/kpis?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z');
      assert.deepEqual([badRange.status, badRange.body.code], [400, 'IOC_RANGE_INVALID']);
    });

    test('the public status needs no login, gives waits per direction and goods class, and no personal data', async () => {
      const r = await call(h.bf.url, 'GET', '/api/public/status');
      assert.equal(r.status, 200);
      const general = r.body.lanes.find((l: { direction: string; goodsClass: string }) => l.direction === 'inbound' && l.goodsClass === 'general');
      assert.deepEqual([general.lanesOpen, general.waiting, general.estimatedWaitMinutes], [2, 4, 10]);
      assert.equal(r.body.updatedAt, '2026-11-23T09:06:00.000Z');
      const text = JSON.stringify(r.body);
      for (const secret of [...PLATES, 'Driver', 'E9000000', 'jrn_', 'decl_', 'bar-entry-1']) assert.ok(!text.includes(secret), `public status leaks ${secret}`);
      await arrive(h, PLATES[4], 'e-late').catch(() => undefined);
      assert.equal((await call(h.bf.url, 'GET', '/api/public/status')).body.updatedAt, '2026-11-23T09:06:00.000Z', 'recomputed once a minute');
      h.clock.set('2026-11-23T09:07:00Z');
      assert.equal((await call(h.bf.url, 'GET', '/api/public/status')).body.updatedAt, '2026-11-23T09:07:00.000Z');
    });

    test('a truck that leaves counts in vehicles/h with its clearance time, also on the public status', async () => {
      const plate = '桂G11223';
      h.bf.platform.customs.plugAssessor(ruleFreeAssessor('green'));
      let journeyId = '';
      try {
        ({ journeyId } = await bookTruck(h, plate, 7, '2026-11-23T10:00:00.000Z'));
      } finally {
        h.bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
      }
      await h.bf.platform.bus.drain();
      h.clock.set('2026-11-23T09:10:00Z');
      await arrive(h, plate, 'e-green');
      h.bf.platform.gate.settings.calledForwardCapacity = 50;
      assert.equal((await post('/api/gate/yard/call-forward', { count: 20 })).status, 200);
      h.clock.set('2026-11-23T09:20:00Z');
      const weighed = await read(h, DEVICES.weighbridge, { type: 'weight', readId: 'w-green', grossKg: 30_000, plate });
      assert.equal(weighed.body.detail?.state, 'released', JSON.stringify(weighed.body));
      h.clock.set('2026-11-23T09:25:00Z');
      assert.equal((await post(`/api/gate/journeys/${journeyId}/border-check`, {}, h.tokens.guard)).body.state, 'border_checked');
      h.clock.set('2026-11-23T09:30:00Z');
      const exit = await read(h, DEVICES.exit, { type: 'plate', readId: 'x-green', plate, confidence: 0.97, position: 'exit' });
      assert.equal(exit.body.decision?.action, 'open', JSON.stringify(exit.body));
      await h.bf.platform.bus.drain();

      const [point] = (await get('/api/ioc/kpis?from=2026-11-23T09:30:00Z&to=2026-11-23T09:30:00Z')).body.items;
      assert.equal(point.vehiclesPerHour, 1);
      assert.deepEqual(point.clearance.inbound, { p50: 20, p90: 20, count: 1 }, 'arrived 09:10, left 09:30');
      assert.deepEqual(point.clearance.outbound, { p50: null, p90: null, count: 0 });
      assert.equal((await get('/api/ioc/snapshot')).body.trucks.some((t: { journeyId: string }) => t.journeyId === journeyId), false, 'it left the picture');
      assert.deepEqual((await call(h.bf.url, 'GET', '/api/public/status')).body.measuredClearanceMinutes, { inbound: 20, outbound: null });
    });

    test('the live WebSocket sends the picture on connect and pushes changes; it refuses anonymous and declarant users', async () => {
      const wsUrl = h.bf.url.replace('http', 'ws') + '/api/ioc/live';
      const refused = (token?: string) => new Promise<number>((resolve) => {
        const ws = new WebSocket(wsUrl, token ? { headers: { authorization: `Bearer ${token}` } } : {});
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => { ws.close(); resolve(101); });
        ws.on('error', () => resolve(-1));
      });
      assert.equal(await refused(), 401);
      assert.equal(await refused(h.tokens.declarant), 403);

      const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${h.tokens.operator}` } });
      const messages: Array<{ type: string; seq: number; data: { trucks: Array<{ journeyId: string }> } }> = [];
      const waiters: Array<() => void> = [];
      ws.on('message', (raw) => { messages.push(JSON.parse(String(raw))); waiters.splice(0).forEach((w) => w()); });
      const next = (n: number) => new Promise<void>((resolve) => { if (messages.length >= n) resolve(); else waiters.push(() => { if (messages.length >= n) resolve(); }); });
      try {
        await next(1);
        assert.equal(messages[0]!.type, 'picture');
        const onSite = messages[0]!.data.trucks.length;
        const { journeyId } = await bookTruck(h, PLATES[5], 5, '2026-11-23T11:00:00.000Z');
        await arrive(h, PLATES[5], 'e-live');
        for (;;) {
          await next(messages.length + 1);
          if (messages.at(-1)!.data.trucks.some((t) => t.journeyId === journeyId)) break;
        }
        assert.equal(messages.at(-1)!.data.trucks.length, onSite + 1);
        assert.ok(messages.at(-1)!.seq > messages[0]!.seq);
      } finally {
        ws.close();
      }
    });
  });
}
