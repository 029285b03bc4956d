/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys, pure: key ids, verifier
 * keys ("vkeys"), signature lines, and parsing a note into its text and signatures. What a
 * signature means (a checkpoint signature, a cosignature) is for `checkpoint.ts`.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Signature type bytes of C2SP signed-note §Signature types. */
export const SIG_ED25519 = 0x01;
/** Timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
export const SIG_COSIGNATURE_V1 = 0x04;

/** A public key a note is checked with: name, key id and Ed25519 key. */
export interface NoteVerifier {
  name: string;
  type: number;
  /** SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]. */
  keyId: Buffer;
  publicKey: KeyObject;
  /** The raw 32-byte Ed25519 public key. */
  raw: Buffer;
}

/** A key that signs notes. */
export interface NoteSigner {
  name: string;
  type: number;
  keyId: Buffer;
  privateKey: KeyObject;
}

/** One signature line of a note, decoded. */
export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** The bytes after the key id: the signature (for 0x04, timestamp then signature). */
  signature: Buffer;
  /** The line as it appeared, with its newline. */
  line: string;
}

/** A note split into its signed text (ending in a newline) and its signature lines. */
export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// The spec asks verifiers to accept at least 16 signatures and to bound the note's size.
const MAX_SIGNATURES = 64;
const MAX_NOTE_BYTES = 64 * 1024;
const SIGNATURE_LINE = /^\u2014 (\S+) ([A-Za-z0-9+/]+={0,2})$/;

/** The key id of C2SP signed-note: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]. */
export function noteKeyId(name: string, type: number, rawPublicKey: Uint8Array): Buffer {
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, type])).update(rawPublicKey).digest().subarray(0, 4);
}

/** True when `name` may name a key: non-empty, no Unicode spaces, no `+`. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && !hasControl(name);
}

/** The Ed25519 public key object of a raw 32-byte key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error(`an Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The raw 32 bytes of the public half of an Ed25519 key object (public or private). */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(pub.export({ format: 'der', type: 'spki' }).subarray(-32));
}

/** A verifier for a name and a raw Ed25519 public key. */
export function noteVerifier(name: string, raw: Uint8Array, type = SIG_ED25519): NoteVerifier {
  if (!isKeyName(name)) throw new Error(`"${name}" is not a valid note key name`);
  return { name, type, keyId: noteKeyId(name, type, raw), publicKey: ed25519PublicKey(raw), raw: Buffer.from(raw) };
}

/** A signer for a name and an Ed25519 private key. */
export function noteSigner(name: string, privateKey: KeyObject, type = SIG_ED25519): NoteSigner {
  if (!isKeyName(name)) throw new Error(`"${name}" is not a valid note key name`);
  return { name, type, keyId: noteKeyId(name, type, rawPublicKey(privateKey)), privateKey };
}

/** The verifier key string `name+keyid(8 hex)+base64(type ‖ public key)` (signed-note §Verifier keys). */
export function formatVerifierKey(v: Pick<NoteVerifier, 'name' | 'type' | 'keyId' | 'raw'>): string {
  return `${v.name}+${v.keyId.toString('hex')}+${Buffer.concat([Buffer.from([v.type]), v.raw]).toString('base64')}`;
}

/** Parses a verifier key string; throws with the reason when it is not one this code can use. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const parts = vkey.trim().split('+');
  // base64 may itself contain '+': the name and the id are the first two fields, the rest is the key.
  if (parts.length < 3) throw new Error('a verifier key is name+keyid+key');
  const [name, idHex] = parts as [string, string];
  const key = Buffer.from(parts.slice(2).join('+'), 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new Error('the key id of a verifier key is 8 lower-case hex digits');
  if (key.length !== 33) throw new Error('a verifier key holds a type byte and a 32-byte Ed25519 key');
  const type = key[0]!;
  if (type !== SIG_ED25519 && type !== SIG_COSIGNATURE_V1) throw new Error(`signature type 0x${type.toString(16)} is not supported`);
  const v = noteVerifier(name, key.subarray(1), type);
  if (v.keyId.toString('hex') !== idHex) throw new Error('the key id does not match the name and key');
  return v;
}

/** A signature line: em dash, space, key name, space, base64(key id ‖ signature), newline. */
export function signatureLine(name: string, keyId: Uint8Array, signature: Uint8Array): string {
  return `\u2014 ${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/** Signs a note text (which must end in a newline) with an Ed25519 note key: the 0x01 signature line. */
export function signNoteText(text: string, signer: NoteSigner): string {
  return signatureLine(signer.name, signer.keyId, sign(null, Buffer.from(text, 'utf8'), signer.privateKey));
}

/** Verifies an Ed25519 signature over bytes. */
export function ed25519Verify(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}

/**
 * Splits a signed note into text and signatures (signed-note §Format): the text ends at the last
 * blank line; every line after it must be a well-formed signature line. Throws with the reason.
 */
export function parseNote(note: string): ParsedNote {
  if (Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) throw new Error('the note is too large');
  if (hasControl(note.replace(/\n/g, ''))) throw new Error('the note contains control characters');
  if (!note.endsWith('\n')) throw new Error('a signed note ends with a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('a signed note has a blank line before its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new Error('the note has too many signatures');
  const signatures = lines.map((line) => {
    const m = SIGNATURE_LINE.exec(line);
    if (!m || !isKeyName(m[1]!)) throw new Error(`not a signature line: ${JSON.stringify(line.slice(0, 80))}`);
    const bytes = Buffer.from(m[2]!, 'base64');
    if (bytes.length < 5) throw new Error('a signature holds a key id and a signature');
    return { name: m[1]!, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4), line: line + '\n' };
  });
  return { text, signatures };
}

/** The signatures of a parsed note made by this verifier's key (same name and key id). */
export function signaturesBy(note: ParsedNote, v: Pick<NoteVerifier, 'name' | 'keyId'>): NoteSignature[] {
  return note.signatures.filter((s) => s.name === v.name && s.keyId.equals(v.keyId));
}

/**
 * Checks a note's Ed25519 (0x01) signature by `v`. As the spec requires, signatures by other keys
 * are ignored, and the note is refused when the key's signature is missing or any fails.
 */
export function verifyNoteSignature(note: ParsedNote, v: NoteVerifier): 'ok' | 'unsigned' | 'bad_signature' {
  const mine = signaturesBy(note, v);
  if (mine.length === 0) return 'unsigned';
  const message = Buffer.from(note.text, 'utf8');
  return mine.every((s) => ed25519Verify(v.publicKey, message, s.signature)) ? 'ok' : 'bad_signature';
}

function hasControl(s: string): boolean {
  return /[\u0000-\u001f]/.test(s); // eslint-disable-line no-control-regex -- the spec forbids exactly these
}
