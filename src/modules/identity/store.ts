import { typed, type Executor } from '../../infra/db/index.ts';
import type { Role } from '../../infra/auth/index.ts';
import type { Device, Enterprise, User } from './model.ts';

interface EnterpriseRow { id: string; tax_code: string; name: string; country: 'VN' | 'CN'; created_at: Date }
interface UserRow {
  id: string; username: string; display_name: string; password_hash: string; roles: string[]; enterprise_id: string | null;
  active: boolean; failed_attempts: number; locked_until: Date | null; created_at: Date;
}
interface SessionRow { id: string; token_hash: string; user_id: string; created_at: Date; expires_at: Date; revoked_at: Date | null }
interface ApiKeyRow { id: string; name: string; key_hash: string; roles: string[]; enterprise_id: string | null; created_by: string; created_at: Date; revoked_at: Date | null }
interface DeviceRow { id: string; kind: string; site_id: string; name: string; secret_hash: string; active: boolean; created_at: Date }

interface Tables {
  'identity.enterprises': EnterpriseRow;
  'identity.users': UserRow;
  'identity.sessions': SessionRow;
  'identity.api_keys': ApiKeyRow;
  'identity.devices': DeviceRow;
}

const toEnterprise = (r: EnterpriseRow): Enterprise => ({ id: r.id, taxCode: r.tax_code, name: r.name, country: r.country, createdAt: new Date(r.created_at) });
const toUser = (r: UserRow): User => ({
  id: r.id, username: r.username, displayName: r.display_name, roles: r.roles as Role[], enterpriseId: r.enterprise_id,
  active: r.active, failedAttempts: r.failed_attempts, lockedUntil: r.locked_until ? new Date(r.locked_until) : null, createdAt: new Date(r.created_at),
});
const toDevice = (r: DeviceRow): Device => ({ id: r.id, kind: r.kind, siteId: r.site_id, name: r.name, active: r.active, createdAt: new Date(r.created_at) });

/** Enterprise rows. */
export const enterprises = {
  async insert(x: Executor, e: Enterprise): Promise<void> {
    await typed<Tables>(x).insertInto('identity.enterprises').values({ id: e.id, tax_code: e.taxCode, name: e.name, country: e.country, created_at: e.createdAt }).execute();
  },
  async byId(x: Executor, id: string): Promise<Enterprise | null> {
    const r = await typed<Tables>(x).selectFrom('identity.enterprises').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toEnterprise(r) : null;
  },
  async byTaxCode(x: Executor, taxCode: string): Promise<Enterprise | null> {
    const r = await typed<Tables>(x).selectFrom('identity.enterprises').selectAll().where('tax_code', '=', taxCode).executeTakeFirst();
    return r ? toEnterprise(r) : null;
  },
  async page(x: Executor, opts: { after?: string; limit: number; onlyId?: string | null }): Promise<Enterprise[]> {
    let q = typed<Tables>(x).selectFrom('identity.enterprises').selectAll().orderBy('id').limit(opts.limit);
    if (opts.after) q = q.where('id', '>', opts.after);
    if (opts.onlyId !== undefined && opts.onlyId !== null) q = q.where('id', '=', opts.onlyId);
    return (await q.execute()).map(toEnterprise);
  },
};

