import type { RequestContext } from '../../infra/auth/index.ts';
import type { DeviceIdentity } from './ports.ts';

/** The request context of a device: audited under its device id with the `device` role. */
export function deviceContext(device: DeviceIdentity, requestId: string | null, sourceIp: string | null = null): RequestContext {
  return { actor: { kind: 'api_key', id: device.deviceId, name: `device:${device.deviceId}`, roles: ['device'], enterpriseId: null }, requestId, sourceIp };
}
