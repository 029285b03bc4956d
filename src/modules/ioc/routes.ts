import websocket from '@fastify/websocket';
import { contextOf, requireRole, type HttpApp } from '../../infra/http/index.ts';
import { presentAlert } from './alert-writer.ts';
import type { AlertService } from './alert-service.ts';
import type { IncidentService } from './incident-service.ts';
import type { LiveHub } from './live.ts';
import { IOC_ROLES, type Incident } from './model.ts';
import type { PictureService } from './picture-service.ts';
import { AlertsQuery, AssignAlertBody, AssignIncidentBody, IdParams, IncidentsQuery, KpiQuery, NoteBody, OpenIncidentBody, ResolveBody } from './schema.ts';

const tags = ['ioc'];
export { IOC_ROLES };
const guard = requireRole(...IOC_ROLES);

/** The public shape of an incident. */
export function presentIncident(i: Incident) {
  return {
    id: i.id, title: i.title, agency: i.agency, state: i.state, alertId: i.alertId, openedBy: i.openedBy, openedAt: i.openedAt.toISOString(),
    resolvedAt: i.resolvedAt?.toISOString() ?? null, resolution: i.resolution,
    notes: i.notes.map((n) => ({ seq: n.seq, at: n.at.toISOString(), author: n.author, kind: n.kind, text: n.text })),
  };
}

/** The IOC under /api/ioc: site picture, KPIs, live push, alerts and incidents. */
export function iocRoutes(s: { picture: PictureService; alerts: AlertService; incidents: IncidentService; hub: LiveHub }) {
  return async (app: HttpApp) => {
    await app.register(websocket);
    app.get('/snapshot', { schema: { tags, summary: 'The live site picture: lanes, yard, trucks with their stage, devices, KPIs now, open alerts' }, preHandler: guard }, async () => s.picture.snapshot());
    app.get('/kpis', { schema: { tags, summary: 'KPIs per minute over a range (at most 24 h)', querystring: KpiQuery }, preHandler: guard }, async (req) => ({
      items: await s.picture.kpis(new Date(req.query.from), new Date(req.query.to)),
    }));
    app.get('/live', { websocket: true, preHandler: guard }, async (socket) => {
      await s.hub.join(socket);
    });

    app.get('/alerts', { schema: { tags, summary: 'Alerts; unresolved (most severe first) unless `state` says otherwise', querystring: AlertsQuery }, preHandler: guard }, async (req) => ({
      items: (await s.alerts.list(req.query.state ?? 'unresolved')).map(presentAlert),
    }));
    app.post('/alerts/:id/acknowledge', { schema: { tags, summary: 'Acknowledge an alert (stops its escalation)', params: IdParams }, preHandler: guard }, async (req) =>
      presentAlert(await s.alerts.act(contextOf(req), req.params.id, { kind: 'acknowledge' })));
    app.post('/alerts/:id/assign', { schema: { tags, summary: 'Assign an alert to an operator', params: IdParams, body: AssignAlertBody }, preHandler: guard }, async (req) =>
      presentAlert(await s.alerts.act(contextOf(req), req.params.id, { kind: 'assign', assignee: req.body.assignee })));
    app.post('/alerts/:id/escalate', { schema: { tags, summary: 'Escalate an alert one level', params: IdParams }, preHandler: guard }, async (req) =>
      presentAlert(await s.alerts.act(contextOf(req), req.params.id, { kind: 'escalate' })));
    app.post('/alerts/:id/resolve', { schema: { tags, summary: 'Resolve an alert by hand', params: IdParams }, preHandler: guard }, async (req) =>
      presentAlert(await s.alerts.act(contextOf(req), req.params.id, { kind: 'resolve' })));

    app.get('/incidents', { schema: { tags, summary: 'Incidents, newest first', querystring: IncidentsQuery }, preHandler: guard }, async (req) => ({
      items: (await s.incidents.list(req.query.state ?? null)).map(presentIncident),
    }));
    app.post('/incidents', { schema: { tags, summary: 'Open an incident from an alert or by hand', body: OpenIncidentBody }, preHandler: guard }, async (req, reply) => {
      const b = req.body;
      const i = await s.incidents.open(contextOf(req), { title: b.title ?? null, agency: b.agency, alertId: b.alertId ?? null, note: b.note ?? null });
      return reply.status(201).header('location', `/api/ioc/incidents/${i.id}`).send(presentIncident(i));
    });
    app.get('/incidents/:id', { schema: { tags, summary: 'An incident with its timeline', params: IdParams }, preHandler: guard }, async (req) => presentIncident(await s.incidents.get(req.params.id)));
    app.post('/incidents/:id/assign', { schema: { tags, summary: 'Hand the incident to an agency', params: IdParams, body: AssignIncidentBody }, preHandler: guard }, async (req) =>
      presentIncident(await s.incidents.act(contextOf(req), req.params.id, { kind: 'assign', agency: req.body.agency, note: req.body.note ?? null })));
    app.post('/incidents/:id/notes', { schema: { tags, summary: 'Add a note to the timeline', params: IdParams, body: NoteBody }, preHandler: guard }, async (req) =>
      presentIncident(await s.incidents.act(contextOf(req), req.params.id, { kind: 'note', text: req.body.text })));
    app.post('/incidents/:id/resolve', { schema: { tags, summary: 'Resolve the incident', params: IdParams, body: ResolveBody }, preHandler: guard }, async (req) =>
      presentIncident(await s.incidents.act(contextOf(req), req.params.id, { kind: 'resolve', resolution: req.body.resolution })));
  };
}

/** The public status under /api/public (no login, no personal data). */
export function publicStatusRoutes(picture: PictureService) {
  return async (app: HttpApp) => {
    app.get('/status', { schema: { tags: ['public'], summary: 'Lanes open and estimated waits per direction and goods class; updated every minute', security: [] } }, async (_req, reply) => {
      const status = await picture.publicStatus();
      return reply.header('cache-control', 'public, max-age=60').send(status);
    });
  };
}
