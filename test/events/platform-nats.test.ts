import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { call, login } from '../support/http.ts';
import { startPlatform } from '../support/platform.ts';
import { serviceOrSkip } from '../support/services.ts';

const STREAM = 'BORDERFLOW_EVENTS';

test('with NATS_URL the platform publishes its committed events to JetStream and reports NATS in readiness', async (t) => {
  const url = serviceOrSkip(t, 'NATS_URL');
  if (!url) return;
  const nc = await connect({ servers: url });
  const jsm = await jetstreamManager(nc);
  const existed = await jsm.streams.info(STREAM).then(() => true, () => false);
  const site = `VN-T${randomBytes(3).toString('hex').toUpperCase()}`;
  const bf = await startPlatform({ env: { NATS_URL: url, SITE_ID: site } });
  t.after(async () => {
    await bf.close();
    // Remove only what this test created: the stream if it made it, else its own subjects.
    if (!existed) await jsm.streams.delete(STREAM).catch(() => false);
    else await jsm.streams.purge(STREAM, { filter: `borderflow.events.${site}.>` }).catch(() => undefined);
    await nc.close();
  });

  const ready = await call(bf.url, 'GET', '/health/ready');
  assert.equal(ready.status, 200);
  assert.equal(ready.body.checks.nats, 'ok');

  await login(bf.url, 'operator'); // commits a session.started event
  await bf.platform.bus.drain();
  const js = jetstream(nc);
  // NATS 2.9 here: an ordered consumer over the stream, reading this site's events.
  const consumer = await js.consumers.get(STREAM);
  const seen: Array<{ type: string; subject: string; data: { sessionId?: string } }> = [];
  for (;;) {
    const msg = await consumer.next({ expires: 3000 });
    if (!msg) break;
    if (msg.subject.startsWith(`borderflow.events.${site}.`)) seen.push({ ...msg.json<{ type: string; data: { sessionId?: string } }>(), subject: msg.subject });
    if (seen.some((e) => e.type === 'session.started')) break;
  }
  const started = seen.find((e) => e.type === 'session.started');
  assert.ok(started, `session.started reached the stream (saw ${seen.map((e) => e.type).join(', ')})`);
  assert.equal(started.subject, `borderflow.events.${site}.session.started`);
  assert.match(started.data.sessionId ?? '', /^ses_/);
  assert.ok(seen.some((e) => e.type === 'user.created'), 'the demo seeding events came before it, in order');
});
