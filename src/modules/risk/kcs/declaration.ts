/**
 * KCS import declarations (Customs Import Declaration Datasets, Jeong et al. 2022,
 * arXiv:2208.02484): one goods item per row, 22 columns. The HS code column is `HS6 Code` in the
 * current release and `HS10 Code` in the 2022-06-03 one; both are accepted. Codes lose their
 * leading zero in the HS10 file (chapters 01–09), so they are left-padded back.
 */
import { fileError, inputError } from '../errors.ts';
import type { CsvTable } from './csv.ts';

/** One declaration item, as the risk model sees it. Labels are absent when scoring new rows. */
export interface KcsDeclaration {
  id: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  office: string;
  processType: string;
  importType: string;
  importUse: string;
  paymentType: string;
  transportMode: string;
  declarant: string;
  importer: string;
  /** '' when absent (about 10 % of rows). */
  seller: string;
  /** '' when absent (most rows). */
  courier: string;
  /** 6 or 10 digits. */
  hsCode: string;
  departureCountry: string;
  originCountry: string;
  /** Percent. */
  taxRate: number;
  taxType: string;
  originIndicator: string;
  netMassKg: number;
  /** Assessed value in KRW. */
  itemPrice: number;
  fraud?: 0 | 1;
  criticalFraud?: 0 | 1 | 2;
}

type TextField = Exclude<keyof KcsDeclaration, 'taxRate' | 'netMassKg' | 'itemPrice' | 'fraud' | 'criticalFraud' | 'hsCode'>;

const TEXT_COLUMNS: ReadonlyArray<[string, TextField, 'required' | 'optional']> = [
  ['Declaration ID', 'id', 'optional'], ['Office ID', 'office', 'required'], ['Process Type', 'processType', 'required'],
  ['Import Type', 'importType', 'required'], ['Import Use', 'importUse', 'required'], ['Payment Type', 'paymentType', 'required'],
  ['Mode of Transport', 'transportMode', 'required'], ['Declarant ID', 'declarant', 'required'], ['Importer ID', 'importer', 'required'],
  ['Seller ID', 'seller', 'optional'], ['Courier ID', 'courier', 'optional'], ['Country of Departure', 'departureCountry', 'required'],
  ['Country of Origin', 'originCountry', 'required'], ['Tax Type', 'taxType', 'required'], ['Country of Origin Indicator', 'originIndicator', 'required'],
];
const NUMBER_COLUMNS: ReadonlyArray<[string, 'taxRate' | 'netMassKg' | 'itemPrice']> = [
  ['Tax Rate', 'taxRate'], ['Net Mass', 'netMassKg'], ['Item Price', 'itemPrice'],
];

/** Whether labels must be present (training, evaluation) or are ignored (scoring). */
export type LabelMode = 'required' | 'ignored';

/** Reads and validates the rows of a KCS CSV. Every problem names its row and column. */
export function readKcsDeclarations(table: CsvTable, labels: LabelMode): { declarations: KcsDeclaration[]; hsDigits: 6 | 10 } {
  const col = new Map(table.header.map((h, i) => [h, i]));
  const hsColumn = col.has('HS10 Code') ? 'HS10 Code' : 'HS6 Code';
  const hsDigits = hsColumn === 'HS10 Code' ? 10 : 6;
  const needed = ['Date', hsColumn, ...TEXT_COLUMNS.filter((c) => c[2] === 'required').map((c) => c[0]), ...NUMBER_COLUMNS.map((c) => c[0])];
  if (labels === 'required') needed.push('Fraud');
  const missing = needed.filter((c) => !col.has(c));
  if (missing.length) throw fileError(`the CSV has no column ${missing.map((m) => `"${m}"`).join(', ')} (header: ${table.header.join(', ') || 'empty'})`);
  if (table.rows.length === 0) throw fileError('the CSV has a header but no rows');

  const declarations = table.rows.map((cells, r) => {
    const row = r + 1;
    const line = table.lines[r] ?? row + 1;
    if (cells.length !== table.header.length) {
      throw inputError(row, line, table.header[Math.min(cells.length, table.header.length - 1)] ?? '?', `has ${cells.length} fields, the header has ${table.header.length}`);
    }
    const cell = (name: string): string => (col.has(name) ? cells[col.get(name)!]!.trim() : '');
    const fail = (name: string, message: string): never => {
      throw inputError(row, line, name, message);
    };
    const d = {} as KcsDeclaration;
    for (const [name, key, need] of TEXT_COLUMNS) {
      const v = cell(name);
      if (need === 'required' && v === '') fail(name, 'is empty');
      d[key] = v;
    }
    if (d.id === '') d.id = `row-${row}`;
    const date = cell('Date');
    if (!isIsoDate(date)) fail('Date', `"${date}" is not a date (YYYY-MM-DD)`);
    d.date = date;
    const hs = cell(hsColumn);
    if (!/^\d+$/.test(hs) || hs.length > hsDigits || hs.length < hsDigits - 1) fail(hsColumn, `"${hs}" is not a ${hsDigits}-digit HS code`);
    d.hsCode = hs.padStart(hsDigits, '0');
    for (const [name, key] of NUMBER_COLUMNS) {
      const v = cell(name);
      const x = v === '' ? NaN : Number(v);
      if (!Number.isFinite(x)) fail(name, v === '' ? 'is empty' : `"${v}" is not a number`);
      if (x < 0) fail(name, `${v} is negative`);
      d[key] = x;
    }
    if (labels === 'required') {
      const f = cell('Fraud');
      if (f !== '0' && f !== '1') fail('Fraud', `"${f}" is not 0 or 1`);
      d.fraud = f === '1' ? 1 : 0;
      const c = cell('Critical Fraud');
      if (c === '1' || c === '2') d.criticalFraud = c === '2' ? 2 : 1;
      else d.criticalFraud = 0;
    }
    return d;
  });
  return { declarations, hsDigits };
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t); // a pure conversion of a given instant, not a clock read
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}
