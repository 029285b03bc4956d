import type { Role } from '../../infra/auth/index.ts';
import { platformError, type AppError } from '../../infra/errors/index.ts';
import { actorOf, contextOf, requireRole, type HttpApp } from '../../infra/http/index.ts';
import type { AdvanceService } from './advance-service.ts';
import { exchangeError } from './errors.ts';
import { linkHealth } from './health.ts';
import type { InboxService } from './inbox-service.ts';
import type { KeyRing } from './keys.ts';
import type { Partner } from './model.ts';
import type { OutboxService } from './outbox-service.ts';
import type { PartnerService } from './partner-service.ts';
import { AckV1, EnvelopeV1, MESSAGE_SCHEMAS, SignedMessage } from './messages.ts';
import { reconciliation } from './reconciliation.ts';
import { AdvanceQuery, BatchBody, MessageParams, MessagesQuery, MismatchQuery, PartnerBody, PartnerParams, ReconciliationQuery, RotateBody, SendBatchBody, SendBody } from './schema.ts';
import { inbox, type IncomingMessage } from './store/inbox.ts';
import { outbox, type OutgoingMessage } from './store/outbox.ts';
import type { Db } from '../../infra/db/index.ts';
import type { Clock } from '../../infra/clock/index.ts';

/** Who reads messages and the reconciliation: customs management, audit, the IOC, admins and the partner's staff. */
export const EXCHANGE_READERS: readonly Role[] = ['admin', 'customs_supervisor', 'auditor', 'ioc_operator', 'partner_system'];

const tags = ['exchange'];

/** What the routes call. */
export interface ExchangeRouteServices {
  db: Db;
  clock: Clock;
  siteId: string;
  keys: KeyRing;
  partners: PartnerService;
  outbox: OutboxService;
  inbox: InboxService;
  advance: AdvanceService;
  /** The ledger's keys, published with ours so a partner can witness our log. */
  ledgerKeys: () => { verifierKey: string; witnessKey: string } | null;
}

