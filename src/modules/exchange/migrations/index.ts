import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_exchange.ts';

/** The exchange's schema and migrations. */
export const exchangeMigrations: ModuleMigrations = { schema: 'exchange', migrations: { '0001_exchange': m0001 } };
