/** The gate's domain types: crossing slots, bookings, journeys and device reads. */

/** Border gates (the customs module's `borderGate` values). */
export const GATES = ['VN-HUUNGHI', 'VN-TANTHANH', 'VN-MONGCAI'] as const;
/** A border gate. */
export type GateId = (typeof GATES)[number];
/** `inbound` is CN→VN, `outbound` VN→CN (as on the declaration). */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** A crossing direction. */
export type Direction = (typeof DIRECTIONS)[number];
/** Lane classes: general goods, perishables (priority within a quota), AGV transfer. */
export const LANE_CLASSES = ['general', 'perishable', 'agv'] as const;
/** A lane class. */
export type LaneClass = (typeof LANE_CLASSES)[number];
/** Vehicle classes the infrastructure-use fee is charged by. */
export const VEHICLE_CLASSES = ['light', 'truck_2_axle', 'truck_3_axle', 'tractor_trailer'] as const;
/** A vehicle class. */
export type VehicleClass = (typeof VEHICLE_CLASSES)[number];

/** Where a truck is on its way through the gate (diagram: journey.md). */
export const JOURNEY_STATES = [
  'expected', 'arrived', 'in_yard', 'called_forward', 'weighed', 'scanned', 'released', 'border_checked', 'exited', 'handed_to_agv', 'cancelled', 'no_show',
] as const;
/** A journey state. */
export type JourneyState = (typeof JOURNEY_STATES)[number];

/** What stops a truck until it is resolved (or overridden by an officer with a reason). */
export const EXCEPTION_KINDS = ['overweight', 'plate_mismatch', 'declaration_not_released', 'seal_problem', 'container_mismatch', 'slot_window'] as const;
/** An exception kind. */
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** An exception raised on a journey. */
export interface JourneyException {
  kind: ExceptionKind;
  detail: string;
  raisedAt: Date;
  resolvedAt: Date | null;
  /** Who resolved it and why; an override always carries a reason. */
  resolution: { by: string; reason: string; override: boolean } | null;
}

/** One stage reached, with its time: the clearance record. */
export interface StageStamp {
  stage: JourneyState;
  at: Date;
  by: string;
}

/** One truck's crossing, from its booking to the exit. */
export interface Journey {
  id: string;
  bookingId: string;
  enterpriseId: string;
  declarationId: string;
  gate: GateId;
  direction: Direction;
  laneClass: LaneClass;
  vehicleClass: VehicleClass;
  plate: string;
  /** The trailer paired with the tractor for this trip, when there is one. */
  trailerPlate: string | null;
  driverName: string;
  driverDocument: string;
  slotStart: Date;
  state: JourneyState;
  scanSelected: boolean;
  maxGrossKg: number;
  grossKg: number | null;
  containers: string[];
  customsReleasedAt: Date | null;
  exceptions: JourneyException[];
  stages: StageStamp[];
  fee: { amount: number; currency: string; receipt: string; paid: boolean } | null;
  version: number;
}

/** Where a booking stands: held, used by its truck, cancelled, or lapsed without the truck. */
export const BOOKING_STATUSES = ['active', 'used', 'cancelled', 'no_show'] as const;
/** A booking status. */
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** A booking of a crossing slot: what the declarant holds, bound to plate and driver. */
export interface Booking {
  id: string;
  enterpriseId: string;
  declarationId: string;
  gate: GateId;
  direction: Direction;
  laneClass: LaneClass;
  slotStart: Date;
  plate: string;
  driverName: string;
  driverDocument: string;
  status: BookingStatus;
  rebookings: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Open (unresolved) exceptions of a journey. */
export function openExceptions(j: Pick<Journey, 'exceptions'>): JourneyException[] {
  return j.exceptions.filter((e) => e.resolvedAt === null);
}
