/** Row shapes of the gate schema; only this module's stores use them. */
export interface BookingRow {
  id: string; enterprise_id: string; declaration_id: string; gate: string; direction: string; lane_class: string; slot_start: Date;
  plate: string; driver_name: string; driver_document: string; status: string; rebookings: number; created_at: Date; updated_at: Date;
}
export interface JourneyRow {
  id: string; booking_id: string; enterprise_id: string; declaration_id: string; gate: string; direction: string; lane_class: string;
  vehicle_class: string; plate: string; driver_name: string; driver_document: string; slot_start: Date; state: string; scan_selected: boolean;
  max_gross_kg: number; gross_kg: number | null; containers: unknown; customs_released_at: Date | null; exceptions: unknown; stages: unknown;
  fee: unknown; version: number; updated_at: Date; trailer_plate: string | null;
}
export interface PlateKeyRow { key: string; journey_id: string }
export interface PartnerWindowRow {
  id: string; gate: string; direction: string; lane_class: string; starts_at: Date; ends_at: Date; trucks_per_slot: number; announced_at: Date; announced_by: string;
}
export interface ReadRow { device_id: string; read_id: string; kind: string; value: string; at: Date; received_at: Date; result: unknown }
export interface ReferralRow {
  id: string; device_id: string; read_id: string; reason: string; read_value: string; candidates: unknown; created_at: Date; resolved_at: Date | null; resolution: unknown;
}

/** The gate schema's tables, for `typed<Tables>`. */
export interface Tables {
  'gate.bookings': BookingRow;
  'gate.journeys': JourneyRow;
  'gate.plate_keys': PlateKeyRow;
  'gate.partner_windows': PartnerWindowRow;
  'gate.reads': ReadRow;
  'gate.referrals': ReferralRow;
  'gate.barrier_commands': BarrierCommandRow;
  'gate.vehicles': VehicleRow;
  'gate.drivers': DriverRow;
}

/** JSON for a jsonb parameter (`pg` would send a JS array as a PostgreSQL array). */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
export interface BarrierCommandRow {
  command_id: string; device_id: string; device_kind: string; action: string; journey_id: string | null; read_id: string;
  issued_at: Date; deadline_at: Date; confirmed_at: Date | null; confirmed_state: string | null; alerted_at: Date | null;
}
export interface VehicleRow {
  id: string; plate: string; plate_key: string; country: string; kind: string; axles: number; owner_enterprise_id: string; created_at: Date; updated_at: Date;
}
export interface DriverRow {
  id: string; name: string; document_number: string; document_country: string; licence_number: string; licence_country: string;
  licence_classes: unknown; licence_expires_on: string; enterprise_id: string | null; created_at: Date; updated_at: Date;
}
