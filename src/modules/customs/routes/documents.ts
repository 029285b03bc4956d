import { actorOf, contextOf, requireAuth, requireRole, type HttpApp } from '../../../infra/http/index.ts';
import { platformError } from '../../../infra/errors/index.ts';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES, isDocumentMediaType, safeFilename } from '../documents.ts';
import { DocumentParams, IdParams, NoticeQuery, UploadQuery } from '../schema.ts';
import { releaseNoticePng, releaseNoticeSvg } from '../release-notice.ts';
import { DocumentView, presentDocument } from '../views.ts';
import { Type } from 'typebox';
import type { CustomsServices } from './context.ts';

const tags = ['customs: documents'];

/** Documents and the release notice under /api/customs/declarations/:id/… */
export function documentRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    // Documents arrive as the raw body with their own content type; only these three, and up
    // to 10 MiB on this route alone (everything else keeps the platform's body limit).
    app.addContentTypeParser([...DOCUMENT_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_req, body, done) => done(null, body));

    app.post('/:id/documents', {
      bodyLimit: MAX_DOCUMENT_BYTES,
      schema: {
        tags, summary: 'Attach a PDF, JPEG or PNG (≤ 10 MiB) sent as the raw body with its content type', params: IdParams, querystring: UploadQuery,
        consumes: [...DOCUMENT_MEDIA_TYPES], response: { 201: DocumentView },
      },
      preHandler: requireRole('declarant', 'customs_officer', 'customs_supervisor'),
    }, async (req, reply) => {
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isDocumentMediaType(mediaType) || !Buffer.isBuffer(req.body)) {
        throw platformError('UNSUPPORTED_MEDIA_TYPE', `Documents are sent as ${DOCUMENT_MEDIA_TYPES.join(', ')}; got ${mediaType || 'no content type'}`);
      }
      const doc = await s.documents.upload(contextOf(req), req.params.id, {
        type: req.query.type, filename: safeFilename(req.query.filename, `${req.query.type}.${mediaType.split('/')[1]}`), mediaType, bytes: req.body,
      });
      return reply.status(201).send(presentDocument(doc));
    });
    app.get('/:id/documents', { schema: { tags, summary: "A declaration's documents", params: IdParams, response: { 200: Type.Object({ items: Type.Array(DocumentView) }) } }, preHandler: requireAuth }, async (req) => ({
      items: (await s.documents.list(actorOf(req), req.params.id)).map(presentDocument),
    }));
    app.get('/:id/documents/:documentId', { schema: { tags, summary: 'Download a document', params: DocumentParams }, preHandler: requireAuth }, async (req, reply) => {
      const { document, bytes } = await s.documents.content(actorOf(req), req.params.id, req.params.documentId);
      return reply
        .type(document.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
        .header('x-content-sha256', document.sha256)
        .send(bytes);
    });
    app.get('/:id/release-notice', {
      schema: { tags, summary: 'The signed release notice (JSON), or its QR code (?format=png|svg)', params: IdParams, querystring: NoticeQuery },
      preHandler: requireAuth,
    }, async (req, reply) => {
      const signed = await s.documents.releaseNotice(actorOf(req), req.params.id);
      if (req.query.format === 'png') return reply.type('image/png').send(await releaseNoticePng(signed.qr));
      if (req.query.format === 'svg') return reply.type('image/svg+xml').send(await releaseNoticeSvg(signed.qr));
      return { ...signed, publicKey: s.releaseKey.publicKeyBase64, algorithm: 'Ed25519' };
    });
  };
}
