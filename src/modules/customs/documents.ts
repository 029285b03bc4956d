/**
 * Supporting documents: which media types are accepted and whether the bytes are what the
 * content type claims, by their magic numbers. Pure.
 */

/** Media types a document may have. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** The largest document accepted: 10 MiB. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const SIGNATURES: Record<DocumentMediaType, number[]> = {
  // ISO 32000-1 §7.5.2: a PDF starts with "%PDF-".
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  // JPEG (ITU T.81): SOI marker FF D8 followed by another marker FF.
  'image/jpeg': [0xff, 0xd8, 0xff],
  // PNG (RFC 2083 §3.1): the 8-byte signature.
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The media type the bytes are, by their magic number, or null when none of ours. */
export function sniffMediaType(bytes: Uint8Array): DocumentMediaType | null {
  for (const [type, sig] of Object.entries(SIGNATURES) as Array<[DocumentMediaType, number[]]>) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** True for a media type documents may have. */
export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

/** Makes a client-supplied file name safe to store and to echo in a Content-Disposition. */
export function safeFilename(name: string | undefined, fallback: string): string {
  const cleaned = [...(name ?? '')].map((ch) => (ch < ' ' || ch === '/' || ch === '\\' || ch === '"' ? '_' : ch)).join('').trim().slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}
