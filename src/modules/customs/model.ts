/**
 * The customs declaration, named after the WCO Data Model (v3): a declaration of a type at a
 * border office, its parties, its consignment (transport means and equipment) and its goods
 * items. Pure types and constants; no I/O.
 */

/** WCO "Declaration type": import into, export from, or transit through Vietnam. */
export const DECLARATION_TYPES = ['import', 'export', 'transit'] as const;
export type DeclarationType = (typeof DECLARATION_TYPES)[number];

/** Which way the goods cross: China → Vietnam (inbound) or Vietnam → China (outbound). */
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** WCO "Office of entry/exit": the road border gates the platform runs, by site id. */
export const BORDER_GATES = ['VN-HUUNGHI', 'VN-TANTHANH', 'VN-MONGCAI'] as const;
export type BorderGate = (typeof BORDER_GATES)[number];

/** The risk channel: green (release), yellow (documentary check), red (physical inspection). */
export const CHANNELS = ['green', 'yellow', 'red'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Every lifecycle state; see lifecycle.md for the diagram. */
export const STATES = [
  'draft', 'submitted', 'assessed', 'documents_requested', 'under_review', 'inspection_scheduled', 'inspected',
  'released', 'held', 'rejected', 'cancelled',
] as const;
export type DeclarationState = (typeof STATES)[number];

/** States in which an officer still has work to do on the declaration. */
export const OFFICER_OPEN_STATES: readonly DeclarationState[] = ['assessed', 'documents_requested', 'under_review', 'inspection_scheduled', 'inspected', 'held'];

/** A party to the declaration (WCO Importer, Exporter, Declarant) with its tax identifier. */
export interface Party {
  name: string;
  /** WCO "Identification number": VN tax code (MST) or CN Unified Social Credit Code. */
  taxId: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  address?: string;
}

/** WCO "Border transport means": the truck, its trailer and driver. */
export interface Transport {
  tractorPlate: string;
  trailerPlate?: string;
  driverName?: string;
  driverDocument?: string;
}

/** WCO "Transport equipment": a container (ISO 6346) and its seals. */
export interface TransportEquipment {
  containerNumber: string;
  sealNumbers: string[];
}

/** WCO "Consignment". */
export interface Consignment {
  transport: Transport;
  equipment: TransportEquipment[];
}

/** WCO "Customs value" with its ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** WCO "Goods item". */
export interface GoodsItem {
  /** WCO "Tariff classification": the 8-digit Vietnamese tariff line (AHTN), HS 2022 based. */
  hsCode: string;
  description: string;
  /** WCO "Country of origin", ISO 3166-1 alpha-2. */
  originCountry: string;
  quantity: number;
  /** UN/ECE Recommendation 20 unit code, e.g. KGM, NAR. */
  unit: string;
  grossMassKg: number;
  netMassKg: number;
  customsValue: Money;
  /** Reference of a preferential origin certificate (e.g. ACFTA Form E). */
  preferenceCertificate?: string;
}

/** What the declarant states; possibly incomplete while a draft. */
export interface DeclarationContent {
  /** WCO "LRN": the declarant's own reference. */
  localReference?: string;
  type?: DeclarationType;
  direction?: Direction;
  borderGate?: BorderGate;
  /** ISO 8601 instant. */
  expectedArrival?: string;
  parties?: { importer?: Partial<Party>; exporter?: Partial<Party>; declarant?: Partial<Party> };
  consignment?: { transport?: Partial<Transport>; equipment?: Array<Partial<TransportEquipment>> };
  goods?: DraftGoodsItem[];
}

/** A goods item as a draft may hold it: any field may still be missing. */
export type DraftGoodsItem = Omit<Partial<GoodsItem>, 'customsValue'> & { customsValue?: Partial<Money> };

/** One reason a risk assessment gave. */
export interface RiskReason {
  code: string;
  /** English text. */
  message: string;
  /** The text in Vietnamese, English and Chinese, when the assessor gives all three. */
  messages?: { vi: string; en: string; zh: string };
  /** The figures (and codes) behind the reason, by name. */
  numbers?: Record<string, number | string>;
}

/** What an assessor decided. */
export interface Assessment {
  channel: Channel;
  /** 0–100, higher is riskier; orders the worklist. */
  score: number;
  reasons: RiskReason[];
  assessor: string;
}

/** A scheduled inspection. */
export interface Inspection {
  kind: 'scanner' | 'physical';
  at: string;
  location: string | null;
  outcome: 'compliant' | 'discrepancy' | null;
  findings: string[];
}

/** Someone who acted on a declaration, as recorded in its timeline. */
export interface ActorRef {
  id: string;
  name: string;
  role: string;
}

/** The officer a declaration is assigned to. */
export interface Officer {
  id: string;
  name: string;
}

/** A declaration with its lifecycle state. */
export interface Declaration {
  id: string;
  enterpriseId: string;
  createdBy: string;
  version: number;
  state: DeclarationState;
  content: DeclarationContent;
  channel: Channel | null;
  riskScore: number | null;
  riskReasons: RiskReason[];
  assessor: string | null;
  assignee: Officer | null;
  documentsAccepted: boolean;
  inspection: Inspection | null;
  /** The reason of the last officer decision (release, hold, reject) or of a cancellation. */
  decisionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  assessedAt: Date | null;
  releasedAt: Date | null;
  closedAt: Date | null;
}

/** A line of the declaration's timeline: who moved it from which state to which, and why. */
export interface TimelineEntry {
  seq: number;
  at: Date;
  actor: ActorRef;
  action: string;
  from: DeclarationState | null;
  to: DeclarationState;
  details: Record<string, unknown>;
}

/** Types of supporting documents. */
export const DOCUMENT_TYPES = [
  'commercial_invoice', 'packing_list', 'certificate_of_origin', 'phytosanitary_certificate', 'quarantine_certificate',
  'contract', 'bill_of_lading', 'inspection_photo', 'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A document attached to a declaration; the bytes are kept by their SHA-256. */
export interface DeclarationDocument {
  id: string;
  declarationId: string;
  type: DocumentType;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}
