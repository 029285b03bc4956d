/** The gate's settings (typed defaults; the composition root may override any of them). */
import { DEFAULT_FEES, type FeeSchedule } from './fees.ts';
import type { Direction, GateId, LaneClass, VehicleClass } from './model.ts';
import type { LaneConfig } from './slots.ts';

/** Everything the gate module is configured with. */
export interface GateSettings {
  /** The gate this site runs. */
  gate: GateId;
  /** Our lanes per `direction/laneClass`. */
  lanes: Partial<Record<`${Direction}/${LaneClass}`, LaneConfig>>;
  /** Active bookings an enterprise may hold at once (slot hoarding). */
  maxActiveBookingsPerEnterprise: number;
  /** How often one booking may be moved to another slot. */
  maxRebookings: number;
  /** No rebooking closer than this to the booked slot's start. */
  rebookCutoffMinutes: number;
  /** A truck not arrived this long after its slot started is a no-show; its slot is released. */
  noShowGraceMinutes: number;
  /** How long the pass stays valid after the slot starts. */
  passValidityMinutes: number;
  /** The same value from the same device within this many seconds is the same read. */
  duplicateReadSeconds: number;
  /** Share of call-forwards perishables may take ahead of general cargo. */
  perishableQuota: number;
  /** Trucks per hour the weighbridge and inspection stage serve (wait estimates). */
  serviceTrucksPerHour: number;
  /** Trucks allowed called forward but not yet weighed at once. */
  calledForwardCapacity: number;
  /** Trucks the yard holds. */
  yardCapacity: number;
  /** Maximum gross mass per vehicle class (kg), for the overweight check. */
  maxGrossKg: Record<VehicleClass, number>;
  fees: FeeSchedule;
  /** How long a device's successful authentication is reused. */
  deviceAuthCacheMs: number;
}

/** Defaults for Móng Cái: two general lanes and one perishable lane each way, one AGV lane out. */
export function defaultGateSettings(gate: GateId = 'VN-MONGCAI'): GateSettings {
  return {
    gate,
    lanes: {
      'inbound/general': { lanes: 2, trucksPerHourPerLane: 12 },
      'inbound/perishable': { lanes: 1, trucksPerHourPerLane: 12 },
      'outbound/general': { lanes: 2, trucksPerHourPerLane: 12 },
      'outbound/perishable': { lanes: 1, trucksPerHourPerLane: 12 },
      'outbound/agv': { lanes: 1, trucksPerHourPerLane: 20 },
    },
    maxActiveBookingsPerEnterprise: 20,
    maxRebookings: 2,
    rebookCutoffMinutes: 60,
    noShowGraceMinutes: 60,
    passValidityMinutes: 24 * 60,
    duplicateReadSeconds: 10,
    perishableQuota: 0.5,
    serviceTrucksPerHour: 30,
    calledForwardCapacity: 4,
    yardCapacity: 2500,
    maxGrossKg: { light: 3_500, truck_2_axle: 16_000, truck_3_axle: 24_000, tractor_trailer: 48_000 },
    fees: DEFAULT_FEES,
    deviceAuthCacheMs: 60_000,
  };
}
