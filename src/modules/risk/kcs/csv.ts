/**
 * A small RFC 4180 CSV reader: comma separated, optional double quotes with "" escapes, LF or
 * CRLF line ends. Enough for the KCS declaration files and for exports from spreadsheets.
 */

/** A parsed CSV file: the header, the data rows, and the line each data row starts on. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  lines: number[];
}

/** Parses CSV text. Throws with the line number when a quote is left open. */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  const starts: number[] = [];
  let start = 1;
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let line = 1;
  let quoteLine = 0;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a UTF-8 BOM
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      inQuotes = true;
      quoteLine = line;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      starts.push(start);
      record = [];
      field = '';
      line++;
      start = line;
    } else field += c;
  }
  if (inQuotes) throw new Error(`CSV: a quoted field opened on line ${quoteLine} is never closed`);
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
    starts.push(start);
  }
  // Blank lines (e.g. a trailing newline) are not rows.
  const keep = records.map((r, i) => i).filter((i) => !(records[i]!.length === 1 && records[i]![0] === ''));
  const [head, ...body] = keep;
  return {
    header: head === undefined ? [] : records[head]!.map((h) => h.trim()),
    rows: body.map((i) => records[i]!),
    lines: body.map((i) => starts[i]!),
  };
}
