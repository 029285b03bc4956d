import { Type } from 'typebox';
import type { Db } from '../db/index.ts';
import { requireRole, type HttpApp } from '../http/index.ts';
import { queryAudit } from './query.ts';
import { verifyAuditChain } from './verify.ts';

const AuditQuerySchema = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 100, description: 'the actor id, or the name recorded with the action' })),
    target: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })),
  },
  { additionalProperties: false },
);

/** `GET /api/audit`: the audit trail, newest first, for auditors and admins; `GET /api/audit/verify`: the chains checked. */
export function auditRoutes(db: Db) {
  return async (app: HttpApp) => {
    app.get('/', { schema: { tags: ['audit'], summary: 'Search the audit trail', querystring: AuditQuerySchema }, preHandler: requireRole('auditor', 'admin', 'customs_supervisor') }, async (req) => {
      const q = req.query;
      return queryAudit(db, {
        actorId: q.actor,
        targetId: q.target,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        before: q.cursor ? Number(q.cursor) : undefined,
        limit: q.limit ?? 100,
      });
    });
    // Walks every chain, as `borderflow audit verify` does; reads the whole trail, so auditors only.
    app.get('/verify', { schema: { tags: ['audit'], summary: 'Check every audit record against its hash chain' }, preHandler: requireRole('auditor', 'admin') }, async () => verifyAuditChain(db));
  };
}
