import { Type, type Static, type TSchema } from 'typebox';
import { actorOf, contextOf, requireRole, type HttpApp } from '../../../infra/http/index.ts';
import type { OfficerCommand } from '../officer-service.ts';
import { IdParams, InspectionResultBody, NoteBody, OverrideBody, OverridesQuery, ReasonBody, ReassignBody, RequestDocumentsBody, ScheduleInspectionBody, WorklistQuery } from '../schema.ts';
import { DeclarationView, WorklistView, presentWorkItem } from '../views.ts';
import { present, type CustomsServices } from './context.ts';

const tags = ['customs: officer'];
const staff = requireRole('customs_officer', 'customs_supervisor');

/** Officer decisions under /api/customs/declarations/:id/… */
export function officerDecisionRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    const decision = <S extends TSchema>(path: string, summary: string, body: S, toCommand: (b: Static<S>) => OfficerCommand) =>
      app.post(path, { schema: { tags, summary, params: IdParams, body, response: { 200: DeclarationView } }, preHandler: staff }, async (req) =>
        present(s, await s.officers.act(contextOf(req), req.params.id, toCommand(req.body as Static<S>)), actorOf(req)));

    decision('/:id/request-documents', 'Ask the declarant for more documents, with a reason', RequestDocumentsBody, (b) => ({
      kind: 'request_documents', reason: b.reason, documentTypes: b.documentTypes ?? [],
    }));
    decision('/:id/accept-documents', 'Accept the documents (documentary check passed)', NoteBody, (b) => ({ kind: 'accept_documents', note: b.note ?? null }));
    decision('/:id/schedule-inspection', 'Schedule a scanner or physical inspection', ScheduleInspectionBody, (b) => ({
      kind: 'schedule_inspection', inspectionKind: b.kind, at: new Date(b.at).toISOString(), location: b.location ?? null,
    }));
    decision('/:id/record-inspection', 'Record the inspection result with findings', InspectionResultBody, (b) => ({
      kind: 'record_inspection', outcome: b.outcome, findings: b.findings ?? [],
    }));
    decision('/:id/release', 'Release the goods, with a reason', ReasonBody, (b) => ({ kind: 'release', reason: b.reason }));
    decision('/:id/hold', 'Hold the goods, with a reason', ReasonBody, (b) => ({ kind: 'hold', reason: b.reason }));
    decision('/:id/reject', 'Reject the declaration, with a reason', ReasonBody, (b) => ({ kind: 'reject', reason: b.reason }));
    decision('/:id/override-channel', 'Override the channel, with a reason the supervisor reviews', OverrideBody, (b) => ({
      kind: 'override_channel', channel: b.channel, reason: b.reason,
    }));
    app.post('/:id/reassign', {
      schema: { tags, summary: 'Move the case to another officer (supervisor), with a reason', params: IdParams, body: ReassignBody, response: { 200: DeclarationView } },
      preHandler: requireRole('customs_supervisor'),
    }, async (req) => present(s, await s.officers.reassign(contextOf(req), req.params.id, req.body.officerId, req.body.reason), actorOf(req)));
  };
}

/** The worklist and the override review under /api/customs. */
export function officerRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    app.get('/worklist', {
      schema: { tags, summary: 'Open yellow and red cases: red first, then higher risk, then longest waiting', querystring: WorklistQuery, response: { 200: WorklistView } },
      preHandler: staff,
    }, async (req) => {
      const items = await s.officers.worklist(actorOf(req), { officerId: req.query.officerId, limit: req.query.limit ?? 100 });
      const now = s.clock.now();
      return { items: items.map((d) => presentWorkItem(d, now)) };
    });
    app.get('/overrides', {
      schema: {
        tags, summary: 'Every channel override, newest first (supervision)', querystring: OverridesQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({
              declarationId: Type.String(), at: Type.String(), officer: Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() }),
              from: Type.Union([Type.String(), Type.Null()]), to: Type.String(), reason: Type.String(), state: Type.String(),
            })),
          }),
        },
      },
      preHandler: requireRole('customs_supervisor', 'auditor'),
    }, async (req) => {
      const rows = await s.officers.overrides({ before: req.query.before ? new Date(req.query.before) : undefined, limit: req.query.limit ?? 100 });
      return {
        items: rows.map((e) => ({
          declarationId: e.declarationId, at: e.at.toISOString(), officer: e.actor, from: (e.details.from as string | null) ?? null,
          to: String(e.details.to), reason: String(e.details.reason), state: e.to,
        })),
      };
    });
  };
}
