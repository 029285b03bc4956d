import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_ioc.ts';

/** The IOC's schema and migrations. */
export const iocMigrations: ModuleMigrations = { schema: 'ioc', migrations: { '0001_ioc': m0001 } };
