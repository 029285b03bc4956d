import { Type } from 'typebox';
import { actorOf, contextOf, requireAuth, requireRole, type HttpApp } from '../../infra/http/index.ts';
import type { BookingService } from './booking-service.ts';
import type { JourneyService } from './journey-service.ts';
import { listPage } from './listing.ts';
import { BOOKING_READERS, GATE_STAFF, OVERRIDERS } from './policies.ts';
import { BookingBody, BookingListQuery, CallForwardBody, IdParams, JourneyListQuery, OverrideBody, PartnerCapacityBody, RaiseBody, RebookBody, SlotsQuery } from './schema.ts';
import type { Db } from '../../infra/db/index.ts';
import { referrals } from './store/reads.ts';
import { presentBooking, presentBookingItem, presentJourney, presentQueued, presentSlot } from './views.ts';
import { DIRECTIONS } from './model.ts';

const tags = ['gate'];

/** Slots, bookings, passes, journeys, yard and referrals under /api/gate. */
export function gateRoutes(s: { bookings: BookingService; journeys: JourneyService; db: Db; passPublicKey: string }) {
  return async (app: HttpApp) => {
    app.get('/slots', { schema: { tags, summary: 'Crossing slots with capacity left on both sides', querystring: SlotsQuery }, preHandler: requireAuth }, async (req) => ({
      items: (await s.bookings.slots({ direction: req.query.direction, laneClass: req.query.laneClass }, new Date(req.query.from), req.query.count ?? 48)).map(presentSlot),
    }));
    app.post('/partner-capacity', { schema: { tags, summary: "The partner side's announced capacity and opening hours for a period", body: PartnerCapacityBody }, preHandler: requireRole('partner_system', 'admin', 'ioc_operator') }, async (req, reply) => {
      const b = req.body;
      const w = await s.bookings.announcePartnerCapacity(contextOf(req), { direction: b.direction, laneClass: b.laneClass, from: new Date(b.from), to: new Date(b.to), trucksPerSlot: b.trucksPerSlot });
      return reply.status(201).send({ ...w, from: w.from.toISOString(), to: w.to.toISOString() });
    });
    app.post('/bookings', { schema: { tags, summary: 'Book a crossing slot for a declaration\'s truck (plate + driver)', body: BookingBody }, preHandler: requireRole('declarant') }, async (req, reply) => {
      const b = req.body;
      const { booking, journey } = await s.bookings.book(contextOf(req), {
        declarationId: b.declarationId, direction: b.direction, laneClass: b.laneClass, slotStart: new Date(b.slotStart), plate: b.plate, vehicleClass: b.vehicleClass, trailerPlate: b.trailerPlate ?? null, driverName: b.driver.name, driverDocument: b.driver.document,
      });
      return reply.status(201).header('location', `/api/gate/bookings/${booking.id}`).send({ ...presentBooking(booking), journeyId: journey.id });
    });
    app.get('/bookings', {
      schema: { tags, summary: 'Bookings you may see (a declarant: its enterprise\'s), newest slot first, with their journey; `{items, next}`', querystring: BookingListQuery },
      preHandler: requireRole('declarant', ...BOOKING_READERS),
    }, async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      const found = await s.bookings.list(contextOf(req), { statuses: q.status, declarationId: q.declarationId, plate: q.plate, from: q.from, to: q.to, cursor: q.cursor, limit });
      return listPage(found, limit, (x) => x.booking, presentBookingItem);
    });
    app.get('/bookings/:id', { schema: { tags, params: IdParams }, preHandler: requireAuth }, async (req) => presentBooking(await s.bookings.get(contextOf(req), req.params.id)));
    app.post('/bookings/:id/rebook', { schema: { tags, summary: 'Move the booking to another slot', params: IdParams, body: RebookBody }, preHandler: requireRole('declarant') }, async (req) =>
      presentBooking(await s.bookings.rebook(contextOf(req), req.params.id, new Date(req.body.slotStart))));
    app.get('/bookings/:id/pass', { schema: { tags, summary: 'The signed crossing pass (QR content), bound to plate and driver', params: IdParams }, preHandler: requireAuth }, async (req) => {
      const p = await s.bookings.pass(contextOf(req), req.params.id);
      return { token: p.token, expiresAt: p.expiresAt.toISOString() };
    });
    app.get('/pass-key', { schema: { tags, summary: 'The Ed25519 public key gate devices verify passes with (raw, base64)' } }, async () => ({ algorithm: 'Ed25519', publicKey: s.passPublicKey }));
    app.post('/no-shows/release', { schema: { tags, summary: 'Release the slots of trucks past their grace period' }, preHandler: requireRole('ioc_operator', 'admin') }, async (req) => ({ released: await s.bookings.releaseNoShows(contextOf(req)) }));

    app.get('/journeys', {
      schema: { tags, summary: 'Journeys, newest slot first; `since` keeps those changed since then; `{items, next}`', querystring: JourneyListQuery },
      preHandler: requireRole(...GATE_STAFF),
    }, async (req) => {
      const q = req.query;
      const limit = q.limit ?? 50;
      return listPage(await s.journeys.list({ states: q.state, direction: q.direction, plate: q.plate, since: q.since, cursor: q.cursor, limit }), limit, (j) => j, presentJourney);
    });
    app.get('/journeys/:id', { schema: { tags, summary: 'A truck\'s journey with every stage and its time', params: IdParams }, preHandler: requireAuth }, async (req) => presentJourney(await s.journeys.get(contextOf(req), req.params.id)));
    app.post('/journeys/:id/border-check', { schema: { tags, summary: 'The border guard checked the truck and driver', params: IdParams }, preHandler: requireRole('border_guard') }, async (req) =>
      presentJourney(await s.journeys.act(contextOf(req), req.params.id, { kind: 'border_check' })));
    app.post('/journeys/:id/override', { schema: { tags, summary: 'Override an open exception, with a reason (audited)', params: IdParams, body: OverrideBody }, preHandler: requireRole(...OVERRIDERS) }, async (req) =>
      presentJourney(await s.journeys.act(contextOf(req), req.params.id, { kind: 'override', exception: req.body.exception, reason: req.body.reason })));
    app.post('/journeys/:id/exceptions', { schema: { tags, summary: 'Raise an exception (e.g. a seal found broken)', params: IdParams, body: RaiseBody }, preHandler: requireRole(...GATE_STAFF) }, async (req) =>
      presentJourney(await s.journeys.act(contextOf(req), req.params.id, { kind: 'raise', exception: req.body.exception, detail: req.body.detail })));
    app.post('/journeys/:id/pay', { schema: { tags, summary: 'Mark the infrastructure fee paid (e-receipt)', params: IdParams }, preHandler: requireRole(...GATE_STAFF) }, async (req) =>
      presentJourney(await s.journeys.pay(contextOf(req), req.params.id)));

    app.get('/yard', { schema: { tags, summary: 'The yard queue in call-forward order with wait estimates' }, preHandler: requireAuth }, async (req) => {
      actorOf(req);
      const y = await s.journeys.yard();
      return { items: y.queue.map(presentQueued), waiting: y.queue.length, calledForward: y.calledForward, capacity: y.capacity };
    });
    app.post('/yard/call-forward', { schema: { tags, summary: 'Call the next trucks forward while the weighbridge has room', body: CallForwardBody }, preHandler: requireRole(...GATE_STAFF) }, async (req) => ({
      items: (await s.journeys.callForward(contextOf(req), req.body.count ?? 1)).map(presentJourney),
    }));
    app.get('/referrals', { schema: { tags, summary: 'Reads the gate could not match, for an officer' }, preHandler: requireRole(...GATE_STAFF) }, async () => ({
      items: (await referrals.open(s.db, 200)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    }));
    app.get('/clearance', {
      schema: { tags, summary: 'Clearance time (arrival to exit) per direction over a period', querystring: Type.Object({ direction: Type.Enum([...DIRECTIONS]), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }) },
      preHandler: requireAuth,
    }, async (req) => s.journeys.clearance(req.query.direction, new Date(req.query.from), new Date(req.query.to)));
  };
}
