/**
 * The partner message catalogue (version 1): one TypeBox schema per message type, named after the
 * WCO Data Model, and the envelope every message travels in. These schemas are the wire contract
 * with the partner customs (docs/exchange.md prints them); a new version adds a schema, it never
 * changes one in place.
 */
import { Type, type Static, type TSchema } from 'typebox';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with an offset' });
const country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const mass = Type.Number({ minimum: 0, maximum: 1_000_000 });
const containerNumber = Type.String({ pattern: '^[A-Z]{4}[0-9]{7}$', description: 'ISO 6346 container number' });

/** WCO "Party": exporter or importer with its tax identifier. */
const Party = Type.Object({ name: text(200), taxId: text(40), country }, closed);
/** WCO "Transport equipment". */
const Equipment = Type.Object({ containerNumber, sealNumbers: Type.Array(text(40), { maxItems: 10 }) }, closed);
/** WCO "Border transport means". */
const Transport = Type.Object({ tractorPlate: text(20), trailerPlate: Type.Optional(text(20)) }, closed);
/** WCO "Goods item". */
const GoodsItem = Type.Object({
  hsCode: Type.String({ pattern: '^[0-9]{6,10}$', description: 'tariff classification, 6 to 10 digits' }),
  description: text(500), originCountry: country, quantity: Type.Number({ minimum: 0 }), unit: text(10),
  grossMassKg: mass, netMassKg: mass,
  customsValue: Type.Object({ amount: Type.Number({ minimum: 0 }), currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }) }, closed),
}, closed);

/** The partner's export declaration: our import's advance data. */
export const ExportDeclarationV1 = Type.Object({
  declarationId: text(100), exporter: Party, importer: Party, officeOfExit: text(100), expectedArrival: Type.Optional(instant),
  transport: Transport, equipment: Type.Array(Equipment, { maxItems: 50 }), goods: Type.Array(GoodsItem, { minItems: 1, maxItems: 999 }),
}, closed);
/** Our export declaration heading to the partner (sent when submitted and when assessed). */
export const PreArrivalNoticeV1 = Type.Object({
  declarationId: text(100), state: text(40), channel: Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()]),
  borderGate: Type.Union([text(40), Type.Null()]), expectedArrival: Type.Union([instant, Type.Null()]), transport: Type.Object({ tractorPlate: Type.Union([text(20), Type.Null()]), trailerPlate: Type.Union([text(20), Type.Null()]) }, closed),
  containers: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 50 }), grossMassKg: mass, goodsItems: Type.Integer({ minimum: 0, maximum: 999 }),
}, closed);
/** A customs release, with the signed release notice when there is one. */
export const ReleaseNoticeV1 = Type.Object({
  declarationId: text(100), releasedAt: instant,
  releaseNotice: Type.Optional(Type.Object({ keyId: text(100), qr: text(4000) }, closed)),
}, closed);
/** The result of an inspection, so that one inspection can serve both sides. */
export const InspectionResultV1 = Type.Object({
  declarationId: text(100), kind: Type.Union([Type.Literal('scanner'), Type.Literal('physical')]), outcome: Type.Union([Type.Literal('compliant'), Type.Literal('discrepancy')]),
  findings: Type.Array(text(1000), { maxItems: 50 }), inspectedAt: instant,
}, closed);
/** The handover of containers carried by an AGV across the corridor. */
export const AgvHandoverManifestV1 = Type.Object({
  transportOrderId: text(100), agvId: text(100), handedOverAt: instant, declarationId: Type.Optional(text(100)), equipment: Type.Array(Equipment, { minItems: 1, maxItems: 4 }),
}, closed);
/** The partner side's opening hours and slot capacity for a period and a flow of trucks. */
export const CapacityAnnouncementV1 = Type.Object({
  flow: Type.Object({ from: country, to: country }, { ...closed, description: 'the countries trucks cross from and to' }),
  laneClass: Type.Union([Type.Literal('general'), Type.Literal('perishable'), Type.Literal('agv')]), from: instant, to: instant,
  trucksPerSlot: Type.Integer({ minimum: 0, maximum: 1000, description: 'trucks per 30-minute slot; 0 is closed' }),
}, closed);
const note = Type.String({ minLength: 1, maxLength: 8000, description: 'a C2SP signed note' });
/** Part B witnessing: our checkpoint to cosign, or the partner's cosignature (or refusal) of one. */
export const CheckpointCosignatureV1 = Type.Union([
  Type.Object({ kind: Type.Literal('request'), checkpoint: note, proof: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 128 }), fromSize: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]) }, closed),
  Type.Object({ kind: Type.Literal('cosignature'), cosigned: note }, closed),
  Type.Object({ kind: Type.Literal('refusal'), code: text(100), detail: text(1000), fork: Type.Union([text(100), Type.Null()]) }, closed),
]);

