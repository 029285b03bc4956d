import type { Actor, RequestContext } from '../../infra/auth/index.ts';
import { sha256Hex } from '../../infra/crypto/index.ts';
import type { Db } from '../../infra/db/index.ts';
import { authError } from '../../infra/http/index.ts';
import type { IdGenerator } from '../../infra/ids/index.ts';
import type { UnitOfWork } from '../../infra/events/index.ts';
import { sniffMediaType, type DocumentMediaType } from './documents.ts';
import { customsError } from './errors.ts';
import type { DeclarationDocument, DocumentType } from './model.ts';
import { declarationPolicy } from './policies.ts';
import type { SignedReleaseNotice } from './release-notice.ts';
import { documents, notices } from './store/documents.ts';
import { declarations, timeline } from './store/declarations.ts';
import { actorRef, notFound } from './workflow.ts';

/** A file to attach. */
export interface Upload {
  type: DocumentType;
  filename: string;
  mediaType: DocumentMediaType;
  bytes: Uint8Array;
}

const CLOSED = new Set(['released', 'rejected', 'cancelled']);

/** Supporting documents and release notices. */
export class DocumentService {
  constructor(
    private readonly db: Db,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Attaches a document. The bytes must be what the content type says (magic number) — checked
   * before anything is written — and are kept once per SHA-256.
   */
  async upload(ctx: RequestContext, declarationId: string, u: Upload): Promise<DeclarationDocument> {
    if (u.bytes.length === 0) throw customsError('CUSTOMS_DOCUMENT_EMPTY', 'The body is empty');
    const sniffed = sniffMediaType(u.bytes);
    if (sniffed !== u.mediaType) throw customsError('CUSTOMS_DOCUMENT_TYPE_MISMATCH', `The content type is ${u.mediaType} but the bytes are ${sniffed ?? 'none of PDF, JPEG or PNG'}`);
    const sha256 = sha256Hex(u.bytes);
    return this.uow.run(ctx, async (w) => {
      const actor = ctx.actor!;
      const d = await declarations.byId(w.tx, declarationId, true);
      if (!d || !declarationPolicy.read(actor, d)) throw notFound(declarationId);
      if (!declarationPolicy.edit(actor, d) && !declarationPolicy.decide(actor, d)) throw authError('FORBIDDEN', 'Only the declarant or the assigned officer attaches documents');
      if (CLOSED.has(d.state)) throw customsError('CUSTOMS_TRANSITION_NOT_ALLOWED', `cannot attach a document to a declaration that is ${d.state}`, undefined, { state: d.state });
      await documents.putBlob(w.tx, { sha256, mediaType: u.mediaType, bytes: u.bytes });
      const doc: DeclarationDocument = {
        id: this.ids.next('doc'), declarationId, type: u.type, filename: u.filename, mediaType: u.mediaType,
        sizeBytes: u.bytes.length, sha256, uploadedBy: actor.id, uploadedAt: w.now,
      };
      await documents.insert(w.tx, doc);
      const details = { documentId: doc.id, type: doc.type, filename: doc.filename, sha256, sizeBytes: doc.sizeBytes };
      await timeline.append(w.tx, d.id, { at: w.now, actor: actorRef(actor), action: 'attach_document', from: d.state, to: d.state, details });
      w.emit({ type: 'declaration.document_attached', subject: d.id, data: { declarationId: d.id, enterpriseId: d.enterpriseId, state: d.state, ...details } });
      w.audit({ action: 'declaration.attach_document', targetType: 'declaration', targetId: d.id, details });
      return doc;
    });
  }

  /** The documents of a declaration the actor may see. */
  async list(actor: Actor, declarationId: string): Promise<DeclarationDocument[]> {
    await this.#visible(actor, declarationId);
    return documents.list(this.db, declarationId);
  }

  /** One document with its bytes. */
  async content(actor: Actor, declarationId: string, documentId: string): Promise<{ document: DeclarationDocument; bytes: Buffer }> {
    await this.#visible(actor, declarationId);
    const document = await documents.byId(this.db, declarationId, documentId);
    const bytes = document ? await documents.bytes(this.db, document.sha256) : null;
    if (!document || !bytes) throw customsError('CUSTOMS_DOCUMENT_NOT_FOUND', `No document ${documentId} on ${declarationId}`);
    return { document, bytes };
  }

  /** The signed release notice of a released declaration. */
  async releaseNotice(actor: Actor, declarationId: string): Promise<SignedReleaseNotice> {
    await this.#visible(actor, declarationId);
    const n = await notices.byDeclaration(this.db, declarationId);
    if (!n) throw customsError('CUSTOMS_RELEASE_NOTICE_NOT_FOUND', `${declarationId} has not been released`);
    return n;
  }

  async #visible(actor: Actor, id: string): Promise<void> {
    const d = await declarations.byId(this.db, id);
    if (!d || !declarationPolicy.read(actor, d)) throw notFound(id);
  }
}
