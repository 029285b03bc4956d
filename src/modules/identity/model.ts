import type { Role } from '../../infra/auth/index.ts';

/** An enterprise: an importer, exporter, broker or logistics company, identified by its tax id. */
export interface Enterprise {
  id: string;
  taxCode: string;
  name: string;
  country: 'VN' | 'CN';
  createdAt: Date;
}

/** A person who signs in. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId: string | null;
  active: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** A device at the gate (camera, barrier, weighbridge, e-gate, AGV) with its own secret. */
export interface Device {
  id: string;
  kind: string;
  siteId: string;
  name: string;
  active: boolean;
  createdAt: Date;
}

/** Device kinds the platform knows. */
export const DEVICE_KINDS = ['plate-camera', 'container-camera', 'barrier', 'weighbridge', 'scanner', 'egate', 'eseal-reader', 'agv', 'crane', 'qr-reader'] as const;

const VN_TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/**
 * Checks a Vietnamese enterprise tax code (mã số thuế): 10 digits, optionally `-NNN` for a
 * branch; the 10th digit is the check digit 10 − (Σ wᵢ·dᵢ mod 11) over the first nine.
 */
export function isValidVietnameseTaxCode(code: string): boolean {
  const m = /^(\d{10})(-\d{3})?$/.exec(code);
  if (!m) return false;
  const digits = m[1]!.split('').map(Number);
  const sum = VN_TAX_WEIGHTS.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const check = 10 - (sum % 11);
  return check < 10 && check === digits[9];
}

/** Completes nine digits into a valid Vietnamese tax code, or null when no check digit exists. */
export function vietnameseTaxCodeFrom(nineDigits: string): string | null {
  if (!/^\d{9}$/.test(nineDigits)) return null;
  const sum = VN_TAX_WEIGHTS.reduce((acc, w, i) => acc + w * Number(nineDigits[i]), 0);
  const check = 10 - (sum % 11);
  return check < 10 ? nineDigits + String(check) : null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Checks a Chinese Unified Social Credit Code (GB 32100-2015): 18 characters from a 31-symbol
 * alphabet; the last is the check character 31 − (Σ wᵢ·cᵢ mod 31), with 31 written as 0.
 */
export function isValidChineseCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const values = code.split('').map((c) => USCC_CHARS.indexOf(c));
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + w * values[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return values[17] === check;
}

/** Validates a tax id for its country; returns a reason when it is not valid. */
export function taxCodeProblem(country: string, code: string): string | null {
  if (country === 'VN') return isValidVietnameseTaxCode(code) ? null : 'is not a valid Vietnamese tax code (10 digits with a valid check digit, optional -NNN branch)';
  if (country === 'CN') return isValidChineseCreditCode(code) ? null : 'is not a valid Chinese Unified Social Credit Code (18 characters with a valid check character)';
  return 'country must be VN or CN';
}

/** Whether a login may be attempted now, or the account is locked until a time. */
export function lockState(user: Pick<User, 'lockedUntil'>, now: Date): { locked: false } | { locked: true; until: Date } {
  return user.lockedUntil && user.lockedUntil > now ? { locked: true, until: user.lockedUntil } : { locked: false };
}

/** The account after a failed password: one more failure, locked once the limit is reached. */
export function afterFailedLogin(user: Pick<User, 'failedAttempts'>, now: Date, maxAttempts: number, lockoutMinutes: number): { failedAttempts: number; lockedUntil: Date | null } {
  const failedAttempts = user.failedAttempts + 1;
  if (failedAttempts >= maxAttempts) return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + lockoutMinutes * 60_000) };
  return { failedAttempts, lockedUntil: null };
}

/** Usernames are case-insensitive and kept in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
