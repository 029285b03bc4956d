import type { Executor } from '../../infra/db/index.ts';
import type { DeclarationState } from './model.ts';
import { declarations } from './store/declarations.ts';

/** What the gate needs to know about a declaration to book a crossing slot for it. */
export interface DeclarationForGate {
  id: string;
  enterpriseId: string;
  state: DeclarationState;
  channel: 'green' | 'yellow' | 'red' | null;
  type: string | null;
  direction: 'inbound' | 'outbound' | null;
  borderGate: string | null;
  /** Normalised as stored (`29C-123.45`, `桂A12345`). */
  tractorPlate: string | null;
  trailerPlate: string | null;
  driverDocument: string | null;
  containers: string[];
  grossMassKg: number;
  scanSelected: boolean;
  released: boolean;
}

/** The gate's view of one declaration, or null when there is none (the gate checks ownership). */
export async function declarationForGate(db: Executor, id: string): Promise<DeclarationForGate | null> {
  const d = await declarations.byId(db, id);
  if (!d) return null;
  const c = d.content;
  const t = c.consignment?.transport ?? {};
  return {
    id: d.id, enterpriseId: d.enterpriseId, state: d.state, channel: d.channel, type: c.type ?? null, direction: c.direction ?? null,
    borderGate: c.borderGate ?? null, tractorPlate: t.tractorPlate ?? null, trailerPlate: t.trailerPlate ?? null, driverDocument: t.driverDocument ?? null,
    containers: (c.consignment?.equipment ?? []).map((e) => e.containerNumber ?? '').filter(Boolean),
    grossMassKg: (c.goods ?? []).reduce((s, g) => s + (g.grossMassKg ?? 0), 0),
    scanSelected: d.inspection?.kind === 'scanner' && d.inspection.outcome === null,
    released: d.state === 'released',
  };
}
