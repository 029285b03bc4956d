/** The gate's settings (typed defaults; the composition root may override any of them). */
import { DEFAULT_FEES, type FeeSchedule } from './fees.ts';
import { ConfigError, type GateConfig } from '../../infra/config/index.ts';
import { VEHICLE_CLASSES, type Direction, type GateId, type LaneClass, type VehicleClass } from './model.ts';
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
  /** An `open` command not confirmed by the barrier within this many seconds raises `gate.barrier_unconfirmed`. */
  barrierConfirmSeconds: number;
  /** How often (wall time) unconfirmed barrier commands are looked for. */
  barrierCheckIntervalMs: number;
  /** A truck may pass the entry barrier this long before its slot starts… */
  slotEarlyToleranceMinutes: number;
  /** How stale (ms) the in-memory plate index may get before a read reloads it; 0 matches through the database only. */
  plateIndexMaxAgeMs: number;
  /** …and this long after its slot ends; outside, it is held (`slot_window`) until it is in time or an officer admits it. */
  slotLateToleranceMinutes: number;
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
    barrierConfirmSeconds: 10,
    barrierCheckIntervalMs: 2_000,
    plateIndexMaxAgeMs: 1_000,
    slotEarlyToleranceMinutes: 60,
    slotLateToleranceMinutes: 30,
  };
}

/** Applies the `GATE_*` overrides (`GateConfig`, docs/configuration.md) to settings; a fee for an unknown vehicle class fails naming `GATE_FEES`. */
export function withOverrides(s: GateSettings, o: GateConfig): GateSettings {
  const unknown = Object.keys(o.fees ?? {}).filter((k) => !(VEHICLE_CLASSES as readonly string[]).includes(k));
  if (unknown.length > 0) throw new ConfigError([{ variable: 'GATE_FEES', message: `unknown vehicle class ${unknown.join(', ')} (use ${VEHICLE_CLASSES.join(', ')})` }]);
  const lanes = o.laneTrucksPerHour === null ? s.lanes : Object.fromEntries(Object.entries(s.lanes).map(([k, l]) => [k, { ...l!, trucksPerHourPerLane: o.laneTrucksPerHour! }]));
  return {
    ...s, lanes,
    yardCapacity: o.yardCapacity ?? s.yardCapacity,
    noShowGraceMinutes: o.noShowGraceMinutes ?? s.noShowGraceMinutes,
    barrierConfirmSeconds: o.barrierConfirmSeconds ?? s.barrierConfirmSeconds,
    slotEarlyToleranceMinutes: o.slotEarlyMinutes ?? s.slotEarlyToleranceMinutes,
    slotLateToleranceMinutes: o.slotLateMinutes ?? s.slotLateToleranceMinutes,
    plateIndexMaxAgeMs: o.plateIndexMaxAgeMs ?? s.plateIndexMaxAgeMs,
    fees: o.fees ? { ...s.fees, amounts: { ...s.fees.amounts, ...(o.fees as Partial<GateSettings['fees']['amounts']>) } } : s.fees,
  };
}
