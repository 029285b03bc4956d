import { contextOf, requireAuth, requireRole, type HttpApp } from '../../infra/http/index.ts';
import type { JourneyService } from './journey-service.ts';
import { GATE_STAFF, OVERRIDERS } from './policies.ts';
import type { ReferralService } from './referral-service.ts';
import type { RegistryService } from './registry-service.ts';
import { DriverBody, DriverQuery, IdParams, ResolveReferralBody, VehicleBody, VehicleQuery } from './schema.ts';
import { presentDriver, presentJourney, presentOverview, presentVehicle } from './views.ts';

const tags = ['gate'];
const REGISTRARS = ['declarant', 'admin', 'border_guard', 'ioc_operator'] as const;

/** The registry, referral resolution and the gate operations picture under /api/gate. */
export function opsRoutes(s: { registry: RegistryService; referrals: ReferralService; journeys: JourneyService }) {
  return async (app: HttpApp) => {
    app.post('/vehicles', { schema: { tags, summary: 'Register a vehicle (tractor, truck or trailer)', body: VehicleBody }, preHandler: requireRole(...REGISTRARS) }, async (req, reply) => {
      const v = await s.registry.registerVehicle(contextOf(req), req.body);
      return reply.status(201).header('location', `/api/gate/vehicles/${v.id}`).send(presentVehicle(v));
    });
    app.get('/vehicles', { schema: { tags, summary: 'Registered vehicles (a declarant sees its own); `plate` looks one up', querystring: VehicleQuery }, preHandler: requireAuth }, async (req) => ({
      items: req.query.plate ? [presentVehicle(await s.registry.vehicle(contextOf(req), { plate: req.query.plate }))] : (await s.registry.vehicles(contextOf(req))).map(presentVehicle),
    }));
    app.get('/vehicles/:id', { schema: { tags, params: IdParams }, preHandler: requireAuth }, async (req) => presentVehicle(await s.registry.vehicle(contextOf(req), { id: req.params.id })));
    app.post('/drivers', { schema: { tags, summary: 'Register a driver (travel document and licence)', body: DriverBody }, preHandler: requireRole(...REGISTRARS) }, async (req, reply) => {
      const d = await s.registry.registerDriver(contextOf(req), req.body);
      return reply.status(201).header('location', `/api/gate/drivers/${d.id}`).send(presentDriver(d));
    });
    app.get('/drivers', { schema: { tags, summary: 'A driver by travel document', querystring: DriverQuery }, preHandler: requireAuth }, async (req) =>
      presentDriver(await s.registry.driver(contextOf(req), { country: req.query.country, number: req.query.number })));
    app.get('/drivers/:id', { schema: { tags, params: IdParams }, preHandler: requireAuth }, async (req) => presentDriver(await s.registry.driver(contextOf(req), { id: req.params.id })));

    app.post('/referrals/:id/resolve', {
      schema: { tags, summary: 'Resolve a referral: the truck it was (a candidate) or none; at a barrier the read then takes effect', params: IdParams, body: ResolveReferralBody },
      preHandler: requireRole(...OVERRIDERS),
    }, async (req) => {
      const r = await s.referrals.resolve(contextOf(req), req.params.id, { journeyId: req.body.journeyId, reason: req.body.reason });
      return { referralId: r.referralId, journey: r.journey ? presentJourney(r.journey) : null, command: r.command };
    });
    app.get('/overview', { schema: { tags, summary: 'Lanes, yard occupancy and queue, per-stage dwell times, trucks held by exceptions' }, preHandler: requireRole(...GATE_STAFF, 'auditor') }, async () =>
      presentOverview(await s.journeys.overview()));
  };
}
