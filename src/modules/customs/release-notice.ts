/**
 * The release notice: the signed statement that customs released a declaration, carried as a QR
 * code a gate device or the partner customs verifies offline with our public key.
 *
 * Signed bytes: the RFC 8785 canonical JSON of the notice. Signature: Ed25519 (RFC 8032).
 * QR text: `BFRN1.<base64url(notice JSON)>.<base64url(signature)>` (RFC 4648 §5), so the
 * verifier checks the exact bytes that were signed and needs no canonicaliser of its own.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import QRCode from 'qrcode';
import { canonicalJson, sha256Hex, signEd25519, verifyEd25519 } from '../../infra/crypto/index.ts';
import type { Declaration } from './model.ts';

/** What a release notice states. */
export interface ReleaseNotice {
  v: 1;
  kind: 'borderflow.customs.release';
  declarationId: string;
  version: number;
  type: string | null;
  direction: string | null;
  borderGate: string | null;
  enterpriseId: string;
  tractorPlate: string | null;
  trailerPlate: string | null;
  containers: string[];
  channel: string | null;
  releasedAt: string;
  releasedBy: { id: string; name: string };
  keyId: string;
}

/** A notice with its signature and QR text. */
export interface SignedReleaseNotice {
  notice: ReleaseNotice;
  signature: string;
  qr: string;
}

const QR_PREFIX = 'BFRN1';
// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4) before the 32 raw key bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The key id a notice names: the first 16 hex digits of SHA-256 over the raw public key. */
export function releaseKeyId(publicKeyBase64: string): string {
  return sha256Hex(Buffer.from(publicKeyBase64, 'base64')).slice(0, 16);
}

/** An Ed25519 public key object from its raw 32 bytes in base64. */
export function publicKeyFromRaw(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The notice for a released declaration. */
export function buildReleaseNotice(d: Declaration, releasedBy: { id: string; name: string }, keyId: string): ReleaseNotice {
  const c = d.content;
  return {
    v: 1,
    kind: 'borderflow.customs.release',
    declarationId: d.id,
    version: d.version,
    type: c.type ?? null,
    direction: c.direction ?? null,
    borderGate: c.borderGate ?? null,
    enterpriseId: d.enterpriseId,
    tractorPlate: c.consignment?.transport?.tractorPlate ?? null,
    trailerPlate: c.consignment?.transport?.trailerPlate ?? null,
    containers: (c.consignment?.equipment ?? []).map((e) => e.containerNumber ?? ''),
    channel: d.channel,
    releasedAt: (d.releasedAt ?? d.updatedAt).toISOString(),
    releasedBy,
    keyId,
  };
}

/** Signs a notice and encodes it for the QR code. */
export function signReleaseNotice(notice: ReleaseNotice, privateKey: KeyObject): SignedReleaseNotice {
  const message = canonicalJson(notice);
  const signature = toBase64Url(signEd25519(privateKey, message));
  return { notice, signature, qr: `${QR_PREFIX}.${Buffer.from(message, 'utf8').toString('base64url')}.${signature}` };
}

/** The outcome of verifying a QR text. */
export type NoticeVerification = { valid: true; notice: ReleaseNotice } | { valid: false; reason: string };

/** Verifies a release-notice QR text offline against the customs public key. */
export function verifyReleaseNotice(qr: string, publicKey: KeyObject): NoticeVerification {
  const parts = qr.trim().split('.');
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return { valid: false, reason: `not a ${QR_PREFIX} release notice` };
  const message = Buffer.from(parts[1]!, 'base64url');
  if (!verifyEd25519(publicKey, message, parts[2]!)) return { valid: false, reason: 'the signature does not verify' };
  try {
    const notice = JSON.parse(message.toString('utf8')) as ReleaseNotice;
    if (notice.kind !== 'borderflow.customs.release') return { valid: false, reason: 'not a release notice' };
    return { valid: true, notice };
  } catch {
    return { valid: false, reason: 'the notice is not JSON' };
  }
}

/** The QR code of a notice as PNG bytes. */
export function releaseNoticePng(qr: string): Promise<Buffer> {
  return QRCode.toBuffer(qr, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4 });
}

/** The QR code of a notice as an SVG document. */
export function releaseNoticeSvg(qr: string): Promise<string> {
  return QRCode.toString(qr, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

function toBase64Url(b64: string): string {
  return Buffer.from(b64, 'base64').toString('base64url');
}