/** Every message type with its payload schema, per version. */
export const MESSAGE_SCHEMAS = {
  'export-declaration': { 1: ExportDeclarationV1 },
  'pre-arrival-notice': { 1: PreArrivalNoticeV1 },
  'release-notice': { 1: ReleaseNoticeV1 },
  'inspection-result': { 1: InspectionResultV1 },
  'agv-handover-manifest': { 1: AgvHandoverManifestV1 },
  'capacity-announcement': { 1: CapacityAnnouncementV1 },
  'checkpoint-cosignature': { 1: CheckpointCosignatureV1 },
} as const satisfies Record<string, Record<number, TSchema>>;

/** A message type. */
export type MessageType = keyof typeof MESSAGE_SCHEMAS;
/** Every message type. */
export const MESSAGE_TYPES = Object.keys(MESSAGE_SCHEMAS) as MessageType[];
/** The version this build sends. */
export const CURRENT_VERSION = 1;

/** Payload types by message type. */
export type ExportDeclaration = Static<typeof ExportDeclarationV1>;
export type CapacityAnnouncement = Static<typeof CapacityAnnouncementV1>;
export type CheckpointCosignature = Static<typeof CheckpointCosignatureV1>;

/** The envelope: what is signed (RFC 8785 canonical form) and stored. */
export const EnvelopeV1 = Type.Object({
  id: Type.String({ pattern: '^msg_[0-9A-HJKMNP-TV-Z]{26}$' }),
  type: Type.Union(MESSAGE_TYPES.map((t) => Type.Literal(t))),
  version: Type.Integer({ minimum: 1, maximum: 1000 }),
  from: text(40), to: text(40),
  sequence: Type.Integer({ minimum: 1, description: 'per sender and receiver, from 1, no gaps' }),
  previousSequence: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'the sequence of the previous message about the same consignment, or null' }),
  consignmentRef: text(200),
  createdAt: instant,
  payload: Type.Unknown(),
}, closed);
/** A message as it travels: the envelope, the key that signed it and the detached signature. */
export const SignedMessage = Type.Object({
  message: Type.Unknown(),
  keyId: Type.String({ minLength: 1, maxLength: 64 }),
  signature: Type.String({ minLength: 1, maxLength: 200, description: 'base64 Ed25519 signature over the RFC 8785 canonical form of `message`' }),
}, closed);
/** The envelope. */
export type Envelope = Omit<Static<typeof EnvelopeV1>, 'type'> & { type: MessageType };
/** A signed message on the wire. */
export type SignedMessage = { message: Envelope; keyId: string; signature: string };

/** What the receiver signs back: it holds this message, identified by id and content hash. */
export const AckV1 = Type.Object({
  messageId: text(40), from: text(40), to: text(40), status: Type.Literal('received'), receivedAt: instant,
  contentSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
}, closed);
/** An acknowledgement. */
export type Ack = Static<typeof AckV1>;
/** A signed acknowledgement on the wire. */
export type SignedAck = { ack: Ack; keyId: string; signature: string };
