/** Row shapes of the customs schema; only this module's stores use them. */
export interface DeclarationRow {
  id: string; enterprise_id: string; created_by: string; version: number; state: string; content: unknown;
  type: string | null; border_gate: string | null; tractor_plate: string | null; expected_arrival: Date | null; local_reference: string | null;
  channel: string | null; risk_score: number | null; risk_reasons: unknown; assessor: string | null;
  assignee_id: string | null; assignee_name: string | null; documents_accepted: boolean; inspection: unknown; decision_reason: string | null;
  created_at: Date; updated_at: Date; submitted_at: Date | null; assessed_at: Date | null; released_at: Date | null; closed_at: Date | null;
}
export interface VersionRow { declaration_id: string; version: number; content: unknown; duties: unknown; submitted_at: Date; submitted_by: string }
export interface TimelineRow {
  declaration_id: string; seq: number; at: Date; actor_id: string; actor_name: string; actor_role: string;
  action: string; from_state: string | null; to_state: string; details: unknown;
}
export interface BlobRow { sha256: string; media_type: string; size_bytes: number; bytes: Uint8Array }
export interface DocumentRow {
  id: string; declaration_id: string; type: string; filename: string; media_type: string; size_bytes: number; sha256: string; uploaded_by: string; uploaded_at: Date;
}
export interface NoticeRow { declaration_id: string; notice: unknown; signature: string; qr: string; key_id: string; issued_at: Date }
export interface TariffVersionRow { id: string; effective_from: string | Date; loaded_at: Date; source: string; sha256: string; line_count: number }
export interface TariffLineRow { version_id: string; line: string; description: string; import_duty_rate: string | number; vat_rate: string | number }
export interface HsRow { code: string; description: string }

/** The customs schema's tables, for `typed<Tables>`. */
export interface Tables {
  'customs.declarations': DeclarationRow;
  'customs.declaration_versions': VersionRow;
  'customs.timeline': TimelineRow;
  'customs.document_blobs': BlobRow;
  'customs.documents': DocumentRow;
  'customs.release_notices': NoticeRow;
  'customs.tariff_versions': TariffVersionRow;
  'customs.tariff_lines': TariffLineRow;
  'customs.hs_subheadings': HsRow;
}

/** JSON for a jsonb parameter: `pg` would send a JS array as a PostgreSQL array otherwise. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
