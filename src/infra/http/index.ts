export { createHttpServer, type HttpApp, type HttpDeps, type ReadinessCheck } from './server.ts';
export { requireAuth, requireRole, contextOf, actorOf, SESSION_COOKIE } from './auth-hook.ts';
export { authError } from './errors.ts';
export { sendProblem, toProblem, problemType, type Problem } from './problems.ts';
export { pruneIdempotencyKeys } from './idempotency.ts';
export { RateLimiter } from './rate-limit.ts';
export { ProblemSchema, PageQuery, type PageQueryType } from './schemas.ts';
