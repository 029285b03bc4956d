/**
 * Identity: enterprises, users and roles, sign-in (sessions and API keys), devices and their
 * secrets. Other modules use the `Actor` from infra/auth and ask this module's services.
 */
import type { Clock } from '../../infra/clock/index.ts';
import type { Db } from '../../infra/db/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { RateLimiter, type HttpApp } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import { AuthService, type AuthSettings } from './auth-service.ts';
import { seedDemo } from './demo.ts';
import { DirectoryService } from './directory-service.ts';
import { identityMigrations } from './migrations/index.ts';
import { authRoutes, directoryRoutes } from './routes.ts';

export { AuthService, type AuthSettings, type LoginResult } from './auth-service.ts';
export { DirectoryService, type NewUser } from './directory-service.ts';
export { DEMO_PASSWORD, DEMO_USERS, DEMO_ENTERPRISES } from './demo.ts';
export { identityMigrations } from './migrations/index.ts';
export { isValidVietnameseTaxCode, isValidChineseCreditCode, vietnameseTaxCodeFrom, type Enterprise, type User, type Device } from './model.ts';
export { identityError } from './errors.ts';

/** What the identity module needs from the composition root. */
export interface IdentityDeps {
  db: Db;
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
  siteId: string;
  settings: AuthSettings;
  secureCookies: boolean;
}

/** The identity module, wired. */
export interface IdentityModule {
  auth: AuthService;
  directory: DirectoryService;
  /** Mounts /api/auth and /api/identity. */
  register(app: HttpApp): Promise<void>;
  /** Creates the demo enterprises and users that are missing. */
  seedDemo(): Promise<number>;
}

/** Builds the identity module. */
export function createIdentityModule(deps: IdentityDeps): IdentityModule {
  // 30 sign-in attempts per 5 minutes per source address, before account lockout is even reached.
  const limiter = new RateLimiter(deps.clock, 30, 5 * 60_000);
  const auth = new AuthService(deps.db, deps.uow, deps.clock, deps.ids, limiter, deps.settings);
  const directory = new DirectoryService(deps.db, deps.uow, deps.ids, deps.siteId);
  return {
    auth,
    directory,
    async register(app) {
      await app.register(authRoutes(auth, directory, deps.secureCookies), { prefix: '/api/auth' });
      await app.register(directoryRoutes(directory), { prefix: '/api/identity' });
    },
    seedDemo: () => seedDemo(deps.db, directory),
  };
}

export const migrations = identityMigrations;
