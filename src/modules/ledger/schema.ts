/** TypeBox schemas of the ledger's HTTP boundary (query strings, params and replies). */
import { Type } from 'typebox';

const closed = { additionalProperties: false } as const;
const Size = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Base64Hash = Type.String({ description: 'base64 of a 32-byte SHA-256 hash' });

export const IndexParams = Type.Object({ index: Size }, closed);
export const InclusionQuery = Type.Object({ index: Size, size: Size }, closed);
export const ConsistencyQuery = Type.Object({ from: Size, to: Size }, closed);
export const EntriesQuery = Type.Object({
  subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'the record id, e.g. `decl_…`: its entries in log order' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'at most this many (default 20 latest, or 100 about a subject)' })),
}, closed);

export const EntryView = Type.Object({
  index: Type.Integer(),
  sourceId: Type.String(),
  type: Type.String(),
  subject: Type.String(),
  occurredAt: Type.String(),
  contentSha256: Type.String({ description: 'lower-case hex SHA-256 of the RFC 8785 canonical content' }),
  leafHash: Base64Hash,
});

export const EntryListView = Type.Object({
  treeSize: Type.Integer({ description: 'the log size when read' }),
  items: Type.Array(EntryView),
});

export const InclusionView = Type.Object({
  index: Type.Integer(),
  treeSize: Type.Integer(),
  leafHash: Base64Hash,
  hashes: Type.Array(Base64Hash, { description: 'the audit path of RFC 9162 §2.1.3, nearest the leaf first' }),
});

export const ConsistencyView = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  hashes: Type.Array(Base64Hash, { description: 'the consistency proof of RFC 9162 §2.1.4' }),
});

export const ForkView = Type.Object({
  id: Type.String(),
  origin: Type.String(),
  reason: Type.String(),
  detail: Type.String(),
  knownNote: Type.Union([Type.String(), Type.Null()]),
  offendingNote: Type.String(),
  proof: Type.Array(Type.String()),
  detectedAt: Type.String(),
});
