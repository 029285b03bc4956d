/** Row shapes of the risk schema; only this module's stores use them. */
export interface RuleSetRow {
  id: string; version: number; effective_from: Date; published_at: Date; published_by_id: string; published_by_name: string; note: string; config: unknown;
}
export interface ModelRow {
  id: string; version: number; format: string; feature_set: string; source: string; status: string; created_at: Date; created_by_id: string;
  created_by_name: string; note: string; metrics: unknown; sha256: string; body: string; activated_at: Date | null; activated_by: string | null;
}
export interface CalibrationRow {
  id: string; created_at: Date; created_by_id: string; created_by_name: string; rule_set_id: string; model_id: string | null; targets: unknown;
  thresholds: unknown; achieved: unknown; rows: number; window_from: Date; window_to: Date; notes: unknown;
}
export interface AssessmentRow {
  id: string; declaration_id: string; declaration_version: number; assessed_at: Date; importer_tax_id: string; rule_set_id: string;
  model_id: string | null; calibration_id: string | null; score: number; channel: string; input: unknown; result: unknown; result_sha256: string;
  keys: unknown; applied: boolean;
}
export interface ItemValueRow {
  assessment_id: string; declaration_id: string; hs8: string; hs6: string; origin: string; measure: string; log_value: number; assessed_at: Date; excluded: boolean;
}
export interface KeyStatsRow { key: string; declarations: number; inspections: number; hits: number }
export interface LabelRow {
  declaration_id: string; declaration_version: number; outcome: string; label: number; inspected_at: Date; assessment_id: string | null; event_id: string;
}
export interface PartnerExportRow { consignment_ref: string; received_at: Date; source: string; record: unknown }
export interface PartnerKeyRow { key: string; consignment_ref: string }

/** The risk schema's tables, for `typed<Tables>`. */
export interface Tables {
  'risk.rule_sets': RuleSetRow;
  'risk.models': ModelRow;
  'risk.calibrations': CalibrationRow;
  'risk.assessments': AssessmentRow;
  'risk.item_values': ItemValueRow;
  'risk.key_stats': KeyStatsRow;
  'risk.labels': LabelRow;
  'risk.partner_exports': PartnerExportRow;
  'risk.partner_keys': PartnerKeyRow;
}

/** JSON for a jsonb parameter: `pg` would send a JS array as a PostgreSQL array otherwise. */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** An ISO string of a timestamptz column (the driver gives a Date; PGlite may give a string). */
export function iso(v: Date | string): string {
  return new Date(v).toISOString();
}
