/**
 * Reading the operator's tariff file and the HS nomenclature: RFC 4180 CSV, every bad row
 * reported by its line number, nothing returned half-read. Pure.
 */
import type { FieldProblem } from '../../infra/errors/index.ts';
import type { TariffRates } from './duties.ts';

/** A CSV record and the line of the file it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const TARIFF_HEADER = ['tariff_line', 'description', 'import_duty_rate', 'vat_rate'];
const RATE = /^\d{1,4}(\.\d{1,4})?%?$/;
// Enough to fix a file; a file with more bad rows than this is the wrong file.
const MAX_PROBLEMS = 200;

/** The tariff lines of a file, or every problem found in it. */
export type TariffParse = { ok: true; lines: TariffRates[] } | { ok: false; problems: FieldProblem[] };

/**
 * Reads a tariff file: header `tariff_line,description,import_duty_rate,vat_rate`, then one
 * 8-digit line per row (dots allowed, `0810.60.00`), rates in percent. With `subheadings`, each
 * line's 6-digit prefix must be an HS 2022 subheading.
 */
export function parseTariff(text: string, subheadings?: ReadonlySet<string>): TariffParse {
  const records = parseCsv(text);
  const problems: FieldProblem[] = [];
  const add = (line: number, column: string, code: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ pointer: `/lines/${line}/${column}`, code, message: `line ${line}: ${message}` });
  };
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase());
  if (!header || header.join(',') !== TARIFF_HEADER.join(',')) {
    return { ok: false, problems: [{ pointer: '/lines/1', code: 'TARIFF_HEADER', message: `line 1: the header must be ${TARIFF_HEADER.join(',')}` }] };
  }
  const lines: TariffRates[] = [];
  const seen = new Map<string, number>();
  for (const r of records.slice(1)) {
    if (r.fields.length !== 4) {
      add(r.line, 'row', 'TARIFF_COLUMNS', `has ${r.fields.length} columns, expected 4`);
      continue;
    }
    const [rawLine, description, duty, vat] = r.fields.map((f) => f.trim()) as [string, string, string, string];
    const line = rawLine.replace(/\./g, '');
    const before = problems.length;
    const bad = (column: string, code: string, message: string) => add(r.line, column, code, message);
    if (!/^\d{8}$/.test(line)) bad('tariff_line', 'TARIFF_LINE_FORMAT', `tariff line "${rawLine}" is not 8 digits`);
    else if (subheadings && !subheadings.has(line.slice(0, 6))) bad('tariff_line', 'HS_SUBHEADING_UNKNOWN', `${line.slice(0, 6)} is not an HS 2022 subheading`);
    else if (seen.has(line)) bad('tariff_line', 'TARIFF_LINE_DUPLICATE', `tariff line ${line} already given on line ${seen.get(line)}`);
    if (description === '' || description.length > 500) bad('description', 'TARIFF_DESCRIPTION', 'description must be 1 to 500 characters');
    const dutyRate = rate(duty, 1000);
    if (dutyRate === null) bad('import_duty_rate', 'TARIFF_RATE', `import duty rate "${duty}" is not a percentage from 0 to 1000`);
    const vatRate = rate(vat, 100);
    if (vatRate === null) bad('vat_rate', 'TARIFF_RATE', `VAT rate "${vat}" is not a percentage from 0 to 100`);
    if (problems.length === before && dutyRate !== null && vatRate !== null) {
      seen.set(line, r.line);
      lines.push({ line, description, importDutyRate: dutyRate, vatRate });
    }
  }
  if (problems.length === 0 && lines.length === 0) problems.push({ pointer: '/lines', code: 'TARIFF_EMPTY', message: 'the file has no tariff lines' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lines };
}

function rate(raw: string, max: number): number | null {
  if (!RATE.test(raw)) return null;
  const n = Number(raw.replace('%', ''));
  return n <= max ? n : null;
}

/**
 * Reads the HS nomenclature CSV (columns `section,hscode,description,parent,level`, as in the
 * UN Comtrade HS 2022 list) into its 6-digit subheadings.
 */
export function parseHsNomenclature(text: string): Map<string, string> {
  const records = parseCsv(text);
  const header = records[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const code = header.indexOf('hscode');
  const desc = header.indexOf('description');
  if (code < 0 || desc < 0) throw new Error('the HS file needs the columns hscode and description');
  const out = new Map<string, string>();
  for (const r of records.slice(1)) {
    const c = r.fields[code]?.trim() ?? '';
    if (/^\d{6}$/.test(c)) out.set(c, r.fields[desc]?.trim() ?? '');
  }
  return out;
}
