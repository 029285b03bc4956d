import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A route guard: throws the right 401/403 problem or lets the request through. */
export type Guard = (req: FastifyRequest) => Promise<void>;
import { hasRole, type Actor, type Authenticator, type RequestContext, type Role } from '../auth/index.ts';
import { authError } from './errors.ts';

/** The name of the web session cookie. */
export const SESSION_COOKIE = 'bf_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Why a credential that was sent did not authenticate. */
    authProblem: 'expired' | 'invalid' | null;
  }
}

/** Resolves the credential on every request to `req.actor`; routes decide whether they need one. */
export function installAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authProblem', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const apiKey = typeof req.headers['x-api-key'] === 'string' ? req.headers['x-api-key'] : undefined;
    const session = req.cookies?.[SESSION_COOKIE];
    if (!bearer && !apiKey && !session) return;
    const result = await authenticator.authenticate({ bearer, apiKey, session });
    if (result === 'expired' || result === 'invalid') req.authProblem = result;
    else req.actor = result;
  });
}

function requireActor(req: FastifyRequest): Actor {
  if (req.actor) return req.actor;
  if (req.authProblem === 'expired') throw authError('AUTH_TOKEN_EXPIRED', 'The session or token has expired; sign in again');
  if (req.authProblem === 'invalid') throw authError('AUTH_TOKEN_INVALID', 'The credential sent is not valid');
  throw authError('AUTH_REQUIRED', 'This endpoint needs a signed-in user or an API key');
}

/** A pre-handler that requires any authenticated principal. */
export const requireAuth: Guard = async (req) => {
  requireActor(req);
};

/** A pre-handler that requires one of the roles. */
export function requireRole(...roles: Role[]): Guard {
  return async (req) => {
    const actor = requireActor(req);
    if (!hasRole(actor, ...roles)) throw authError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
  };
}

/** The request context a route hands its service. */
export function contextOf(req: FastifyRequest): RequestContext {
  return { actor: req.actor, requestId: String(req.id), sourceIp: req.ip };
}

/** The authenticated actor of a route guarded by `requireAuth` or `requireRole`. */
export function actorOf(req: FastifyRequest): Actor {
  return requireActor(req);
}
