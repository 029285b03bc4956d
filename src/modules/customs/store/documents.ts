import { sql, typed, type Executor } from '../../../infra/db/index.ts';
import type { DeclarationDocument, DocumentType } from '../model.ts';
import type { ReleaseNotice, SignedReleaseNotice } from '../release-notice.ts';
import { json, type DocumentRow, type Tables } from './tables.ts';

const toDocument = (r: DocumentRow): DeclarationDocument => ({
  id: r.id, declarationId: r.declaration_id, type: r.type as DocumentType, filename: r.filename, mediaType: r.media_type,
  sizeBytes: r.size_bytes, sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: new Date(r.uploaded_at),
});

/** Document metadata, and the bytes kept once per SHA-256. */
export const documents = {
  /** Stores the bytes unless the same content is already kept. */
  async putBlob(x: Executor, b: { sha256: string; mediaType: string; bytes: Uint8Array }): Promise<void> {
    await sql`insert into customs.document_blobs (sha256, media_type, size_bytes, bytes)
      values (${b.sha256}, ${b.mediaType}, ${b.bytes.length}, ${Buffer.from(b.bytes)}) on conflict (sha256) do nothing`.execute(x);
  },
  async insert(x: Executor, d: DeclarationDocument): Promise<void> {
    await typed<Tables>(x).insertInto('customs.documents').values({
      id: d.id, declaration_id: d.declarationId, type: d.type, filename: d.filename, media_type: d.mediaType,
      size_bytes: d.sizeBytes, sha256: d.sha256, uploaded_by: d.uploadedBy, uploaded_at: d.uploadedAt,
    }).execute();
  },
  async list(x: Executor, declarationId: string): Promise<DeclarationDocument[]> {
    return (await typed<Tables>(x).selectFrom('customs.documents').selectAll().where('declaration_id', '=', declarationId).orderBy('id').execute()).map(toDocument);
  },
  async byId(x: Executor, declarationId: string, id: string): Promise<DeclarationDocument | null> {
    const r = await typed<Tables>(x).selectFrom('customs.documents').selectAll().where('declaration_id', '=', declarationId).where('id', '=', id).executeTakeFirst();
    return r ? toDocument(r) : null;
  },
  async bytes(x: Executor, sha256: string): Promise<Buffer | null> {
    const r = await typed<Tables>(x).selectFrom('customs.document_blobs').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
    return r ? Buffer.from(r.bytes) : null;
  },
  async count(x: Executor): Promise<number> {
    const r = await typed<Tables>(x).selectFrom('customs.documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  },
};

/** Signed release notices, one per released declaration. */
export const notices = {
  async insert(x: Executor, declarationId: string, n: SignedReleaseNotice, at: Date): Promise<void> {
    await typed<Tables>(x).insertInto('customs.release_notices')
      .values({ declaration_id: declarationId, notice: json(n.notice), signature: n.signature, qr: n.qr, key_id: n.notice.keyId, issued_at: at })
      .execute();
  },
  async byDeclaration(x: Executor, declarationId: string): Promise<SignedReleaseNotice | null> {
    const r = await typed<Tables>(x).selectFrom('customs.release_notices').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
    return r ? { notice: r.notice as ReleaseNotice, signature: r.signature, qr: r.qr } : null;
  },
};
