/** TypeBox schemas of the exchange's HTTP bodies (the partner wire schemas are in messages.ts). */
import { Type } from 'typebox';
import { MESSAGE_TYPES } from './messages.ts';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const typeEnum = Type.Union(MESSAGE_TYPES.map((t) => Type.Literal(t)));
const partnerId = Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9-]{2,30}$', description: 'the partner site id, e.g. CN-DONGXING' });

/** A partner key with its validity. */
export const PartnerKeyBody = Type.Object({
  keyId: Type.String({ minLength: 1, maxLength: 64 }), publicKey: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'raw Ed25519 key, base64' }),
  validFrom: instant, validUntil: Type.Union([instant, Type.Null()]),
}, closed);
/** A partner as configured. */
export const PartnerBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), endpoint: Type.String({ pattern: '^https?://', maxLength: 500 }),
  keys: Type.Array(PartnerKeyBody, { minItems: 1, maxItems: 20 }), sends: Type.Array(typeEnum, { uniqueItems: true }), receives: Type.Array(typeEnum, { uniqueItems: true }),
  ledgerKey: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])), witnessKey: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
}, closed);
/** `:id` of a partner. */
export const PartnerParams = Type.Object({ id: partnerId }, closed);
/** `:id` of a message. */
export const MessageParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
/** A message to send. */
export const SendBody = Type.Object({ to: partnerId, type: typeEnum, consignmentRef: Type.String({ minLength: 1, maxLength: 200 }), payload: Type.Unknown() }, closed);
/** Several messages to send. */
export const SendBatchBody = Type.Object({ messages: Type.Array(SendBody, { minItems: 1, maxItems: 500 }) }, closed);
/** A batch for the inbox. */
export const BatchBody = Type.Object({ messages: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 500 }) }, closed);
/** Key rotation. */
export const RotateBody = Type.Object({ overlapSeconds: Type.Integer({ minimum: 0, maximum: 90 * 86400, description: 'how long the old key still verifies' }) }, closed);
/** Message listing. */
export const MessagesQuery = Type.Object({
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]), partner: Type.Optional(partnerId), state: Type.Optional(Type.String({ maxLength: 20 })),
  consignmentRef: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 100 })),
  type: Type.Optional(typeEnum),
  order: Type.Optional(Type.Union([Type.Literal('sequence'), Type.Literal('newest')], { description: '`sequence` (default): by partner and sequence; `newest`: the latest created first' })),
}, closed);
/** The reconciliation period. */
export const ReconciliationQuery = Type.Object({ from: instant, to: instant }, closed);
/** Advance declarations: agency staff name the importer's tax code. */
export const AdvanceQuery = Type.Object({ taxCode: Type.Optional(Type.String({ maxLength: 40 })) }, closed);
/** Mismatch check against one of our declarations. */
export const MismatchQuery = Type.Object({ declarationId: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
