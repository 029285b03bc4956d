/** Row shapes of the ioc schema; only this module's stores use them. */
export interface TruckRow {
  journey_id: string; plate: string; direction: string; lane_class: string; stage: string; declaration_id: string | null;
  slot_start: Date | null; arrived_at: Date | null; stage_at: Date;
}
export interface DeclarationRow { declaration_id: string; channel: string; updated_at: Date }
export interface DeviceRow { device_id: string; kind: string; last_seen: Date; state: string | null }
export interface ClearanceRow { journey_id: string; direction: string; seconds: number; at: Date }
export interface KpiMinuteRow { minute: Date; metric: string; value: number }
export interface AlertRow {
  id: string; rule: string; severity: string; subject: string; message: string; state: string; data: unknown; raised_at: Date;
  acknowledged_at: Date | null; acknowledged_by: string | null; assignee: string | null; escalation_level: number; escalated_at: Date | null;
  resolved_at: Date | null; updated_at: Date;
}
export interface IncidentRow {
  id: string; title: string; agency: string; state: string; alert_id: string | null; opened_by: string; opened_at: Date;
  resolved_at: Date | null; resolution: string | null; updated_at: Date;
}
export interface IncidentNoteRow { incident_id: string; seq: number; at: Date; author: string; kind: string; text: string }

/** The ioc schema's tables, for `typed<Tables>`. */
export interface Tables {
  'ioc.trucks': TruckRow;
  'ioc.declarations': DeclarationRow;
  'ioc.devices': DeviceRow;
  'ioc.clearances': ClearanceRow;
  'ioc.kpi_minutes': KpiMinuteRow;
  'ioc.alerts': AlertRow;
  'ioc.incidents': IncidentRow;
  'ioc.incident_notes': IncidentNoteRow;
}
