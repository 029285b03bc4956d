/**
 * The scenario file schema (TypeBox → JSON Schema, checked by ajv with all errors). Times of day
 * are "HH:MM" local time on the scenario's date; durations are minutes.
 */
import { Type, type Static, type TSchema } from 'typebox';

const closed = { additionalProperties: false } as const;
const count = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000, description });
const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const positive = (description?: string) => Type.Number({ exclusiveMinimum: 0, ...(description ? { description } : {}) });
const TimeOfDay = Type.String({ pattern: '^([01][0-9]|2[0-4]):[0-5][0-9]$', description: 'local time of day, HH:MM (24:00 = end of day)' });
const opt = <T extends TSchema>(t: T) => Type.Optional(t);

/** A distribution of a duration in minutes. */
export const Distribution = Type.Union([
  Type.Object({ dist: Type.Literal('constant'), value: Type.Number({ minimum: 0 }) }, closed),
  Type.Object({ dist: Type.Literal('uniform'), min: Type.Number({ minimum: 0 }), max: Type.Number({ minimum: 0 }) }, closed),
  Type.Object({ dist: Type.Literal('exponential'), mean: positive() }, closed),
  Type.Object({ dist: Type.Literal('erlang'), k: Type.Integer({ minimum: 1, maximum: 100 }), mean: positive() }, closed),
  Type.Object({ dist: Type.Literal('lognormal'), mean: positive(), sd: positive() }, closed),
  Type.Object({ dist: Type.Literal('normal'), mean: Type.Number(), sd: Type.Number({ minimum: 0 }), min: opt(Type.Number()) }, closed),
  Type.Object({ dist: Type.Literal('triangular'), min: Type.Number({ minimum: 0 }), mode: Type.Number({ minimum: 0 }), max: Type.Number({ minimum: 0 }) }, closed),
  Type.Object({ dist: Type.Literal('empirical'), values: Type.Array(Type.Number({ minimum: 0 }), { minItems: 1 }), weights: opt(Type.Array(Type.Number({ minimum: 0 }), { minItems: 1 })) }, closed),
]);

const Hours = Type.Object({ open: TimeOfDay, close: TimeOfDay }, closed);
const PerDirection = (what: string) => Type.Object({ import: count(`${what}, CN→VN`), export: count(`${what}, VN→CN`) }, closed);
const ChannelMix = Type.Object({ green: share('share of green-channel declarations'), yellow: share('yellow: document check'), red: share('red: document check and inspection') }, closed);
const Inspection = Type.Object({ scan: share('share scanned'), physical: share('share physically inspected') }, closed);
const Direction = Type.Union([Type.Literal('import'), Type.Literal('export')]);

/** The resources a failure can take units away from. */
export const FailableResource = Type.Union(['scanners', 'weighbridges', 'egateLanes', 'agvs', 'entryLanes.import', 'entryLanes.export', 'exitLanes.import', 'exitLanes.export'].map((r) => Type.Literal(r)));

/** A whole scenario. */
export const Scenario = Type.Object({
  name: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 64 }),
  description: Type.String({ maxLength: 2000 }),
  sources: Type.Array(Type.String({ maxLength: 500 }), { description: 'where the numbers come from' }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the simulated day (UTC+7 local)' }),
  horizonHours: Type.Number({ minimum: 24, maximum: 72, description: 'the run stops at this hour after midnight; what is still in the system is reported' }),
  policy: Type.Union([Type.Literal('booked-slots'), Type.Literal('fcfs')], { description: 'booked crossing slots or first come, first served' }),
  site: Type.Object({
    entryLanes: PerDirection('truck entry lanes (plate read, document check at the outer gate)'),
    exitLanes: PerDirection('truck exit lanes (exit barrier)'),
    yardPlaces: count('truck places in the customs yard'),
    weighbridges: count('weighbridges'),
    scanners: count('container/vehicle scanners'),
    egateLanes: count('automated people lanes'),
    agvs: count('AGVs on the dedicated export corridor (0: no AGV lane)'),
  }, closed),
  hours: Type.Object({ trucks: Hours, people: Hours }, closed),
  staffing: Type.Array(Type.Object({
    from: TimeOfDay, to: TimeOfDay,
    customsOfficers: count('officers for document checks and physical inspections'),
    borderGuards: count('staffed manual passport counters'),
  }, closed), { minItems: 1, description: 'shifts; outside every shift nobody is on duty' }),
  profiles: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.Array(Type.Number({ minimum: 0 }), { minItems: 24, maxItems: 24, description: 'relative arrivals per hour 00–23' })),
  trucks: Type.Object({
    flows: Type.Array(Type.Object({
      direction: Direction,
      goodsClass: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 32 }),
      perDay: count('trucks per day that set out (no-shows included)'),
      profile: Type.String({ description: 'name of an entry in /profiles' }),
      priority: opt(Type.Boolean({ description: 'served ahead of others at every stage (perishables green lane)' })),
      channels: ChannelMix,
      agvShare: opt(share('exports only: share of containers that cross on the AGV corridor')),
    }, closed), { minItems: 1 }),
  }, closed),
  people: Type.Object({
    flows: Type.Array(Type.Object({
      direction: Type.Union([Type.Literal('entry'), Type.Literal('exit')], { description: 'entry into or exit from Viet Nam' }),
      perDay: count('people per day'),
      profile: Type.String({ description: 'name of an entry in /profiles' }),
      egateShare: share('share eligible for and choosing the e-gate'),
    }, closed)),
    egateReferralRate: share('share of e-gate users referred to a manual counter'),
  }, closed),
  booking: Type.Object({
    bookedShare: share('share of trucks that book a slot (booked-slots policy)'),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    slotCapacity: count('trucks per slot, both directions'),
    onTime: share('booked trucks arriving within their slot'),
    early: share('booked trucks arriving before their slot (held until it starts)'),
    late: share('booked trucks arriving after their slot (lose their priority)'),
    noShow: share('trucks that never come (a booked slot is wasted)'),
    earlyBy: Distribution,
    lateBy: Distribution,
  }, closed),
  inspection: Type.Object({ green: Inspection, yellow: Inspection, red: Inspection }, closed),
  service: Type.Object({
    gateIn: Distribution, weighbridge: Distribution, documentCheck: Distribution, scan: Distribution,
    physicalInspection: Distribution, manualFallback: Distribution, gateOut: Distribution, agvTrip: Distribution,
    egate: Distribution, manualPassport: Distribution, referral: Distribution,
  }, closed),
  failures: Type.Array(Type.Union([
    Type.Object({ kind: Type.Literal('resource-down'), resource: FailableResource, units: Type.Integer({ minimum: 1 }), from: TimeOfDay, to: TimeOfDay }, closed),
    Type.Object({ kind: Type.Literal('partner-link-down'), from: TimeOfDay, to: TimeOfDay }, closed),
  ])),
}, { ...closed, description: 'a Borderflow twin scenario' });

/** A validated scenario. */
export type Scenario = Static<typeof Scenario>;
/** A truck flow of a scenario. */
export type TruckFlow = Scenario['trucks']['flows'][number];
/** A failure of a scenario. */
export type Failure = Scenario['failures'][number];
