import type { Actor, RequestContext, Role } from '../../infra/auth/index.ts';
import { CredentialCache } from '../../infra/auth/credential-cache.ts';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { identityError } from './errors.ts';
import { normalizeUsername, taxCodeProblem, type Device, type Enterprise, type User } from './model.ts';
import { enterprisePolicy } from './policies.ts';
import { apiKeys, devices, enterprises, sessions, users } from './store.ts';

/** Input for a new user. */
export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  enterpriseId?: string | null;
}

/** A device that proved its secret. */
export interface AuthenticatedDevice {
  deviceId: string;
  kind: string;
  siteId: string;
}

/** How long a device's successful secret check is reused (HTTP reads and MQTT connects share it). */
export const DEVICE_AUTH_CACHE_MS = 60_000;

/** Enterprises, users, API keys and devices. */
export class DirectoryService {
  private readonly deviceCredentials: CredentialCache<AuthenticatedDevice>;
  private readonly deactivationListeners: Array<(deviceId: string) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly siteId: string,
    deviceAuthCacheMs = DEVICE_AUTH_CACHE_MS,
  ) {
    this.deviceCredentials = new CredentialCache((id, secret) => this.checkDeviceSecret(id, secret), { ttlMs: deviceAuthCacheMs });
  }

  /** Registers an enterprise after checking its tax id for its country. */
  async createEnterprise(ctx: RequestContext, input: { taxCode: string; name: string; country: 'VN' | 'CN' }): Promise<Enterprise> {
    const problem = taxCodeProblem(input.country, input.taxCode);
    if (problem) throw platformError('VALIDATION_FAILED', 'The tax code is not valid', [{ pointer: '/taxCode', code: 'TAX_CODE_INVALID', message: problem }]);
    if (await enterprises.byTaxCode(this.db, input.taxCode)) throw identityError('IDENTITY_TAX_CODE_TAKEN', `Tax code ${input.taxCode} is already registered`);
    return this.uow.run(ctx, async (w) => {
      const e: Enterprise = { id: this.ids.next('ent'), taxCode: input.taxCode, name: input.name.trim(), country: input.country, createdAt: w.now };
      await enterprises.insert(w.tx, e);
      w.emit({ type: 'enterprise.registered', subject: e.id, data: { taxCode: e.taxCode, name: e.name, country: e.country } });
      w.audit({ action: 'enterprise.register', targetType: 'enterprise', targetId: e.id, details: { taxCode: e.taxCode } });
      return e;
    }).catch((err: unknown) => rethrowUnique(err, () => identityError('IDENTITY_TAX_CODE_TAKEN', `Tax code ${input.taxCode} is already registered`)));
  }

  /** One enterprise, if the actor may see it; otherwise not found (never "forbidden", which would leak that it exists). */
  async enterprise(actor: Actor, id: string): Promise<Enterprise> {
    const e = await enterprises.byId(this.db, id);
    if (!e || !enterprisePolicy.read(actor, e)) throw identityError('IDENTITY_ENTERPRISE_NOT_FOUND', `No enterprise ${id}`);
    return e;
  }

  /** A page of the enterprises the actor may see. */
  async enterprises(actor: Actor, page: { after?: string; limit: number }): Promise<Enterprise[]> {
    if (enterprisePolicy.read(actor, { id: '\u0000' })) return enterprises.page(this.db, page);
    // Anyone else sees their own enterprise, and an actor of no enterprise none.
    return actor.enterpriseId ? enterprises.page(this.db, { ...page, onlyId: actor.enterpriseId }) : [];
  }

  /** Creates a user; a declarant must belong to an enterprise. */
  async createUser(ctx: RequestContext, input: NewUser): Promise<User> {
    const username = normalizeUsername(input.username);
    if (input.roles.includes('declarant') && !input.enterpriseId) {
      throw platformError('VALIDATION_FAILED', 'A declarant belongs to an enterprise', [{ pointer: '/enterpriseId', code: 'FIELD_REQUIRED', message: 'is required for a declarant' }]);
    }
    if (input.enterpriseId && !(await enterprises.byId(this.db, input.enterpriseId))) {
      throw platformError('VALIDATION_FAILED', 'Unknown enterprise', [{ pointer: '/enterpriseId', code: 'ENTERPRISE_UNKNOWN', message: 'does not name a registered enterprise' }]);
    }
    const passwordHash = await hashPassword(input.password);
    return this.uow.run(ctx, async (w) => {
      const user: User = {
        id: this.ids.next('usr'), username, displayName: input.displayName.trim(), roles: [...new Set(input.roles)], enterpriseId: input.enterpriseId ?? null,
        active: true, failedAttempts: 0, lockedUntil: null, createdAt: w.now,
      };
      await users.insert(w.tx, user, passwordHash);
      w.emit({ type: 'user.created', subject: user.id, data: { username, roles: user.roles, enterpriseId: user.enterpriseId } });
      w.audit({ action: 'user.create', targetType: 'user', targetId: user.id, details: { username, roles: user.roles } });
      return user;
    }).catch((err: unknown) => rethrowUnique(err, () => identityError('IDENTITY_USERNAME_TAKEN', `Username ${username} is taken`)));
  }

  /** A page of users. */
  async users(page: { after?: string; limit: number }): Promise<User[]> {
    return users.page(this.db, page);
  }

  /** Deactivates a user and ends their sessions. */
  async deactivateUser(ctx: RequestContext, id: string): Promise<User> {
    return this.uow.run(ctx, async (w) => {
      const user = await users.byId(w.tx, id);
      if (!user) throw identityError('IDENTITY_USER_NOT_FOUND', `No user ${id}`);
      await users.setActive(w.tx, id, false);
      await sessions.revokeAllOf(w.tx, id, w.now);
      w.emit({ type: 'user.deactivated', subject: id, data: {} });
      w.audit({ action: 'user.deactivate', targetType: 'user', targetId: id });
      return { ...user, active: false };
    });
  }

  /** Issues an API key for a machine client; the key is shown once and stored hashed. */
  async createApiKey(ctx: RequestContext, input: { name: string; roles: Role[]; enterpriseId?: string | null }): Promise<{ id: string; key: string }> {
    const key = `bfk_${randomToken(32)}`;
    return this.uow.run(ctx, async (w) => {
      const id = this.ids.next('key');
      await apiKeys.insert(w.tx, { id, name: input.name, keyHash: sha256Hex(key), roles: input.roles, enterpriseId: input.enterpriseId ?? null, createdBy: ctx.actor?.id ?? 'system', createdAt: w.now });
      w.audit({ action: 'api_key.create', targetType: 'api_key', targetId: id, details: { name: input.name, roles: input.roles } });
      return { id, key };
    });
  }

  /** Revokes an API key. */
  async revokeApiKey(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.run(ctx, async (w) => {
      if (!(await apiKeys.revoke(w.tx, id, w.now))) throw identityError('IDENTITY_API_KEY_NOT_FOUND', `No active API key ${id}`);
      w.audit({ action: 'api_key.revoke', targetType: 'api_key', targetId: id });
    });
  }

  /** Every API key, without secrets. */
  listApiKeys() {
    return apiKeys.list(this.db);
  }

  /** Registers a device; its secret is shown once and stored hashed. */
  async registerDevice(ctx: RequestContext, input: { id: string; kind: string; name: string; secret?: string }): Promise<{ device: Device; secret: string }> {
    const secret = input.secret ?? randomToken(24);
    const secretHash = await hashPassword(secret);
    return this.uow.run(ctx, async (w) => {
      const device: Device = { id: input.id, kind: input.kind, siteId: this.siteId, name: input.name, active: true, createdAt: w.now };
      await devices.insert(w.tx, device, secretHash);
      w.emit({ type: 'device.registered', subject: device.id, data: { kind: device.kind, siteId: device.siteId } });
      w.audit({ action: 'device.register', targetType: 'device', targetId: device.id, details: { kind: device.kind } });
      return { device, secret };
    }).catch((err: unknown) => rethrowUnique(err, () => identityError('IDENTITY_DEVICE_EXISTS', `Device ${input.id} is already registered`)));
  }

  /**
   * Deactivates a device (lost, replaced, compromised): once committed, its secret stops working
   * for HTTP reads and MQTT connections at once, and the listeners (the MQTT broker) disconnect it.
   */
  async deactivateDevice(ctx: RequestContext, id: string): Promise<Device> {
    const device = await this.uow.run(ctx, async (w) => {
      const device = await devices.deactivate(w.tx, id);
      if (!device) throw identityError('IDENTITY_DEVICE_NOT_FOUND', `No device ${id}`);
      w.emit({ type: 'device.deactivated', subject: id, data: { kind: device.kind, siteId: device.siteId } });
      w.audit({ action: 'device.deactivate', targetType: 'device', targetId: id, details: { kind: device.kind } });
      return device;
    });
    this.deviceCredentials.forget(id);
    for (const listener of this.deactivationListeners) listener(id);
    return device;
  }

  /** Calls `listener` with the id of each device deactivated from now on, after the commit. */
  onDeviceDeactivated(listener: (deviceId: string) => void): void {
    this.deactivationListeners.push(listener);
  }

  /** The roles of an active user, or null when there is no such active user (for assigning work to someone). */
  async activeUserRoles(username: string): Promise<Role[] | null> {
    const found = await users.credentials(this.db, normalizeUsername(username));
    return found && found.user.active ? found.user.roles : null;
  }

  /** Every device. */
  listDevices(): Promise<Device[]> {
    return devices.list(this.db);
  }

  /** Checks a device's secret (MQTT and HTTP device authentication); successes are remembered for a minute. */
  authenticateDevice(deviceId: string, secret: string): Promise<AuthenticatedDevice | null> {
    return this.deviceCredentials.authenticate(deviceId, secret);
  }

  private async checkDeviceSecret(deviceId: string, secret: string): Promise<AuthenticatedDevice | null> {
    const found = await devices.withSecret(this.db, deviceId);
    if (!found || !found.device.active) return null;
    if (!(await verifyPassword(secret, found.secretHash))) return null;
    return { deviceId: found.device.id, kind: found.device.kind, siteId: found.device.siteId };
  }
}

function rethrowUnique(err: unknown, conflict: () => Error): never {
  if ((err as { code?: string }).code === '23505') throw conflict();
  throw err;
}
