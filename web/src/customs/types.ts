/** The customs API's shapes as the portal and the console read them (docs/customs.md). */
import type { Channel } from './codes.ts';

/** A party as written in a declaration. */
export interface PartyContent {
  name?: string;
  taxId?: string;
  country?: string;
  address?: string;
}

/** A goods item as written in a declaration; numbers may be absent in a draft. */
export interface GoodsContent {
  hsCode?: string;
  description?: string;
  originCountry?: string;
  quantity?: number;
  unit?: string;
  grossMassKg?: number;
  netMassKg?: number;
  customsValue?: { amount?: number; currency?: string };
  preferenceCertificate?: string;
}

/** A declaration's content (WCO Data Model names); everything optional while a draft. */
export interface DeclarationContent {
  localReference?: string;
  type?: string;
  direction?: string;
  borderGate?: string;
  expectedArrival?: string;
  parties?: { importer?: PartyContent; exporter?: PartyContent; declarant?: PartyContent };
  consignment?: {
    transport?: { tractorPlate?: string; trailerPlate?: string; driverName?: string; driverDocument?: string };
    equipment?: Array<{ containerNumber?: string; sealNumbers?: string[] }>;
  };
  goods?: GoodsContent[];
}

/** One duty estimate line (per goods item). */
export interface DutyItem {
  item: number;
  tariffLine: string | null;
  importDutyRate: number | null;
  vatRate: number | null;
  currency: string | null;
  customsValue: number | null;
  importDuty: number | null;
  vat: number | null;
  note: string | null;
}

/** Duties and VAT estimated with today's tariff. */
export interface Duties {
  items: DutyItem[];
  totals: Array<{ currency: string; importDuty: number; vat: number }>;
}

/** One problem named by JSON pointer. */
export interface FieldProblem {
  pointer: string;
  code: string;
  message: string;
}

/** A reason the risk assessment gave: a code, its text (in every UI language when the assessor gives them) and the figures behind it. */
export interface RiskReason {
  code: string;
  /** English text. */
  message: string;
  messages?: { vi: string; en: string; zh: string };
  numbers?: Record<string, number | string>;
  [extra: string]: unknown;
}

/** Someone named on a case. */
export interface PersonRef {
  id: string;
  name: string;
  role?: string;
}

/** A scheduled (and perhaps recorded) inspection. */
export interface Inspection {
  kind: string;
  at: string;
  location: string | null;
  outcome: string | null;
  findings: string[];
}

/** A declaration as the API answers it. */
export interface DeclarationView {
  id: string;
  version: number;
  state: string;
  channel: Channel | null;
  risk: { score: number | null; reasons: RiskReason[]; assessor: string | null };
  enterpriseId: string;
  assignee: PersonRef | null;
  documentsAccepted: boolean;
  inspection: Inspection | null;
  decisionReason: string | null;
  content: DeclarationContent;
  duties: Duties;
  allowedActions: string[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  assessedAt: string | null;
  releasedAt: string | null;
  closedAt: string | null;
}

/** The answer of the validate endpoints. */
export interface ValidationResult {
  valid: boolean;
  problems: FieldProblem[];
  duties: Duties;
}

/** A line of a declaration's timeline. */
export interface TimelineEntry {
  seq: number;
  at: string;
  actor: PersonRef & { role: string };
  action: string;
  from: string | null;
  to: string;
  details: Record<string, unknown>;
}

/** A document's metadata. */
export interface DocumentView {
  id: string;
  declarationId: string;
  type: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** A line of an officer's worklist. */
export interface WorkItem {
  id: string;
  state: string;
  channel: Channel;
  riskScore: number | null;
  reasons: RiskReason[];
  assignee: PersonRef | null;
  type: string | null;
  borderGate: string | null;
  tractorPlate: string | null;
  expectedArrival: string | null;
  goodsItems: number;
  assessedAt: string | null;
  waitingMinutes: number;
}

/** A channel override, for supervision. */
export interface OverrideEntry {
  declarationId: string;
  at: string;
  officer: PersonRef & { role: string };
  from: string | null;
  to: string;
  reason: string;
  state: string;
}

/** The signed release notice. */
export interface ReleaseNotice {
  notice: Record<string, unknown> & { declarationId: string; releasedAt: string; keyId: string };
  signature: string;
  qr: string;
  publicKey: string;
  algorithm: string;
}

/** A tariff line for the HS code picker. */
export interface TariffLine {
  line: string;
  description: string;
  importDutyRate: number;
  vatRate: number;
}
