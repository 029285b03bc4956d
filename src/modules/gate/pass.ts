/**
 * The crossing pass: a compact Ed25519-signed token (RFC 8032) in a QR code, bound to the slot,
 * the plate and the driver, so it cannot be resold and a gate device can verify it offline with
 * the public key alone.
 *
 * Token: `BFP1.<payload>.<signature>`, both base64url; the payload is the UTF-8 JSON
 * `{"b":bookingId,"p":compact plate,"d":driver document,"g":gate,"s":slot start (epoch s),"x":expiry (epoch s)}`
 * and the signature covers the ASCII bytes `BFP1.<payload>`.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { compactPlate } from './plates.ts';

const PREFIX = 'BFP1';

/** What a pass asserts. */
export interface PassClaims {
  bookingId: string;
  plate: string;
  driverDocument: string;
  gate: string;
  slotStart: Date;
  expiresAt: Date;
}

/** Signs a pass. */
export function signPass(claims: PassClaims, privateKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify({
    b: claims.bookingId, p: compactPlate(claims.plate), d: claims.driverDocument, g: claims.gate,
    s: Math.floor(claims.slotStart.getTime() / 1000), x: Math.floor(claims.expiresAt.getTime() / 1000),
  })).toString('base64url');
  const signed = `${PREFIX}.${payload}`;
  return `${signed}.${sign(null, Buffer.from(signed), privateKey).toString('base64url')}`;
}

/** Why a pass was refused. */
export type PassRefusal = 'malformed' | 'bad_signature' | 'wrong_plate' | 'wrong_driver' | 'expired';

/** The outcome of checking a pass. */
export type PassCheck = { ok: true; claims: PassClaims } | { ok: false; reason: PassRefusal };

/**
 * Verifies a pass offline: signature first, then that it names the plate read at the gate (and
 * the driver's document, when the device read one) and has not expired.
 */
export function verifyPass(token: string, publicKey: KeyObject, expect: { plate: string; driverDocument?: string; now: Date }): PassCheck {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' };
  let good = false;
  try {
    good = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2]!, 'base64url'));
  } catch {
    good = false;
  }
  if (!good) return { ok: false, reason: 'bad_signature' };
  let raw: { b: string; p: string; d: string; g: string; s: number; x: number };
  try {
    raw = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as typeof raw;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims: PassClaims = { bookingId: raw.b, plate: raw.p, driverDocument: raw.d, gate: raw.g, slotStart: new Date(raw.s * 1000), expiresAt: new Date(raw.x * 1000) };
  if (compactPlate(expect.plate) !== claims.plate) return { ok: false, reason: 'wrong_plate' };
  if (expect.driverDocument !== undefined && expect.driverDocument.trim().toUpperCase() !== claims.driverDocument.toUpperCase()) return { ok: false, reason: 'wrong_driver' };
  if (claims.expiresAt.getTime() < expect.now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/**
 * Reads a pass for its holder (the driver page): the signature and expiry must hold; the plate
 * is not compared because no camera read it. The signed pass is the capability.
 */
export function readPass(token: string, publicKey: KeyObject, now: Date): PassCheck {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  let plate = '';
  try {
    plate = (JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { p?: unknown }).p as string;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return typeof plate === 'string' ? verifyPass(token, publicKey, { plate, now }) : { ok: false, reason: 'malformed' };
}
