/**
 * TypeBox schemas of the risk HTTP bodies and queries. They check structure and ranges; what only
 * a whole rule set can say (codes, thresholds in order) is `ruleConfigProblems`.
 */
import { Type, type TSchema } from 'typebox';

const closed = { additionalProperties: false } as const;
const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const opt = <T extends TSchema>(t: T) => Type.Optional(t);
const ForcedChannel = Type.Union([Type.Literal('yellow'), Type.Literal('red'), Type.Null()], { description: 'the least channel a hit forces; null: it only raises the score' });
const Weight = share('how much a hit raises the rule score (noisy-OR)');

const WatchEntry = Type.Object({
  value: Type.String({ minLength: 1, maxLength: 64, description: 'tax id, HS prefix (2–8 digits), ISO country code or plate' }),
  note: opt(Type.String({ maxLength: 500 })),
  channel: opt(ForcedChannel),
  weight: opt(Weight),
}, closed);
const list = Type.Array(WatchEntry, { maxItems: 10_000 });

/** The sections a supervisor may change; anything left out keeps the previous version's value. */
export const RulePatch = Type.Object({
  currencyToUsd: opt(Type.Record(Type.String({ pattern: '^[A-Z]{3}$' }), Type.Number({ exclusiveMinimum: 0 }), { description: 'USD per unit of each currency' })),
  watchlists: opt(Type.Object({ parties: opt(list), hsCodes: opt(list), countries: opt(list), plates: opt(list) }, closed)),
  unitValue: opt(Type.Object({
    enabled: opt(Type.Boolean()), minSample: opt(Type.Integer({ minimum: 3, maximum: 100_000 })), window: opt(Type.Integer({ minimum: 3, maximum: 100_000 })),
    zThreshold: opt(Type.Number({ exclusiveMinimum: 0, maximum: 50 })), madFloor: opt(Type.Number({ minimum: 0, maximum: 5 })), weight: opt(Weight), channel: opt(ForcedChannel),
  }, closed)),
  consistency: opt(Type.Object({
    enabled: opt(Type.Boolean()), maxGrossToNet: opt(Type.Number({ minimum: 1 })), kgQuantityTolerance: opt(Type.Number({ minimum: 0 })),
    maxGrossPerContainerKg: opt(Type.Number({ exclusiveMinimum: 0 })), maxGrossPerTruckKg: opt(Type.Number({ exclusiveMinimum: 0 })), weight: opt(Weight), channel: opt(ForcedChannel),
  }, closed)),
  newImporter: opt(Type.Object({
    enabled: opt(Type.Boolean()), dormantDays: opt(Type.Integer({ minimum: 1 })), firstTimeWeight: opt(Weight), dormantWeight: opt(Weight), channel: opt(ForcedChannel),
  }, closed)),
  compliance: opt(Type.Object({
    enabled: opt(Type.Boolean()), shrinkage: opt(Type.Number({ minimum: 0 })), threshold: opt(share('shrunk hit rate from which the rule fires')),
    minLift: opt(Type.Number({ minimum: 0, description: 'and it must be at least this many times the rate of all inspections' })),
    minInspections: opt(Type.Integer({ minimum: 0 })), channel: opt(ForcedChannel),
  }, closed)),
  partner: opt(Type.Object({
    enabled: opt(Type.Boolean()), valueTolerance: opt(Type.Number({ minimum: 0 })), massTolerance: opt(Type.Number({ minimum: 0 })), weight: opt(Weight), channel: opt(ForcedChannel),
  }, closed)),
  randomControl: opt(Type.Object({
    rate: opt(share('share of declarations selected at random')), seed: opt(Type.Integer()), channel: opt(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
  }, closed)),
  thresholds: opt(Type.Object({ yellow: opt(share('score from which a declaration goes yellow')), red: opt(share('score from which it goes red')) }, closed)),
}, closed);

/** A new rule-set version. */
export const RuleSetBody = Type.Object({
  rules: RulePatch,
  effectiveFrom: opt(Type.String({ format: 'date-time', description: 'from when it applies (default: now; not in the past)' })),
  note: Type.String({ minLength: 3, maxLength: 1000, description: 'why: it goes in the audit trail' }),
}, closed);

/** `:version` of a rule set. */
export const VersionParams = Type.Object({ version: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) });
/** `:id` of a model or an assessment. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Retrain from the stored inspection results. */
export const TrainBody = Type.Object({ seed: opt(Type.Integer({ default: 1 })), note: opt(Type.String({ maxLength: 1000 })) }, closed);
/** Register a model file written by Borderflow (e.g. trained elsewhere). */
export const ImportModelBody = Type.Object({ file: Type.String({ minLength: 2, description: 'the model file text' }), note: opt(Type.String({ maxLength: 1000 })) }, closed);

/** Calibrate the thresholds to target shares. */
export const CalibrationBody = Type.Object({
  targets: Type.Object({ red: share('target share of red'), yellow: share('target share of yellow') }, closed),
  days: opt(Type.Integer({ minimum: 1, maximum: 3650, description: 'days of history (default 90)' })),
}, closed);

/** `?declarationId=` of the assessments list. */
export const AssessmentQuery = Type.Object({ declarationId: Type.String({ minLength: 1, maxLength: 64 }) });
/** `?weeks=` of the drift report. */
export const DriftQuery = Type.Object({ weeks: opt(Type.Integer({ minimum: 1, maximum: 104, default: 12 })) });
