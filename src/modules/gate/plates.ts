/**
 * Number plates as the gate sees them: Vietnamese (`29C-123.45`, `29C-1234`, trailers `29R-…`)
 * and Chinese (`桂A12345`, new-energy `桂AD12345`, trailers `桂A1234挂`). Pure functions.
 */

/** A recognised plate. */
export interface Plate {
  country: 'VN' | 'CN';
  /** Canonical spelling: `29C-123.45`, `29C-1234`, `桂A12345`, `桂A1234挂`. */
  normalized: string;
  /** Letters, digits and the CN province/trailer characters only: what cameras and the matcher compare. */
  compact: string;
  trailer: boolean;
}

const CN_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// CN plates use Latin letters except I and O (GA 36-2018).
const CN_ALNUM = 'A-HJ-NP-Z0-9';
const CN_STANDARD = new RegExp(`^[${CN_PROVINCES}][A-HJ-NP-Z]([${CN_ALNUM}]{5}|[DF][${CN_ALNUM}]{5}|[${CN_ALNUM}]{5}[DF])$`);
const CN_TRAILER = new RegExp(`^[${CN_PROVINCES}][A-HJ-NP-Z][${CN_ALNUM}]{4}挂$`);
// Circular 79/2024/TT-BCA: province 11–99, a series of one or two letters, 5 digits NNN.NN or
// the older 4 digits.
const VN_FIVE = /^(\d{2})([A-Z]{1,2})(\d{3})(\d{2})$/;
const VN_FOUR = /^(\d{2})([A-Z]{1,2})(\d{4})$/;

/** Strips what cameras and people put between plate characters (spaces, dashes, dots, middots). */
export function compactPlate(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\-.·•_]/g, '').toUpperCase();
}

/** Recognises a VN or CN plate (any separators), or answers null. `29C-123.45` ≡ `29C12345`. */
export function parsePlate(raw: string): Plate | null {
  const v = compactPlate(raw);
  let m = VN_FIVE.exec(v);
  if (m && Number(m[1]) >= 11) return { country: 'VN', normalized: `${m[1]}${m[2]}-${m[3]}.${m[4]}`, compact: v, trailer: m[2] === 'R' };
  m = VN_FOUR.exec(v);
  if (m && Number(m[1]) >= 11) return { country: 'VN', normalized: `${m[1]}${m[2]}-${m[3]}`, compact: v, trailer: m[2] === 'R' };
  if (CN_TRAILER.test(v)) return { country: 'CN', normalized: v, compact: v, trailer: true };
  if (CN_STANDARD.test(v)) return { country: 'CN', normalized: v, compact: v, trailer: false };
  return null;
}

/** The canonical spelling of a plate, or the compacted text when it is not a recognised plate. */
export function normalizePlate(raw: string): string {
  return parsePlate(raw)?.normalized ?? compactPlate(raw);
}

/** True when two spellings name the same plate (`29C-123.45` and `29c 12345`). */
export function samePlate(a: string, b: string): boolean {
  return compactPlate(a) === compactPlate(b);
}

// What a confusable character stands for where the plate format wants a digit, or a letter.
const AS_DIGIT: Readonly<Record<string, string>> = { O: '0', D: '0', Q: '0', I: '1', L: '1', B: '8', S: '5', Z: '2' };
const AS_LETTER: Readonly<Record<string, string>> = { '0': 'D', '1': 'L', '8': 'B', '5': 'S', '2': 'Z' };

/**
 * True when a read is, or becomes by putting confusable characters right for their position
 * (`12H-340.B1` → `12H-340.81`), a well-formed plate: then it may well be a correct read of a
 * truck that is not the one it resembles.
 */
export function wellFormedRead(raw: string): boolean {
  const v = compactPlate(raw);
  if (parsePlate(v)) return true;
  const digits = (s: string) => [...s].map((c) => AS_DIGIT[c] ?? c).join('');
  const letters = (s: string) => [...s].map((c) => AS_LETTER[c] ?? c).join('');
  for (const series of [1, 2]) {
    if (v.length < 2 + series + 4) continue;
    if (parsePlate(digits(v.slice(0, 2)) + letters(v.slice(2, 2 + series)) + digits(v.slice(2 + series)))) return true;
  }
  // CN: a letter after the province; I and O are not used in the rest, so they stand for 1 and 0.
  const cn = v.length > 2 ? v[0]! + letters(v[1]!) + [...v.slice(2)].map((c) => (c === 'I' ? '1' : c === 'O' ? '0' : c)).join('') : v;
  return parsePlate(cn) !== null;
}
