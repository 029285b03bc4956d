/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint) and tlog-cosignature
 * (https://c2sp.org/tlog-cosignature, Ed25519 `cosignature/v1`), pure. A checkpoint is a signed
 * note whose text is the origin, the tree size, the base64 root hash and optional extension lines.
 */
import { sign } from 'node:crypto';
import {
  ed25519Verify, parseNote, SIG_COSIGNATURE_V1, SIG_ED25519, signatureLine, signaturesBy, signNoteText, verifyNoteSignature,
  type NoteSigner, type NoteVerifier, type ParsedNote,
} from './note.ts';

/** A checkpoint's content. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Extension lines after the root hash (none in ours). */
  extensions: string[];
}

/** A checkpoint that verified, with the note it came in. */
export interface OpenedCheckpoint extends Checkpoint {
  /** The signed text (origin through extensions, ending in a newline). */
  text: string;
  note: ParsedNote;
}

/** A verified cosignature: who, when (POSIX seconds) and the signature line. */
export interface Cosignature {
  name: string;
  keyId: Buffer;
  timestamp: number;
  line: string;
}

/** The checkpoint text: origin, size, base64 root, each on its own line. */
export function checkpointText(c: Pick<Checkpoint, 'origin' | 'size' | 'rootHash'> & { extensions?: string[] }): string {
  return [c.origin, String(c.size), Buffer.from(c.rootHash).toString('base64'), ...(c.extensions ?? [])].join('\n') + '\n';
}

/** The signed checkpoint note: text, blank line, the log's signature line (key name = origin). */
export function signCheckpoint(c: Pick<Checkpoint, 'origin' | 'size' | 'rootHash'>, signer: NoteSigner): string {
  if (signer.name !== c.origin) throw new Error(`the log key is named ${signer.name}, the checkpoint's origin is ${c.origin}`);
  const text = checkpointText(c);
  return `${text}\n${signNoteText(text, signer)}`;
}

/** Parses the text of a checkpoint note; throws with the reason when it is not one. */
export function parseCheckpointText(text: string): Checkpoint {
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new Error('a checkpoint has an origin, a size and a root hash line');
  const [origin, size, root, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0) throw new Error('the origin line is empty');
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) throw new Error(`the tree size "${size.slice(0, 20)}" is not a decimal without leading zeros`);
  const rootHash = Buffer.from(root, 'base64');
  if (rootHash.length !== 32 || rootHash.toString('base64') !== root) throw new Error('the root hash is not base64 of 32 bytes');
  if (extensions.some((e) => e.length === 0)) throw new Error('extension lines are not empty');
  return { origin, size: Number(size), rootHash, extensions };
}

/**
 * Opens a signed checkpoint with the log's key: parses it, checks the origin is the key's name
 * and the log's signature verifies. Throws with the reason otherwise.
 */
export function openCheckpoint(note: string, log: NoteVerifier): OpenedCheckpoint {
  if (log.type !== SIG_ED25519) throw new Error('a log key has signature type 0x01');
  const parsed = parseNote(note);
  const c = parseCheckpointText(parsed.text);
  if (c.origin !== log.name) throw new Error(`the checkpoint is for ${c.origin}, the key is ${log.name}'s`);
  const verdict = verifyNoteSignature(parsed, log);
  if (verdict === 'unsigned') throw new Error(`the checkpoint carries no signature by ${log.name}`);
  if (verdict === 'bad_signature') throw new Error(`the signature by ${log.name} does not verify`);
  return { ...c, text: parsed.text, note: parsed };
}

/** The message an Ed25519 cosignature signs (tlog-cosignature §Ed25519 signed message). */
export function cosignedMessage(checkpointBody: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${checkpointBody}`, 'utf8');
}

/**
 * A cosignature line over a checkpoint text: key id ‖ u64 big-endian timestamp ‖ Ed25519
 * signature, under a key of type 0x04. `timestamp` is POSIX seconds from the caller's clock.
 */
export function cosign(checkpointBody: string, timestamp: number, witness: NoteSigner): string {
  if (witness.type !== SIG_COSIGNATURE_V1) throw new Error('a cosigner key has signature type 0x04');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error('the cosignature timestamp is POSIX seconds');
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, cosignedMessage(checkpointBody, timestamp), witness.privateKey);
  return signatureLine(witness.name, witness.keyId, Buffer.concat([time, signature]));
}

/** Verifies the cosignatures of `witness` on a parsed note; null when there is none or one fails. */
export function verifyCosignature(note: ParsedNote, witness: NoteVerifier): Cosignature | null {
  if (witness.type !== SIG_COSIGNATURE_V1) return null;
  const mine = signaturesBy(note, witness);
  let found: Cosignature | null = null;
  for (const s of mine) {
    if (s.signature.length !== 8 + 64) return null;
    const timestamp = Number(s.signature.readBigUInt64BE(0));
    if (!Number.isSafeInteger(timestamp)) return null;
    if (!ed25519Verify(witness.publicKey, cosignedMessage(note.text, timestamp), s.signature.subarray(8))) return null;
    found = { name: s.name, keyId: s.keyId, timestamp, line: s.line };
  }
  return found;
}

/** Adds signature lines to a signed note (e.g. cosignatures collected for it), skipping duplicates. */
export function withSignatures(note: string, lines: readonly string[]): string {
  const present = new Set(parseNote(note).signatures.map((s) => s.line));
  return note + [...new Set(lines)].filter((l) => !present.has(l)).join('');
}
