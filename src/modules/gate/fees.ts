/** The infrastructure-use fee, pure: an amount per vehicle class and an e-receipt number. */
import type { GateId, VehicleClass } from './model.ts';

/** Fee per vehicle class, in one currency (config). */
export interface FeeSchedule {
  currency: string;
  amounts: Record<VehicleClass, number>;
}

/** The default schedule (VND), until the province publishes the year's tariff. */
export const DEFAULT_FEES: FeeSchedule = { currency: 'VND', amounts: { light: 50_000, truck_2_axle: 150_000, truck_3_axle: 250_000, tractor_trailer: 400_000 } };

/** The fee of a vehicle class. */
export function feeFor(schedule: FeeSchedule, vehicleClass: VehicleClass): { amount: number; currency: string } {
  return { amount: schedule.amounts[vehicleClass], currency: schedule.currency };
}

/** An e-receipt number: `BF-{gate}-{yyyymmdd in UTC+7}-{sequence, 7 digits}`. */
export function receiptNumber(gate: GateId, at: Date, sequence: number): string {
  const local = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `BF-${gate.replace('VN-', '')}-${local}-${String(sequence).padStart(7, '0')}`;
}
