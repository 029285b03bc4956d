import { Type } from 'typebox';
import { actorOf, contextOf, requireAuth, requireRole, type HttpApp } from '../../../infra/http/index.ts';
import type { DeclarationContent } from '../model.ts';
import { CreateQuery, DeclarationBody, IdParams, ListQuery, NoteBody, ReasonBody } from '../schema.ts';
import { DeclarationPage, DeclarationView, DutiesView, TimelineView, ValidationView, presentEntry } from '../views.ts';
import { page, present, type CustomsServices } from './context.ts';

const tags = ['customs: declarations'];
const declarant = requireRole('declarant');

/** The declarant's routes under /api/customs/declarations (also what a logistics system calls). */
export function declarationRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    app.post('', {
      schema: { tags, summary: 'Create a draft declaration, or create and submit it with ?submit=true', querystring: CreateQuery, body: DeclarationBody, response: { 201: DeclarationView } },
      preHandler: declarant,
    }, async (req, reply) => {
      const d = await s.declarations.create(contextOf(req), req.body as DeclarationContent, req.query.submit === true);
      return reply.status(201).header('location', `/api/customs/declarations/${d.id}`).send(await present(s, d, actorOf(req)));
    });
    app.post('/validate', {
      schema: { tags, summary: 'Check a declaration as submission would, without saving it', body: DeclarationBody, response: { 200: ValidationView } },
      preHandler: requireAuth,
    }, async (req) => s.declarations.validate(req.body as DeclarationContent));
    app.get('', {
      schema: { tags, summary: 'List the declarations you may see, newest first', querystring: ListQuery, response: { 200: DeclarationPage } },
      preHandler: requireAuth,
    }, async (req) => {
      const limit = req.query.limit ?? 50;
      const actor = actorOf(req);
      const items = await s.declarations.list(actor, { states: req.query.state, channel: req.query.channel, after: req.query.cursor, limit });
      return page(await Promise.all(items.map((d) => present(s, d, actor))), limit);
    });
    app.get('/:id', { schema: { tags, summary: 'One declaration', params: IdParams, response: { 200: DeclarationView } }, preHandler: requireAuth }, async (req) =>
      present(s, await s.declarations.get(actorOf(req), req.params.id), actorOf(req)));
    app.put('/:id', { schema: { tags, summary: 'Replace the content of a draft', params: IdParams, body: DeclarationBody, response: { 200: DeclarationView } }, preHandler: declarant }, async (req) =>
      present(s, await s.declarations.update(contextOf(req), req.params.id, req.body as DeclarationContent), actorOf(req)));
    app.post('/:id/validate', { schema: { tags, summary: 'Check a stored declaration as submission would', params: IdParams, response: { 200: ValidationView } }, preHandler: requireAuth }, async (req) =>
      s.declarations.validateStored(actorOf(req), req.params.id));
    app.post('/:id/submit', {
      schema: { tags, summary: 'Submit a draft; answers after assessment with the channel (green is released at once)', params: IdParams, response: { 200: DeclarationView } },
      preHandler: declarant,
    }, async (req) => present(s, await s.declarations.submit(contextOf(req), req.params.id), actorOf(req)));
    app.post('/:id/amend', {
      schema: { tags, summary: 'Amend before release: a new version, assessed again', params: IdParams, body: DeclarationBody, response: { 200: DeclarationView } },
      preHandler: declarant,
    }, async (req) => present(s, await s.declarations.amend(contextOf(req), req.params.id, req.body as DeclarationContent), actorOf(req)));
    app.post('/:id/cancel', { schema: { tags, summary: 'Cancel before release, with a reason', params: IdParams, body: ReasonBody, response: { 200: DeclarationView } }, preHandler: declarant }, async (req) =>
      present(s, await s.declarations.cancel(contextOf(req), req.params.id, req.body.reason), actorOf(req)));
    app.post('/:id/provide-documents', {
      schema: { tags, summary: 'Tell the officer the requested documents are uploaded', params: IdParams, body: NoteBody, response: { 200: DeclarationView } },
      preHandler: declarant,
    }, async (req) => present(s, await s.declarations.provideDocuments(contextOf(req), req.params.id, req.body.note ?? null), actorOf(req)));
    app.get('/:id/timeline', { schema: { tags, summary: 'Every transition with its actor', params: IdParams, response: { 200: TimelineView } }, preHandler: requireAuth }, async (req) => {
      const actor = actorOf(req);
      const declaration = await s.declarations.get(actor, req.params.id);
      return { items: (await s.declarations.timeline(actor, req.params.id)).map((e) => presentEntry(e, actor, declaration)) };
    });
    app.get('/:id/versions', {
      schema: {
        tags, summary: 'Every submitted version with its duty estimate', params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ version: Type.Integer(), content: DeclarationBody, duties: DutiesView, submittedAt: Type.String(), submittedBy: Type.String() })) }) },
      },
      preHandler: requireAuth,
    }, async (req) => ({
      items: (await s.declarations.versions(actorOf(req), req.params.id)).map((v) => ({ ...v, submittedAt: v.submittedAt.toISOString() })),
    }));
  };
}
