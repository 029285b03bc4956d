import { Type } from 'typebox';
import { requireAuth, type HttpApp } from '../../../infra/http/index.ts';
import { releaseKeyId, verifyReleaseNotice } from '../release-notice.ts';
import { TariffQuery, VerifyBody } from '../schema.ts';
import type { CustomsServices } from './context.ts';

/** The release-notice key and an online check, under /api/public/customs (no sign-in). */
export function publicRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    app.get('/release-key', {
      schema: {
        tags: ['public'], summary: 'The Ed25519 public key that signs release notices (for offline verification)',
        response: { 200: Type.Object({ algorithm: Type.String(), keyId: Type.String(), publicKey: Type.String(), publicKeyPem: Type.String() }) },
      },
    }, async () => ({
      algorithm: 'Ed25519',
      keyId: releaseKeyId(s.releaseKey.publicKeyBase64),
      publicKey: s.releaseKey.publicKeyBase64,
      publicKeyPem: String(s.releaseKey.publicKey.export({ type: 'spki', format: 'pem' })),
    }));
    app.post('/release-notices/verify', {
      schema: { tags: ['public'], summary: 'Check a release-notice QR text against the key (what a gate device does offline)', body: VerifyBody },
    }, async (req) => verifyReleaseNotice(req.body.qr, s.releaseKey.publicKey));
  };
}

/** Tariff look-ups under /api/customs/tariff, for the portal's HS code picker. */
export function tariffRoutes(s: CustomsServices) {
  return async (app: HttpApp) => {
    app.get('', { schema: { tags: ['customs: tariff'], summary: 'Loaded tariff versions, the one in force first' }, preHandler: requireAuth }, async () => {
      const current = await s.tariff.current();
      return { current: current.version, versions: await s.tariff.versions() };
    });
    app.get('/lines', { schema: { tags: ['customs: tariff'], summary: 'Search tariff lines by code prefix or description', querystring: TariffQuery }, preHandler: requireAuth }, async (req) => ({
      items: (await s.tariff.current()).search(req.query.q ?? '', req.query.limit ?? 20),
    }));
  };
}
