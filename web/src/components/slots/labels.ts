/** Small pure helpers of the "Crossing slots" page: classes, days and times in Vietnam time. */
import { isMessageKey, type Translate } from '../../i18n/index.tsx';
import type { Vehicle } from '../../slots/api.ts';

/** Lane classes a slot can be booked in. */
export const LANE_CLASSES = ['general', 'perishable', 'agv'] as const;
/** Vehicle classes the fee is charged by. */
export const VEHICLE_CLASSES = ['light', 'truck_2_axle', 'truck_3_axle', 'tractor_trailer'] as const;
/** Declaration states that cannot be booked (the gate refuses them). */
export const UNBOOKABLE_STATES: readonly string[] = ['draft', 'cancelled', 'rejected'];

const VN_OFFSET_MS = 7 * 3_600_000;

/** The translation of `prefix + code`, or the code itself for one this UI does not know. */
export function label(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** The day (YYYY-MM-DD) in Vietnam time of an instant. */
export function vnDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `HH:mm` in Vietnam time. */
export function vnTime(iso: string): string {
  return new Date(new Date(iso).getTime() + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/** Letters and digits only, upper case: two spellings of one plate compare equal. */
export function compactPlate(plate: string): string {
  return plate.normalize('NFKC').replace(/[\s\-.·•_]/g, '').toUpperCase();
}

/** The registered vehicle with this plate, if any. */
export function vehicleWithPlate(vehicles: readonly Vehicle[], plate: string): Vehicle | undefined {
  const key = compactPlate(plate);
  return vehicles.find((v) => compactPlate(v.plate) === key);
}

/** The fee class of a registered vehicle; a tractor crosses with its trailer. */
export function vehicleClassOf(v: Vehicle | undefined, hasTrailer: boolean): (typeof VEHICLE_CLASSES)[number] {
  if (v?.kind === 'tractor' || (!v && hasTrailer)) return 'tractor_trailer';
  if (v?.kind === 'truck') return v.axles >= 3 ? 'truck_3_axle' : 'truck_2_axle';
  return 'truck_2_axle';
}
