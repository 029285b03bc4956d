import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_customs.ts';

/** Customs' schema and migrations. */
export const customsMigrations: ModuleMigrations = { schema: 'customs', migrations: { '0001_customs': m0001 } };
