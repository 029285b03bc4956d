/**
 * Checks of the standard codes a declaration carries: ISO 6346 container numbers, Vietnamese
 * and Chinese number plates, ISO 3166-1 countries, ISO 4217 currencies, UN/ECE Rec 20 units.
 * Pure functions.
 */
import currencyCodes from 'currency-codes';
import countries from 'i18n-iso-countries';

// ISO 6346 §Annex A: letters take the values 10…38, skipping multiples of 11.
const LETTER_VALUES: Record<string, number> = (() => {
  const out: Record<string, number> = {};
  let v = 10;
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    out[c] = v++;
  }
  return out;
})();

/** Why a container number is not valid, or null when it is. */
export type ContainerProblem = 'format' | 'check_digit' | null;

/**
 * Checks an ISO 6346 container number: owner code (3 letters), category (U, J or Z), six-digit
 * serial, check digit = (Σ valueᵢ·2ⁱ mod 11) mod 10 over the first ten characters.
 */
export function containerNumberProblem(value: string): ContainerProblem {
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(value)) return 'format';
  return iso6346CheckDigit(value.slice(0, 10)) === Number(value[10]) ? null : 'check_digit';
}

/** The ISO 6346 check digit of the first ten characters (owner, category, serial). */
export function iso6346CheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = first10[i]!;
    const value = /\d/.test(c) ? Number(c) : LETTER_VALUES[c]!;
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** Removes the spaces and separators people type into container numbers. */
export function normalizeContainerNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** A recognised number plate. */
export interface Plate {
  country: 'VN' | 'CN';
  /** Canonical spelling: `29C-123.45`, `29C-1234`, `桂A12345`, `桂A1234挂`. */
  normalized: string;
  trailer: boolean;
}

const CN_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// CN plates use Latin letters except I and O (GB 36220-2018 / GA 36-2018).
const CN_ALNUM = 'A-HJ-NP-Z0-9';
const CN_STANDARD = new RegExp(`^([${CN_PROVINCES}])([A-HJ-NP-Z])([${CN_ALNUM}]{5})$`);
const CN_NEW_ENERGY = new RegExp(`^([${CN_PROVINCES}])([A-HJ-NP-Z])([DF][${CN_ALNUM}]{5}|[${CN_ALNUM}]{5}[DF])$`);
const CN_TRAILER = new RegExp(`^([${CN_PROVINCES}])([A-HJ-NP-Z])([${CN_ALNUM}]{4})挂$`);
// Circular 79/2024/TT-BCA: province code 11–99, series of one or two letters, 5 digits written
// NNN.NN (older 4-digit plates are still on the road).
const VN_FIVE = /^(\d{2})([A-Z]{1,2})-?(\d{3})\.?(\d{2})$/;
const VN_FOUR = /^(\d{2})([A-Z]{1,2})-?(\d{4})$/;

/** Recognises a Vietnamese or Chinese vehicle plate, or answers null. */
export function parsePlate(raw: string): Plate | null {
  const v = raw.replace(/[\s·•]/g, '').toUpperCase();
  let m = VN_FIVE.exec(v);
  if (m && Number(m[1]) >= 11) return { country: 'VN', normalized: `${m[1]}${m[2]}-${m[3]}.${m[4]}`, trailer: m[2] === 'R' };
  m = VN_FOUR.exec(v);
  if (m && Number(m[1]) >= 11) return { country: 'VN', normalized: `${m[1]}${m[2]}-${m[3]}`, trailer: m[2] === 'R' };
  if (CN_TRAILER.test(v)) return { country: 'CN', normalized: v, trailer: true };
  if (CN_STANDARD.test(v) || CN_NEW_ENERGY.test(v)) return { country: 'CN', normalized: v, trailer: false };
  return null;
}

/** True for an assigned ISO 3166-1 alpha-2 code, upper case. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && countries.isValid(value);
}

// ISO 4217 codes that name no money a customs value can be stated in.
const NOT_MONEY = new Set(['XXX', 'XTS', 'XAU', 'XAG', 'XPD', 'XPT', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XSU', 'XUA']);

/** True for an active ISO 4217 currency code that is money (not gold, test or "no currency"). */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && currencyCodes.code(value) !== undefined && !NOT_MONEY.has(value);
}

/** Decimal places of a currency's minor unit (VND 0, USD 2, CNY 2). */
export function currencyDigits(code: string): number {
  return currencyCodes.code(code)?.digits ?? 2;
}

/** UN/ECE Recommendation 20 unit codes accepted for goods quantities. */
export const UNITS = ['KGM', 'TNE', 'GRM', 'LTR', 'MTR', 'MTK', 'MTQ', 'NAR', 'H87', 'C62', 'PCE', 'SET', 'PR', 'DZN', 'CT', 'BX', 'BG', 'PK'] as const;

/** True for a unit code the platform accepts. */
export function isUnitCode(value: string): boolean {
  return (UNITS as readonly string[]).includes(value);
}
