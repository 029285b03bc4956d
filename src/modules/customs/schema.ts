/**
 * TypeBox schemas of the customs HTTP bodies and queries. They check structure and types only;
 * what a value means (check digits, tariff lines, dates) is `validation.ts`, so a declaration's
 * problems all come back together with their pointers.
 */
import { Type, type Static } from 'typebox';
import { BORDER_GATES, CHANNELS, DECLARATION_TYPES, DIRECTIONS, DOCUMENT_TYPES, STATES } from './model.ts';

const text = (maxLength: number) => Type.String({ maxLength });
const closed = { additionalProperties: false } as const;

const PartyBody = Type.Object(
  { name: Type.Optional(text(300)), taxId: Type.Optional(text(40)), country: Type.Optional(text(3)), address: Type.Optional(text(500)) },
  { ...closed, description: 'WCO party: name, identification number (tax id) and ISO 3166-1 alpha-2 country' },
);

const GoodsItemBody = Type.Object(
  {
    hsCode: Type.Optional(Type.String({ maxLength: 12, description: '8-digit Vietnamese tariff line (dots allowed: 0810.60.00)' })),
    description: Type.Optional(text(500)),
    originCountry: Type.Optional(text(3)),
    quantity: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String({ maxLength: 3, description: 'UN/ECE Rec 20 code: KGM, TNE, NAR, …' })),
    grossMassKg: Type.Optional(Type.Number()),
    netMassKg: Type.Optional(Type.Number()),
    customsValue: Type.Optional(Type.Object({ amount: Type.Optional(Type.Number()), currency: Type.Optional(text(3)) }, closed)),
    preferenceCertificate: Type.Optional(Type.String({ maxLength: 35, description: 'e.g. the ACFTA Form E reference' })),
  },
  closed,
);

/** A declaration as the declarant writes it; every field optional while it is a draft. */
export const DeclarationBody = Type.Object(
  {
    localReference: Type.Optional(Type.String({ maxLength: 35, description: "WCO LRN: the declarant's own reference" })),
    type: Type.Optional(Type.Enum([...DECLARATION_TYPES])),
    direction: Type.Optional(Type.Enum([...DIRECTIONS])),
    borderGate: Type.Optional(Type.Enum([...BORDER_GATES])),
    expectedArrival: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601 date-time; not in the past' })),
    parties: Type.Optional(Type.Object({ importer: Type.Optional(PartyBody), exporter: Type.Optional(PartyBody), declarant: Type.Optional(PartyBody) }, closed)),
    consignment: Type.Optional(
      Type.Object(
        {
          transport: Type.Optional(
            Type.Object(
              {
                tractorPlate: Type.Optional(Type.String({ maxLength: 20, description: 'VN 29C-123.45 / 29C12345 or CN 桂A12345' })),
                trailerPlate: Type.Optional(Type.String({ maxLength: 20, description: 'VN 29R-012.34 or CN 桂A1234挂' })),
                driverName: Type.Optional(text(200)),
                driverDocument: Type.Optional(text(50)),
              },
              closed,
            ),
          ),
          equipment: Type.Optional(
            Type.Array(
              Type.Object(
                { containerNumber: Type.Optional(Type.String({ maxLength: 15, description: 'ISO 6346, e.g. CSQU3054383' })), sealNumbers: Type.Optional(Type.Array(text(30), { maxItems: 10 })) },
                closed,
              ),
              { maxItems: 20 },
            ),
          ),
        },
        closed,
      ),
    ),
    // VNACCS takes at most 50 goods items per declaration.
    goods: Type.Optional(Type.Array(GoodsItemBody, { maxItems: 50 })),
  },
  closed,
);
export type DeclarationBodyType = Static<typeof DeclarationBody>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, closed);
export const DocumentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), documentId: Type.String({ minLength: 1, maxLength: 100 }) }, closed);

export const CreateQuery = Type.Object(
  { submit: Type.Optional(Type.Boolean({ description: 'Create and submit in one step (system-to-system); answers with the channel' })) },
  closed,
);

export const ListQuery = Type.Object(
  {
    state: Type.Optional(Type.Array(Type.Enum([...STATES]), { maxItems: STATES.length })),
    channel: Type.Optional(Type.Enum([...CHANNELS])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
  },
  closed,
);

const reason = Type.String({ minLength: 3, maxLength: 1000 });
export const ReasonBody = Type.Object({ reason }, closed);
export const NoteBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, closed);
export const RequestDocumentsBody = Type.Object({ reason, documentTypes: Type.Optional(Type.Array(Type.Enum([...DOCUMENT_TYPES]), { maxItems: DOCUMENT_TYPES.length })) }, closed);
export const ScheduleInspectionBody = Type.Object(
  { kind: Type.Enum(['scanner', 'physical']), at: Type.String({ format: 'date-time' }), location: Type.Optional(Type.String({ maxLength: 200 })) },
  closed,
);
export const InspectionResultBody = Type.Object(
  { outcome: Type.Enum(['compliant', 'discrepancy']), findings: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 })) },
  closed,
);
export const OverrideBody = Type.Object({ channel: Type.Enum([...CHANNELS]), reason }, closed);
export const ReassignBody = Type.Object({ officerId: Type.String({ minLength: 1, maxLength: 100 }), reason }, closed);
export const WorklistQuery = Type.Object({ officerId: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, closed);
export const OverridesQuery = Type.Object({ before: Type.Optional(Type.String({ format: 'date-time' })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }, closed);
export const UploadQuery = Type.Object({ type: Type.Enum([...DOCUMENT_TYPES]), filename: Type.Optional(Type.String({ maxLength: 200 })) }, closed);
export const NoticeQuery = Type.Object({ format: Type.Optional(Type.Enum(['json', 'png', 'svg'])) }, closed);
export const TariffQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }, closed);
export const VerifyBody = Type.Object({ qr: Type.String({ minLength: 1, maxLength: 4000 }) }, closed);