/** User rows; the password hash never leaves this file except through `credentials`. */
export const users = {
  async insert(x: Executor, u: User, passwordHash: string): Promise<void> {
    await typed<Tables>(x).insertInto('identity.users').values({
      id: u.id, username: u.username, display_name: u.displayName, password_hash: passwordHash, roles: u.roles, enterprise_id: u.enterpriseId,
      active: u.active, failed_attempts: 0, locked_until: null, created_at: u.createdAt,
    }).execute();
  },
  async byId(x: Executor, id: string): Promise<User | null> {
    const r = await typed<Tables>(x).selectFrom('identity.users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  },
  async credentials(x: Executor, username: string, forUpdate = false): Promise<{ user: User; passwordHash: string } | null> {
    let q = typed<Tables>(x).selectFrom('identity.users').selectAll().where('username', '=', username);
    if (forUpdate) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r ? { user: toUser(r), passwordHash: r.password_hash } : null;
  },
  async setLoginState(x: Executor, id: string, s: { failedAttempts: number; lockedUntil: Date | null }): Promise<void> {
    await typed<Tables>(x).updateTable('identity.users').set({ failed_attempts: s.failedAttempts, locked_until: s.lockedUntil }).where('id', '=', id).execute();
  },
  async setActive(x: Executor, id: string, active: boolean): Promise<void> {
    await typed<Tables>(x).updateTable('identity.users').set({ active }).where('id', '=', id).execute();
  },
  async page(x: Executor, opts: { after?: string; limit: number }): Promise<User[]> {
    let q = typed<Tables>(x).selectFrom('identity.users').selectAll().orderBy('id').limit(opts.limit);
    if (opts.after) q = q.where('id', '>', opts.after);
    return (await q.execute()).map(toUser);
  },
};

/** Session rows, found by the SHA-256 of the token. */
export const sessions = {
  async insert(x: Executor, s: { id: string; tokenHash: string; userId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
    await typed<Tables>(x).insertInto('identity.sessions').values({ id: s.id, token_hash: s.tokenHash, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt, revoked_at: null }).execute();
  },
  async withUser(x: Executor, tokenHash: string): Promise<{ sessionId: string; expiresAt: Date; revoked: boolean; user: User } | null> {
    const r = await typed<Tables>(x)
      .selectFrom('identity.sessions as s')
      .innerJoin('identity.users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select(['s.id as session_id', 's.expires_at', 's.revoked_at'])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!r) return null;
    return { sessionId: r.session_id, expiresAt: new Date(r.expires_at), revoked: r.revoked_at !== null, user: toUser(r) };
  },
  async revoke(x: Executor, tokenHash: string, at: Date): Promise<string | null> {
    const r = await typed<Tables>(x).updateTable('identity.sessions').set({ revoked_at: at }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    return r?.id ?? null;
  },
  async revokeAllOf(x: Executor, userId: string, at: Date): Promise<void> {
    await typed<Tables>(x).updateTable('identity.sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  },
};

/** API key rows, found by the SHA-256 of the key. */
export const apiKeys = {
  async insert(x: Executor, k: { id: string; name: string; keyHash: string; roles: Role[]; enterpriseId: string | null; createdBy: string; createdAt: Date }): Promise<void> {
    await typed<Tables>(x).insertInto('identity.api_keys').values({
      id: k.id, name: k.name, key_hash: k.keyHash, roles: k.roles, enterprise_id: k.enterpriseId, created_by: k.createdBy, created_at: k.createdAt, revoked_at: null,
    }).execute();
  },
  async byHash(x: Executor, keyHash: string): Promise<ApiKeyRow | null> {
    return (await typed<Tables>(x).selectFrom('identity.api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst()) ?? null;
  },
  async revoke(x: Executor, id: string, at: Date): Promise<boolean> {
    const r = await typed<Tables>(x).updateTable('identity.api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
  async list(x: Executor): Promise<Array<Omit<ApiKeyRow, 'key_hash'>>> {
    return typed<Tables>(x).selectFrom('identity.api_keys').select(['id', 'name', 'roles', 'enterprise_id', 'created_by', 'created_at', 'revoked_at']).orderBy('id').execute();
  },
};

/** Device rows with their hashed secrets. */
export const devices = {
  async insert(x: Executor, d: Device, secretHash: string): Promise<void> {
    await typed<Tables>(x).insertInto('identity.devices').values({ id: d.id, kind: d.kind, site_id: d.siteId, name: d.name, secret_hash: secretHash, active: d.active, created_at: d.createdAt }).execute();
  },
  async withSecret(x: Executor, id: string): Promise<{ device: Device; secretHash: string } | null> {
    const r = await typed<Tables>(x).selectFrom('identity.devices').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { device: toDevice(r), secretHash: r.secret_hash } : null;
  },
  async list(x: Executor): Promise<Device[]> {
    return (await typed<Tables>(x).selectFrom('identity.devices').selectAll().orderBy('id').execute()).map(toDevice);
  },
  /** Marks a device inactive; the device, or null when there is none. */
  async deactivate(x: Executor, id: string): Promise<Device | null> {
    const r = await typed<Tables>(x).updateTable('identity.devices').set({ active: false }).where('id', '=', id).returningAll().executeTakeFirst();
    return r ? toDevice(r) : null;
  },
};
