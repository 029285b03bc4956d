import type { ModuleMigrations } from '../../../infra/db/index.ts';
import { m0001 } from './0001_gate.ts';
import { m0002 } from './0002_gate_registry_barriers.ts';
import { m0003 } from './0003_gate_list_indexes.ts';

/** The gate's schema and migrations. */
export const gateMigrations: ModuleMigrations = { schema: 'gate', migrations: { '0001_gate': m0001, '0002_gate_registry_barriers': m0002, '0003_gate_list_indexes': m0003 } };
