import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_risk.ts';

/** Risk's schema and migrations. */
export const riskMigrations: ModuleMigrations = { schema: 'risk', migrations: { '0001_risk': m0001 } };
