import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_identity.ts';

/** Identity's schema and migrations. */
export const identityMigrations: ModuleMigrations = { schema: 'identity', migrations: { '0001_identity': m0001 } };
