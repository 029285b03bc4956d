/**
 * TypeBox schemas of the gate's HTTP bodies and MQTT payloads (version 1). Structure and types
 * only; what a value means (plate, check digit, slot) is decided by the model.
 */
import { Type, type Static } from 'typebox';
import { BOOKING_STATUSES, DIRECTIONS, EXCEPTION_KINDS, JOURNEY_STATES, LANE_CLASSES, VEHICLE_CLASSES } from './model.ts';

const closed = { additionalProperties: false } as const;
const id = Type.String({ minLength: 1, maxLength: 100 });
const instant = Type.String({ format: 'date-time', description: 'ISO 8601 with an offset' });
const readId = Type.String({ minLength: 1, maxLength: 100, description: 'the device\'s id of this read; the same id again is a duplicate' });
const lane = Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Integer({ minimum: 0, maximum: 999 })]));

/** A plate read from a plate camera or a barrier's camera. */
export const PlateReadBody = Type.Object({
  type: Type.Literal('plate'), readId, at: instant, plate: Type.String({ minLength: 1, maxLength: 20 }), confidence: Type.Number({ minimum: 0, maximum: 1 }),
  position: Type.Union([Type.Literal('entry'), Type.Literal('weighbridge'), Type.Literal('exit')]), lane,
  imageHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the image, hex' })),
}, closed);
/** A container-number read. */
export const ContainerReadBody = Type.Object({
  type: Type.Literal('container'), readId, at: instant, container: Type.String({ minLength: 1, maxLength: 20 }), confidence: Type.Number({ minimum: 0, maximum: 1 }), lane,
  plate: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'the plate read in the same lane: ties the container to a journey and its declared containers' })),
}, closed);
/** An e-seal or seal inspection read (the e-seal module will publish these; a scanner may too). */
export const SealReadBody = Type.Object({
  type: Type.Literal('seal'), readId, at: instant, plate: Type.String({ minLength: 1, maxLength: 20 }), seal: Type.String({ minLength: 1, maxLength: 40 }),
  status: Type.Union([Type.Literal('intact'), Type.Literal('broken'), Type.Literal('tampered'), Type.Literal('missing')]),
  container: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
}, closed);
/** A crossing pass scanned at a lane, with the plate the lane's camera read. */
export const QrReadBody = Type.Object({ type: Type.Literal('qr'), readId, at: instant, token: Type.String({ minLength: 1, maxLength: 1000 }), plate: Type.String({ minLength: 1, maxLength: 20 }), driverDocument: Type.Optional(Type.String({ maxLength: 40 })) }, closed);
/** A weighbridge weight with the plate on the bridge. */
export const WeightReadBody = Type.Object({ type: Type.Literal('weight'), readId, at: instant, grossKg: Type.Integer({ minimum: 1, maximum: 200_000 }), plate: Type.String({ minLength: 1, maxLength: 20 }) }, closed);
/** A barrier reporting its state (confirming a command). */
export const BarrierStateBody = Type.Object({ type: Type.Literal('barrier-state'), readId, at: instant, state: Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('fault')]), commandId: Type.Optional(id) }, closed);
/** Any device read (`type` says which). */
export const DeviceReadBody = Type.Union([PlateReadBody, ContainerReadBody, QrReadBody, WeightReadBody, BarrierStateBody, SealReadBody]);
/** The wire type of a device read. */
export type DeviceReadWire = Static<typeof DeviceReadBody>;

