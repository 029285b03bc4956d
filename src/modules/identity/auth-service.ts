import type { Actor, Authenticator, RequestContext } from '../../infra/auth/index.ts';
import type { Clock } from '../../infra/clock/index.ts';
import { hashPassword, randomToken, sha256Hex, verifyPassword } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { platformError } from '../../infra/errors/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import type { RateLimiter } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { identityError } from './errors.ts';
import { afterFailedLogin, lockState, normalizeUsername, type User } from './model.ts';
import { apiKeys, sessions, users } from './store.ts';

/** Settings for sign-in. */
export interface AuthSettings {
  sessionTtlMinutes: number;
  loginMaxAttempts: number;
  loginLockoutMinutes: number;
}

/** A successful sign-in: the token (also the cookie value) and who signed in. */
export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

// Resolved sessions are cached briefly so a busy API does not look every token up; a logout
// here evicts at once, another instance may honour a revoked token for up to this long.
const CACHE_MS = 15_000;

// Equalises timing between unknown users and wrong passwords.
const DUMMY_HASH = hashPassword('not-a-real-password');

/** Sign-in, sign-out and resolving credentials to actors. */
export class AuthService implements Authenticator {
  readonly #cache = new Map<string, { actor: Actor; expiresAt: number; cachedAt: number }>();

  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly limiter: RateLimiter,
    private readonly settings: AuthSettings,
  ) {}

  /** Checks the password; counts failures, locks the account after too many, audits both outcomes. */
  async login(ctx: RequestContext, username: string, password: string): Promise<LoginResult> {
    const wait = this.limiter.hit(`login:${ctx.sourceIp ?? 'unknown'}`);
    if (wait > 0) throw platformError('RATE_LIMITED', 'Too many sign-in attempts from this address', undefined, { retryAfterSeconds: wait });
    const name = normalizeUsername(username);
    const found = await users.credentials(this.db, name);
    const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH));
    const now = this.clock.now();
    if (!found || !found.user.active) {
      await this.#auditFailure(ctx, name, null, 'unknown or inactive user');
      throw identityError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password');
    }
    const lock = lockState(found.user, now);
    if (lock.locked) {
      await this.#auditFailure(ctx, name, found.user.id, 'account locked');
      throw lockedOut(lock.until, now);
    }
    if (!passwordOk) {
      const state = await this.uow.run(ctx, async (w) => {
        const current = await users.credentials(w.tx, name, true);
        const next = afterFailedLogin(current?.user ?? found.user, w.now, this.settings.loginMaxAttempts, this.settings.loginLockoutMinutes);
        await users.setLoginState(w.tx, found.user.id, next);
        w.audit({ action: 'auth.login', targetType: 'user', targetId: found.user.id, outcome: 'failed', details: { reason: 'wrong password', locked: next.lockedUntil !== null } });
        return next;
      });
      if (state.lockedUntil) throw lockedOut(state.lockedUntil, now);
      throw identityError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password');
    }
    const token = `bfs_${randomToken(32)}`;
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlMinutes * 60_000);
    const actorCtx = { ...ctx, actor: toActor(found.user) };
    await this.uow.run(actorCtx, async (w) => {
      await users.setLoginState(w.tx, found.user.id, { failedAttempts: 0, lockedUntil: null });
      const sessionId = this.ids.next('ses');
      await sessions.insert(w.tx, { id: sessionId, tokenHash: sha256Hex(token), userId: found.user.id, createdAt: w.now, expiresAt });
      w.emit({ type: 'session.started', subject: found.user.id, data: { sessionId, expiresAt: expiresAt.toISOString() } });
      w.audit({ action: 'auth.login', targetType: 'user', targetId: found.user.id, details: { sessionId } });
    });
    return { token, expiresAt, user: found.user };
  }

  /** Ends the session of this token. */
  async logout(ctx: RequestContext, token: string): Promise<void> {
    const hash = sha256Hex(token);
    this.#cache.delete(hash);
    await this.uow.run(ctx, async (w) => {
      const sessionId = await sessions.revoke(w.tx, hash, w.now);
      w.audit({ action: 'auth.logout', targetType: 'session', targetId: sessionId, outcome: sessionId ? 'success' : 'failed' });
    });
  }

  /** Resolves a session token (bearer or cookie) or an API key to an actor. */
  async authenticate(credential: { bearer?: string; session?: string; apiKey?: string }): Promise<Actor | 'expired' | 'invalid' | null> {
    if (credential.apiKey) return this.#byApiKey(credential.apiKey);
    const token = credential.bearer ?? credential.session;
    if (!token) return null;
    if (token.startsWith('bfk_')) return this.#byApiKey(token);
    const hash = sha256Hex(token);
    const now = this.clock.now().getTime();
    const cached = this.#cache.get(hash);
    if (cached && now - cached.cachedAt < CACHE_MS) return cached.expiresAt > now ? cached.actor : 'expired';
    const found = await sessions.withUser(this.db, hash);
    if (!found || found.revoked || !found.user.active) return 'invalid';
    if (found.expiresAt.getTime() <= now) return 'expired';
    const actor = toActor(found.user);
    if (this.#cache.size > 50_000) this.#cache.clear();
    this.#cache.set(hash, { actor, expiresAt: found.expiresAt.getTime(), cachedAt: now });
    return actor;
  }

  /** The user behind an actor, for `GET /api/auth/me`. */
  async currentUser(actor: Actor): Promise<User | null> {
    return actor.kind === 'user' ? users.byId(this.db, actor.id) : null;
  }

  async #byApiKey(key: string): Promise<Actor | 'invalid'> {
    const row = await apiKeys.byHash(this.db, sha256Hex(key));
    if (!row || row.revoked_at) return 'invalid';
    return { kind: 'api_key', id: row.id, name: row.name, roles: row.roles as Actor['roles'], enterpriseId: row.enterprise_id };
  }

  async #auditFailure(ctx: RequestContext, username: string, userId: string | null, reason: string): Promise<void> {
    await this.uow.run(ctx, async (w) => {
      w.audit({ action: 'auth.login', targetType: 'user', targetId: userId ?? `username:${username}`, outcome: 'failed', details: { reason } });
    });
  }
}

/** The actor a user acts as. */
export function toActor(user: User): Actor {
  return { kind: 'user', id: user.id, name: user.username, roles: user.roles, enterpriseId: user.enterpriseId };
}

function lockedOut(until: Date, now: Date) {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return identityError('AUTH_LOCKED_OUT', `Too many failed sign-ins; try again after ${until.toISOString()}`, undefined, { retryAfterSeconds });
}
