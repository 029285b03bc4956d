/**
 * Partner messaging, pure: partners and their keys, signing and verifying messages and
 * acknowledgements (Ed25519 over the RFC 8785 canonical form), the order of the inbox checks,
 * the retry schedule, and the reconciliation of both sides' counts. No I/O.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex, signEd25519, verifyEd25519 } from '../../infra/crypto/index.ts';
import type { Rng } from '../../infra/random/index.ts';
import type { Ack, Envelope, MessageType, SignedAck, SignedMessage } from './messages.ts';

/** A partner's public key with the period in which it verifies (rotation overlap). */
export interface PartnerKey {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  validFrom: string;
  /** Null while the key is current; set when a rotation retires it at the end of the overlap. */
  validUntil: string | null;
}

/** A partner customs system we exchange messages with. */
export interface Partner {
  /** Its site id, e.g. `CN-DONGXING`: the `from`/`to` of messages. */
  id: string;
  name: string;
  /** Base URL; messages go to `{endpoint}/api/exchange/inbox/batch`. */
  endpoint: string;
  keys: PartnerKey[];
  /** Types it may send us. */
  sends: MessageType[];
  /** Types we may send it. */
  receives: MessageType[];
  /** Its transparency log's C2SP verifier key (type 0x01), when it takes part in witnessing. */
  ledgerKey: string | null;
  /** Its witness (cosigner) verifier key (type 0x04). */
  witnessKey: string | null;
}

/** Key id of a raw public key: the first 16 hex digits of its SHA-256. */
export function keyIdOf(publicKeyBase64: string): string {
  return sha256Hex(Buffer.from(publicKeyBase64, 'base64')).slice(0, 16);
}

const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
// Parsing a key costs more than verifying with it; partners have a handful of keys.
const parsed = new Map<string, KeyObject>();

/** An Ed25519 public key object from its raw 32 bytes (base64). */
export function publicKeyFromRaw(raw: string): KeyObject {
  let k = parsed.get(raw);
  if (!k) {
    k = createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
    if (parsed.size > 1000) parsed.clear();
    parsed.set(raw, k);
  }
  return k;
}

/** True when the key verifies at `now`: it has started and its overlap has not ended. */
export function keyValidAt(k: PartnerKey, now: Date): boolean {
  return Date.parse(k.validFrom) <= now.getTime() + 60_000 && (k.validUntil === null || now.getTime() < Date.parse(k.validUntil));
}

/** SHA-256 of the envelope's canonical form: its identity for duplicates and acknowledgements. */
export function contentSha256(m: Envelope): string {
  return sha256Hex(canonicalJson(m));
}

/** Signs an envelope (detached). */
export function signMessage(m: Envelope, key: { keyId: string; privateKey: KeyObject }): SignedMessage {
  return { message: m, keyId: key.keyId, signature: signEd25519(key.privateKey, canonicalJson(m)) };
}

/** Signs an acknowledgement. */
export function signAck(a: Ack, key: { keyId: string; privateKey: KeyObject }): SignedAck {
  return { ack: a, keyId: key.keyId, signature: signEd25519(key.privateKey, canonicalJson(a)) };
}

/** Why a signature does not verify, or null when it does. */
export function signatureProblem(keys: readonly PartnerKey[], keyId: string, signed: unknown, signature: string, now: Date): 'key_unknown' | 'key_expired' | 'bad_signature' | null {
  const k = keys.find((x) => x.keyId === keyId);
  if (!k) return 'key_unknown';
  if (!keyValidAt(k, now)) return 'key_expired';
  return verifyEd25519(publicKeyFromRaw(k.publicKey), canonicalJson(signed), signature) ? null : 'bad_signature';
}

/** How far a message's `createdAt` may be from our clock. */
export interface TimeWindow {
  /** Oldest accepted, in seconds (a message retried through a long outage must still fit). */
  pastSeconds: number;
  /** Clock skew tolerated into the future, in seconds. */
  futureSeconds: number;
}

/** Null when `createdAt` is inside the window, else why not. */
export function windowProblem(createdAt: string, now: Date, w: TimeWindow): string | null {
  const t = Date.parse(createdAt);
  if (Number.isNaN(t)) return 'createdAt is not an instant';
  if (t < now.getTime() - w.pastSeconds * 1000) return `created ${createdAt}, more than ${w.pastSeconds} s before now`;
  if (t > now.getTime() + w.futureSeconds * 1000) return `created ${createdAt}, more than ${w.futureSeconds} s in the future`;
  return null;
}

/** Retry schedule: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" from the seeded RNG. */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts before a message is dead-lettered. */
  maxAttempts: number;
}

/** The wait before attempt `attempts + 1`, after `attempts` failures (≥ 1). */
export function backoffMs(attempts: number, p: RetryPolicy, rng: Rng): number {
  const cap = Math.min(p.maxMs, p.baseMs * 2 ** Math.min(30, attempts - 1));
  return Math.round(cap / 2 + rng.next() * (cap / 2));
}

/** One row of the reconciliation report: a day, a partner, a direction and a message type. */
export interface ReconciliationRow {
  day: string;
  partner: string;
  type: string;
  sent: number;
  acknowledged: number;
  pending: number;
  deadLettered: number;
  received: number;
  processed: number;
}
