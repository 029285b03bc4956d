import { Type } from 'typebox';
import { actorOf, contextOf, PageQuery, requireAuth, requireRole, SESSION_COOKIE, type HttpApp } from '../../infra/http/index.ts';
import type { AuthService } from './auth-service.ts';
import type { DirectoryService } from './directory-service.ts';
import type { Enterprise, User } from './model.ts';
import { ApiKeyBody, DeviceBody, EnterpriseBody, EnterpriseView, IdParams, LoginBody, LoginReply, MeReply, NewUserBody, UserView } from './schema.ts';

/** Shapes a user for the API (never the password hash or lockout counters). */
export function presentUser(u: User, enterpriseName: string | null = null) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, enterpriseId: u.enterpriseId, enterpriseName, active: u.active };
}

function presentEnterprise(e: Enterprise) {
  return { id: e.id, taxCode: e.taxCode, name: e.name, country: e.country, createdAt: e.createdAt.toISOString() };
}

function page<T extends { id: string }>(items: T[], limit: number) {
  return { items, next: items.length === limit ? items[items.length - 1]!.id : null };
}

/** Sign-in routes under /api/auth. */
export function authRoutes(auth: AuthService, directory: DirectoryService, secureCookies: boolean) {
  const enterpriseName = async (u: User) => (u.enterpriseId ? (await directory.enterprise({ kind: 'system', id: 'system', name: 'system', roles: ['admin'], enterpriseId: null }, u.enterpriseId)).name : null);
  return async (app: HttpApp) => {
    app.post('/login', { schema: { tags: ['auth'], summary: 'Sign in with a username and password', body: LoginBody, response: { 200: LoginReply } } }, async (req, reply) => {
      const result = await auth.login(contextOf(req), req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', expires: result.expiresAt });
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: presentUser(result.user, await enterpriseName(result.user)) };
    });
    app.post('/logout', { schema: { tags: ['auth'], summary: 'End the current session' }, preHandler: requireAuth }, async (req, reply) => {
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : req.cookies[SESSION_COOKIE];
      if (token) await auth.logout(contextOf(req), token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    });
    app.get('/me', { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: MeReply } }, preHandler: requireAuth }, async (req) => {
      const actor = actorOf(req);
      const user = await auth.currentUser(actor);
      if (!user) return { user: { id: actor.id, username: actor.name, displayName: actor.name, roles: [...actor.roles], enterpriseId: actor.enterpriseId, enterpriseName: null, active: true } };
      return { user: presentUser(user, await enterpriseName(user)) };
    });
  };
}

/** Directory routes under /api/identity. */
export function directoryRoutes(directory: DirectoryService) {
  return async (app: HttpApp) => {
    app.post('/enterprises', { schema: { tags: ['identity'], body: EnterpriseBody, response: { 201: EnterpriseView } }, preHandler: requireRole('admin') }, async (req, reply) =>
      reply.status(201).send(presentEnterprise(await directory.createEnterprise(contextOf(req), req.body))));
    app.get('/enterprises', { schema: { tags: ['identity'], querystring: PageQuery }, preHandler: requireAuth }, async (req) => {
      const limit = req.query.limit ?? 50;
      return page((await directory.enterprises(actorOf(req), { after: req.query.cursor, limit })).map(presentEnterprise), limit);
    });
    app.get('/enterprises/:id', { schema: { tags: ['identity'], params: IdParams, response: { 200: EnterpriseView } }, preHandler: requireAuth }, async (req) =>
      presentEnterprise(await directory.enterprise(actorOf(req), req.params.id)));
    app.post('/users', { schema: { tags: ['identity'], body: NewUserBody, response: { 201: UserView } }, preHandler: requireRole('admin') }, async (req, reply) =>
      reply.status(201).send(presentUser(await directory.createUser(contextOf(req), req.body))));
    app.get('/users', { schema: { tags: ['identity'], querystring: PageQuery }, preHandler: requireRole('admin', 'auditor') }, async (req) => {
      const limit = req.query.limit ?? 50;
      return page((await directory.users({ after: req.query.cursor, limit })).map((u) => presentUser(u)), limit);
    });
    app.post('/users/:id/deactivate', { schema: { tags: ['identity'], params: IdParams, response: { 200: UserView } }, preHandler: requireRole('admin') }, async (req) =>
      presentUser(await directory.deactivateUser(contextOf(req), req.params.id)));
    app.post('/api-keys', { schema: { tags: ['identity'], body: ApiKeyBody, response: { 201: Type.Object({ id: Type.String(), key: Type.String() }) } }, preHandler: requireRole('admin') }, async (req, reply) =>
      reply.status(201).send(await directory.createApiKey(contextOf(req), req.body)));
    app.get('/api-keys', { schema: { tags: ['identity'] }, preHandler: requireRole('admin', 'auditor') }, async () => ({ items: await directory.listApiKeys() }));
    app.post('/api-keys/:id/revoke', { schema: { tags: ['identity'], params: IdParams }, preHandler: requireRole('admin') }, async (req, reply) => {
      await directory.revokeApiKey(contextOf(req), req.params.id);
      return reply.status(204).send();
    });
    app.post('/devices', { schema: { tags: ['identity'], body: DeviceBody }, preHandler: requireRole('admin') }, async (req, reply) => {
      const { device, secret } = await directory.registerDevice(contextOf(req), req.body);
      return reply.status(201).send({ ...device, createdAt: device.createdAt.toISOString(), secret });
    });
    app.post('/devices/:id/deactivate', { schema: { tags: ['identity'], summary: 'Deactivate a device: its secret stops working', params: IdParams }, preHandler: requireRole('admin') }, async (req) => {
      const d = await directory.deactivateDevice(contextOf(req), req.params.id);
      return { ...d, createdAt: d.createdAt.toISOString() };
    });
    app.get('/devices', { schema: { tags: ['identity'] }, preHandler: requireRole('admin', 'auditor', 'ioc_operator') }, async () => ({
      items: (await directory.listDevices()).map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
    }));
  };
}
