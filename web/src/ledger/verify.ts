/**
 * Checking the transparency log in the browser, trusting nothing the server says beyond what it
 * signed: the checkpoint's Ed25519 note signature against the log's verifier key (C2SP
 * signed-note, with WebCrypto), and an entry's inclusion (RFC 9162 §2.1.3) with the very
 * verifier the server's tests use (`src/modules/ledger/verify.ts`), SHA-256 from @noble/hashes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { verifyInclusion, type TreeHasher } from '../../../src/modules/ledger/verify.ts';

/** A log entry as `/api/ledger/entries` serves it. */
export interface LedgerEntry {
  index: number;
  sourceId: string;
  type: string;
  subject: string;
  occurredAt: string;
  contentSha256: string;
  leafHash: string;
}

/** A checkpoint note, opened. */
export interface Checkpoint {
  origin: string;
  size: number;
  /** Base64, as in the note. */
  rootHash: string;
  /** The signed text (origin, size, root hash lines). */
  text: string;
  /** Names on the signature lines after the log's own: the witnesses that cosigned. */
  cosigners: string[];
  /** True when the log's signature verified against its verifier key; null when this browser cannot check Ed25519. */
  signatureValid: boolean | null;
}

const utf8 = new TextEncoder();

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** RFC 9162 §2.1.1 with SHA-256. */
const sha256Tree: TreeHasher<Uint8Array> = {
  empty: () => sha256(new Uint8Array(0)),
  leaf: (data) => sha256(concat(Uint8Array.of(0), data)),
  node: (l, r) => sha256(concat(Uint8Array.of(1), l, r)),
  equal: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
};

/**
 * The leaf data d(m): RFC 8785 canonical JSON of the entry's fields (docs/ledger.md). The values
 * are strings and one small integer, for which JSON.stringify with sorted keys is canonical.
 */
function leafData(e: LedgerEntry): Uint8Array {
  const leaf: Record<string, string | number> = { v: 1, sourceId: e.sourceId, type: e.type, subject: e.subject, occurredAt: e.occurredAt, contentSha256: e.contentSha256 };
  const keys = Object.keys(leaf).sort();
  return utf8.encode(`{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(leaf[k])}`).join(',')}}`);
}

/** The leaf hash recomputed from the entry's fields, base64. */
export function leafHashOf(e: LedgerEntry): string {
  return toBase64(sha256Tree.leaf(leafData(e)));
}

/** True when the audit path leads from the entry (its fields, not the hash the server sent) to the checkpoint's root. */
export function entryIsIncluded(e: LedgerEntry, proof: { treeSize: number; hashes: string[] }, checkpoint: Pick<Checkpoint, 'size' | 'rootHash'>): boolean {
  if (proof.treeSize !== checkpoint.size) return false;
  return verifyInclusion(sha256Tree, e.index, checkpoint.size, fromBase64(leafHashOf(e)), proof.hashes.map(fromBase64), fromBase64(checkpoint.rootHash));
}

/** Ed25519 in WebCrypto; null when the browser lacks it. */
async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean | null> {
  try {
    const key = await crypto.subtle.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'NotSupportedError') return null;
    throw err;
  }
}

/**
 * Opens a checkpoint note (C2SP tlog-checkpoint in a signed note) and checks the log's signature
 * with its verifier key `name+keyid+base64(0x01 ‖ public key)`.
 */
export async function openCheckpoint(note: string, verifierKey: string): Promise<Checkpoint> {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new Error('not a signed note');
  const text = note.slice(0, split + 1);
  const [origin, size, rootHash] = text.split('\n');
  if (!origin || !size || !/^\d+$/.test(size) || !rootHash) throw new Error('not a checkpoint');
  // name+keyid+key: the name has no '+', the key id is hex, and the base64 key may hold '+'.
  const [keyName, keyIdHex, ...keyParts] = verifierKey.trim().split('+');
  const keyB64 = keyParts.join('+');
  if (!keyName || !keyIdHex || !keyB64) throw new Error('not a verifier key');
  const key = fromBase64(keyB64);
  const lines = note.slice(split + 2).split('\n').filter((l) => l.startsWith('\u2014 '));
  let signatureValid: boolean | null = false;
  const cosigners: string[] = [];
  for (const line of lines) {
    const [, name, sigB64] = line.split(' ');
    if (!name || !sigB64) continue;
    const sig = fromBase64(sigB64);
    const keyId = Array.from(sig.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    if (name === keyName && keyId === keyIdHex && key[0] === 0x01) {
      signatureValid = await ed25519Verify(key.subarray(1), sig.subarray(4), utf8.encode(text));
    } else if (name !== keyName) cosigners.push(name);
  }
  return { origin, size: Number(size), rootHash, text, cosigners, signatureValid };
}
