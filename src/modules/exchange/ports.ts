import type { RequestContext } from '../../infra/auth/index.ts';
import type { Executor } from '../../infra/db/index.ts';

/** The partner's export data as risk's partner-mismatch rule takes it (risk's `PartnerExportInput`). */
export interface PartnerExportForRisk {
  consignmentRef: string;
  source: string;
  exporterTaxId?: string;
  tractorPlate?: string;
  containers?: string[];
  goods: Array<{ hsCode: string; netMassKg: number; grossMassKg?: number; value: { amount: number; currency: string }; quantity?: number }>;
}

/** A partner's announced capacity as the gate takes it (our direction: inbound is CN → VN). */
export interface PartnerCapacity {
  direction: 'inbound' | 'outbound';
  laneClass: 'general' | 'perishable' | 'agv';
  from: Date;
  to: Date;
  trucksPerSlot: number;
}

/** What an outgoing notice needs of one of our declarations (customs' `declarationForGate`). */
export interface DeclarationSummary {
  id: string;
  type: string | null;
  direction: string | null;
  grossMassKg: number;
}

/** The ledger's witness, as the exchange calls it (`ledger.witness`). */
export interface LedgerWitness {
  witness(ctx: RequestContext, req: { verifierKey: string; checkpoint: string; proof: readonly string[] }): Promise<
    { ok: true; cosigned: string; size: number } | { ok: false; code: string; detail: string; fork: string | null }
  >;
  acceptCosignature(ctx: RequestContext, req: { verifierKey: string; cosigned: string }): Promise<{ ok: true; size: number } | { ok: false; code: string; detail: string }>;
  requestFor(witnessVerifierKey: string): Promise<{ checkpoint: string; proof: string[]; fromSize: number | null }>;
}

/**
 * What the exchange needs from other modules, wired by the composition root. Each is optional:
 * a missing port leaves its message type stored but without effect.
 */
export interface ExchangePorts {
  /** Risk's `storePartnerExport`. */
  storePartnerExport?(ctx: RequestContext, input: PartnerExportForRisk): Promise<unknown>;
  /** The gate's partner capacity (`gate.bookings.announcePartnerCapacity`). */
  announcePartnerCapacity?(ctx: RequestContext, capacity: PartnerCapacity): Promise<unknown>;
  /** Witnessing (the ledger). */
  witness?: LedgerWitness;
  /** One of our declarations, read in the caller's transaction. */
  declaration?(x: Executor, id: string): Promise<DeclarationSummary | null>;
  /** The tax code of an enterprise (identity), to find an importer's advance data. */
  enterpriseTaxCode?(enterpriseId: string): Promise<string | null>;
  /** Creates a draft declaration through customs; returns its id. */
  createDraft?(ctx: RequestContext, content: Record<string, unknown>): Promise<{ id: string }>;
  /** A declaration's content as the actor may see it (customs), to compare with advance data. */
  declarationContent?(ctx: RequestContext, id: string): Promise<Record<string, unknown>>;
}