/** A slot booking. */
export const BookingBody = Type.Object({
  declarationId: id, direction: Type.Enum([...DIRECTIONS]), laneClass: Type.Enum([...LANE_CLASSES]), slotStart: instant,
  plate: Type.String({ minLength: 1, maxLength: 20 }), vehicleClass: Type.Enum([...VEHICLE_CLASSES]),
  trailerPlate: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'the trailer paired with the tractor for this trip' })),
  driver: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), document: Type.String({ minLength: 1, maxLength: 40 }) }, closed),
}, closed);
/** Moving a booking. */
export const RebookBody = Type.Object({ slotStart: instant }, closed);
/** The slots query. */
export const SlotsQuery = Type.Object({ direction: Type.Enum([...DIRECTIONS]), laneClass: Type.Enum([...LANE_CLASSES]), from: instant, count: Type.Optional(Type.Integer({ minimum: 1, maximum: 96 })) }, closed);
const plateFilter = Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'any spelling of the plate (`29C-123.45` ≡ `29c12345`)' }));
const pageLimit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 }));
const pageCursor = Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '`next` of the previous page' }));
/** Listing bookings, newest slot first. */
export const BookingListQuery = Type.Object({
  status: Type.Optional(Type.Array(Type.Enum([...BOOKING_STATUSES]), { maxItems: BOOKING_STATUSES.length })),
  declarationId: Type.Optional(id), plate: plateFilter,
  from: Type.Optional(Type.String({ format: 'date-time', description: 'slots starting at or after (ISO 8601)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'slots starting before (ISO 8601)' })),
  limit: pageLimit, cursor: pageCursor,
}, closed);
/** Listing journeys, newest slot first. */
export const JourneyListQuery = Type.Object({
  state: Type.Optional(Type.Array(Type.Enum([...JOURNEY_STATES]), { maxItems: JOURNEY_STATES.length })),
  direction: Type.Optional(Type.Enum([...DIRECTIONS])), plate: plateFilter,
  since: Type.Optional(Type.String({ format: 'date-time', description: 'changed at or after (ISO 8601)' })),
  limit: pageLimit, cursor: pageCursor,
}, closed);
/** The partner side's announced capacity for a period. */
export const PartnerCapacityBody = Type.Object({
  direction: Type.Enum([...DIRECTIONS]), laneClass: Type.Enum([...LANE_CLASSES]), from: instant, to: instant, trucksPerSlot: Type.Integer({ minimum: 0, maximum: 1000 }),
}, closed);
/** An officer's override of one exception. */
export const OverrideBody = Type.Object({ exception: Type.Enum([...EXCEPTION_KINDS]), reason: Type.String({ minLength: 3, maxLength: 1000 }) }, closed);
/** Raising an exception by hand (e.g. a seal found broken). */
export const RaiseBody = Type.Object({ exception: Type.Enum([...EXCEPTION_KINDS]), detail: Type.String({ minLength: 3, maxLength: 1000 }) }, closed);
/** Call-forward. */
export const CallForwardBody = Type.Object({ count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }, closed);
/** `:id` in a path. */
export const IdParams = Type.Object({ id }, closed);

const country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
/** Registering a vehicle. */
export const VehicleBody = Type.Object({
  plate: Type.String({ minLength: 1, maxLength: 20 }), country: Type.Optional(Type.Union([Type.Literal('VN'), Type.Literal('CN')])),
  kind: Type.Union([Type.Literal('tractor'), Type.Literal('truck'), Type.Literal('trailer')]), axles: Type.Integer({ minimum: 1, maximum: 12 }),
  ownerEnterpriseId: Type.Optional(id),
}, closed);
/** Registering a driver. */
export const DriverBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  document: Type.Object({ number: Type.String({ minLength: 3, maxLength: 40 }), country }, closed),
  licence: Type.Object({
    number: Type.String({ minLength: 3, maxLength: 40 }), country, classes: Type.Array(Type.String({ minLength: 1, maxLength: 5 }), { minItems: 1, maxItems: 10 }),
    expiresOn: Type.String({ format: 'date' }),
  }, closed),
}, closed);
/** Looking a vehicle up by plate. */
export const VehicleQuery = Type.Object({ plate: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })) }, closed);
/** Looking a driver up by document. */
export const DriverQuery = Type.Object({ country, number: Type.String({ minLength: 3, maxLength: 40 }) }, closed);
/** An officer's resolution of a referral: the truck it was (one of the candidates), or none. */
export const ResolveReferralBody = Type.Object({
  journeyId: Type.Union([id, Type.Null()], { description: 'a candidate journey id, or null for none of them' }),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
}, closed);
/** The driver page's question: the pass (the capability). */
export const PassStatusBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 1000 }) }, closed);
