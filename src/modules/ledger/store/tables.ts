/** A bigint column: read as text by `pg`, written and compared as a number. */
export type BigintColumn = string | number;

/** Row shapes of the ledger schema (see migrations/0001_ledger.ts). */
export interface HeadRow { id: number; size: BigintColumn; frontier: Buffer }
export interface EntryRow {
  idx: BigintColumn; source_id: string; type: string; subject: string; occurred_at: string; content_sha256: string; appended_at: Date;
}
export interface NodeRow { level: number; idx: BigintColumn; hash: Buffer }
export interface CheckpointRow { size: BigintColumn; root_hash: Buffer; note: string; issued_at: Date }
export interface CosignatureRow { size: BigintColumn; cosigner: string; key_id: string; signed_at: BigintColumn; line: string; received_at: Date }
export interface PeerRow { origin: string; size: BigintColumn; root_hash: Buffer; note: string; seen_at: Date }
export interface ForkRow {
  id: string; origin: string; reason: string; detail: string; known_note: string | null; offending_note: string; proof: string[]; detected_at: Date;
}

/** The ledger schema's tables. */
export interface Tables {
  'ledger.head': HeadRow;
  'ledger.entries': EntryRow;
  'ledger.nodes': NodeRow;
  'ledger.checkpoints': CheckpointRow;
  'ledger.cosignatures': CosignatureRow;
  'ledger.peers': PeerRow;
  'ledger.peer_checkpoints': PeerRow;
  'ledger.forks': ForkRow;
}
