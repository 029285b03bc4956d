import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawReplyDefaultExpression, type RawRequestDefaultExpression, type RawServerDefault } from 'fastify';
import type { Authenticator } from '../auth/index.ts';
import type { Db } from '../db/index.ts';
import { platformError } from '../errors/index.ts';
import type { IdGenerator } from '../ids/index.ts';
import type { Logger } from '../log/index.ts';
import { installAuthentication } from './auth-hook.ts';
import { installIdempotency } from './idempotency.ts';
import { installErrorHandler, sendProblem } from './problems.ts';
import { ProblemSchema } from './schemas.ts';
import { nulProblems, validatorCompiler } from './validation.ts';

/** The typed Fastify instance every module's routes plug into. */
export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A readiness check: a name and a probe that answers true when the dependency is usable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

/** What the HTTP server needs from the rest of the platform. */
export interface HttpDeps {
  log: Logger;
  db: Db;
  ids: IdGenerator;
  authenticator: Authenticator;
  bodyLimitBytes: number;
  webDir: string | null;
  version: string;
  readiness: ReadinessCheck[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the Fastify server with validation, problems, auth, idempotency, OpenAPI and health. */
export async function createHttpServer(deps: HttpDeps): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: deps.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : deps.ids.next('req');
    },
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;

  app.setValidatorCompiler(validatorCompiler);
  // Routes may answer errors with { $ref: 'Problem#' } so OpenAPI shows the problem shape.
  app.addSchema(ProblemSchema);
  installErrorHandler(app as unknown as FastifyInstance);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
  });
  app.addHook('preValidation', async (req) => {
    const problems = nulProblems({ params: req.params, query: req.query, body: req.body });
    if (problems.length > 0) throw platformError('VALIDATION_FAILED', `${problems.length} problem(s) with the request`, problems);
  });
  // While closing, answers to requests in flight end their keep-alive connection, so the
  // server can finish closing as soon as they are done instead of waiting for idle timeouts.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  await app.register(cookie);
  installAuthentication(app as unknown as FastifyInstance, deps.authenticator);
  installIdempotency(app as unknown as FastifyInstance, deps.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Borderflow API', version: deps.version, description: 'The smart border-gate platform.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'bf_session' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        },
      },
      security: [{ bearer: [] }, { session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (_req, reply) => {
    const results = await Promise.all(deps.readiness.map(async (r) => [r.name, await r.check().catch(() => false)] as const));
    const checks = Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'ok' : 'down']));
    const ok = results.every(([, up]) => up);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
  });

  const index = deps.webDir ? path.join(deps.webDir, 'index.html') : null;
  if (deps.webDir && index && existsSync(index)) {
    await app.register(fastifyStatic, { root: deps.webDir, prefix: '/', wildcard: false, index: 'index.html' });
  }
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/health/');
    if (wantsPage && index && existsSync(index)) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, req, platformError('ROUTE_NOT_FOUND', `No endpoint ${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
