import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_ledger.ts';

/** The ledger's schema and migrations. */
export const ledgerMigrations: ModuleMigrations = { schema: 'ledger', migrations: { '0001_ledger': m0001 } };
