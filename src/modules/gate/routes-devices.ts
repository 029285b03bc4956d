import type { FastifyRequest } from 'fastify';
import { contextOf, type HttpApp } from '../../infra/http/index.ts';
import { deviceContext } from './device-context.ts';
import { gateError } from './errors.ts';
import type { DeviceAuthenticate, DeviceIdentity } from './ports.ts';
import type { ReadService } from './read-service.ts';
import { DeviceReadBody } from './schema.ts';
import { toDeviceRead } from './views.ts';

/** Device credentials from `X-Device-Id` + `X-Device-Secret`, or HTTP Basic (id:secret). */
export function deviceCredentials(req: FastifyRequest): { id: string; secret: string } | null {
  const id = req.headers['x-device-id'];
  const secret = req.headers['x-device-secret'];
  if (typeof id === 'string' && typeof secret === 'string') return { id, secret };
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return null;
}

/** `POST /api/gate/reads`: device-authenticated reads; a barrier gets its decision in the answer. */
export function deviceRoutes(readsService: ReadService, authenticate: DeviceAuthenticate, siteId: string) {
  return async (app: HttpApp) => {
    app.post('/reads', {
      schema: { tags: ['gate: devices'], summary: 'A device read (plate, container, QR pass, weight, barrier state); barriers get open/hold with reasons', body: DeviceReadBody },
      // Authenticate before the body is validated: an unknown device learns nothing about the schema.
      preValidation: async (req) => {
        const creds = deviceCredentials(req);
        const device = creds ? await authenticate(creds.id, creds.secret) : null;
        if (!device || device.siteId !== siteId) {
          await readsService.refuseDevice(contextOf(req), creds?.id ?? null, !creds ? 'no credentials' : device ? `registered at ${device.siteId}` : 'unknown device or wrong secret');
          throw gateError('GATE_DEVICE_UNAUTHENTICATED', 'Send the credentials of a registered, active device of this site');
        }
        (req as FastifyRequest & { device?: DeviceIdentity }).device = device;
      },
    }, async (req) => {
      const device = (req as FastifyRequest & { device?: DeviceIdentity }).device!;
      return readsService.handle(deviceContext(device, String(req.id), req.ip), device, toDeviceRead(req.body));
    });
  };
}