/** /api/exchange. */
export function exchangeRoutes(s: ExchangeRouteServices) {
  const readers = requireRole(...EXCHANGE_READERS);
  const admin = requireRole('admin');
  return async (app: HttpApp) => {
    app.get('/keys', { schema: { tags, summary: 'Our current public keys with their validity, signed by each (public, no sign-in)' } }, async () => ({
      ...s.keys.published(), ledger: s.ledgerKeys(),
    }));
    app.get('/schemas', { schema: { tags, summary: 'The JSON Schema of every message type and version, and of the envelope (public)' } }, async () => ({
      envelope: EnvelopeV1, signedMessage: SignedMessage, ack: AckV1, messages: MESSAGE_SCHEMAS,
    }));
    app.post('/keys/rotate', { schema: { tags, summary: 'Starts signing with a new key; the old ones verify until the overlap ends', body: RotateBody }, preHandler: admin }, async (req) => ({
      key: await s.keys.rotate(contextOf(req), req.body.overlapSeconds), keys: s.keys.list(),
    }));

    app.get('/partners', { schema: { tags, summary: 'The configured partners' }, preHandler: readers }, async () => ({ items: await s.partners.list() }));
    app.get('/partners/:id/health', { schema: { tags, summary: 'The link with one partner: keys, waiting and dead-lettered messages, last delivery, what came in', params: PartnerParams }, preHandler: readers }, async (req) => {
      const p = await s.partners.get(req.params.id);
      if (!p) throw exchangeError('EXCHANGE_PARTNER_NOT_FOUND', `No partner ${req.params.id}`);
      return linkHealth(s.db, p, s.keys.list(), s.clock.now());
    });
    app.put('/partners/:id', { schema: { tags, summary: 'Creates or replaces a partner', params: PartnerParams, body: PartnerBody }, preHandler: admin }, async (req) => {
      const b = req.body;
      const p: Partner = { id: req.params.id, name: b.name, endpoint: b.endpoint, keys: b.keys, sends: b.sends, receives: b.receives, ledgerKey: b.ledgerKey ?? null, witnessKey: b.witnessKey ?? null };
      return s.partners.put(contextOf(req), p);
    });
    app.post('/partners/:id/refresh-keys', { schema: { tags, summary: 'Takes the partner’s published key list when a key we hold signs it', params: PartnerParams }, preHandler: admin }, async (req) =>
      s.partners.refreshKeys(contextOf(req), req.params.id));

    // The inbox has no sign-in: the partner system is authenticated by the message signature.
    app.post('/inbox', { schema: { tags, summary: 'Receives one signed partner message; answers its signed acknowledgement' } }, async (req) => {
      const r = await s.inbox.receive(contextOf(req), req.body);
      return { ack: r.ack, duplicate: r.duplicate };
    });
    app.post('/inbox/batch', { schema: { tags, summary: 'Receives signed partner messages; one acknowledgement or refusal each', body: BatchBody } }, async (req) => {
      const results = await s.inbox.receiveBatch(contextOf(req), req.body.messages);
      return {
        results: results.map((r) => ('ack' in r ? { messageId: r.messageId, ack: r.ack, duplicate: r.duplicate } : {
          messageId: r.messageId, problem: problemOf(exchangeError(r.refusal.code, r.refusal.detail, r.refusal.errors)),
        })),
      };
    });

    app.post('/messages', { schema: { tags, summary: 'Queues a message of any agreed type for a partner', body: SendBody }, preHandler: requireRole('admin', 'partner_system') }, async (req, reply) => {
      const [m] = await s.outbox.send(contextOf(req), [req.body]);
      return reply.status(202).send(m);
    });
    app.post('/messages/batch', { schema: { tags, summary: 'Queues up to 500 messages in one transaction', body: SendBatchBody }, preHandler: requireRole('admin', 'partner_system') }, async (req, reply) =>
      reply.status(202).send({ items: await s.outbox.send(contextOf(req), req.body.messages) }));
    app.get('/messages', { schema: { tags, summary: 'Sent (`out`) or received (`in`) messages, by partner and sequence', querystring: MessagesQuery }, preHandler: readers }, async (req) => {
      const q = { partnerId: req.query.partner, state: req.query.state, consignmentRef: req.query.consignmentRef, type: req.query.type, newestFirst: req.query.order === 'newest', limit: req.query.limit ?? 100 };
      return { items: req.query.direction === 'out' ? (await outbox.list(s.db, q)).map(presentOut) : (await inbox.list(s.db, q)).map(presentIn) };
    });
    app.get('/messages/:id', { schema: { tags, summary: 'One message, sent or received, with its envelope and the signed acknowledgement', params: MessageParams }, preHandler: readers }, async (req) => {
      const out = await outbox.byId(s.db, req.params.id);
      if (out) return { ...presentOut(out), envelope: out.message, ack: out.ack };
      const inn = await inbox.byId(s.db, req.params.id);
      if (inn) return { ...presentIn(inn), envelope: inn.message, ack: inn.ack };
      throw exchangeError('EXCHANGE_MESSAGE_NOT_FOUND', `No message ${req.params.id}`);
    });
    app.post('/messages/:id/retry', { schema: { tags, summary: 'Puts a dead-lettered message back in line', params: MessageParams }, preHandler: admin }, async (req) =>
      presentOut(await s.outbox.retryDeadLetter(contextOf(req), req.params.id)));
    app.get('/reconciliation', { schema: { tags, summary: 'Sent vs acknowledged vs received, by day, partner and type', querystring: ReconciliationQuery }, preHandler: readers }, async (req) => {
      const from = new Date(req.query.from);
      const to = new Date(req.query.to);
      if (!(from < to)) throw platformError('VALIDATION_FAILED', '`from` must be before `to`', [{ pointer: '/query/to', code: 'INVALID_RANGE', message: 'must be after from' }]);
      return reconciliation(s.db, from, to);
    });

    const importers = requireRole('declarant', 'customs_officer', 'customs_supervisor', 'admin');
    app.get('/advance-declarations', { schema: { tags, summary: 'Partner export declarations naming your enterprise as importer', querystring: AdvanceQuery }, preHandler: importers }, async (req) => ({
      items: await s.advance.list(actorOf(req), req.query.taxCode),
    }));
    app.get('/advance-declarations/:id/draft', { schema: { tags, summary: 'The import declaration pre-filled from an advance declaration', params: MessageParams }, preHandler: importers }, async (req) =>
      s.advance.draft(actorOf(req), req.params.id));
    app.post('/advance-declarations/:id/declaration', { schema: { tags, summary: 'Creates your draft import declaration pre-filled from it', params: MessageParams }, preHandler: requireRole('declarant') }, async (req, reply) =>
      reply.status(201).send(await s.advance.createDeclaration(contextOf(req), req.params.id)));
    app.get('/advance-declarations/:id/mismatches', { schema: { tags, summary: 'Differences between the partner’s data and one of your declarations', params: MessageParams, querystring: MismatchQuery }, preHandler: importers }, async (req) => ({
      items: await s.advance.mismatches(contextOf(req), req.params.id, req.query.declarationId),
    }));
  };
}

function problemOf(e: AppError) {
  return { status: e.status, code: e.code, title: e.title, detail: e.detail, ...(e.errors ? { errors: e.errors } : {}) };
}

function presentOut(m: OutgoingMessage) {
  const e = m.message;
  return {
    id: m.id, direction: 'out', partner: m.partnerId, type: e.type, sequence: e.sequence, previousSequence: e.previousSequence, consignmentRef: e.consignmentRef,
    createdAt: e.createdAt, state: m.state, attempts: m.attempts, nextAttemptAt: m.nextAttemptAt.toISOString(), lastError: m.lastError,
    acknowledgedAt: m.acknowledgedAt?.toISOString() ?? null, deadAt: m.deadAt?.toISOString() ?? null, contentSha256: m.contentSha256, payload: e.payload,
  };
}

function presentIn(m: IncomingMessage) {
  const e = m.message;
  return {
    id: m.id, direction: 'in', partner: m.partnerId, type: e.type, sequence: e.sequence, previousSequence: e.previousSequence, consignmentRef: e.consignmentRef,
    createdAt: e.createdAt, receivedAt: m.receivedAt.toISOString(), state: m.state, processedAt: m.processedAt?.toISOString() ?? null,
    processedOrder: m.processedOrder, result: m.result, keyId: m.keyId, contentSha256: m.contentSha256, payload: e.payload,
  };
}
