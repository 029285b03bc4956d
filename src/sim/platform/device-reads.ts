/**
 * Device reads in platform mode go straight to the gate's read service (the module's public
 * `reads`), past the HTTP edge: device authentication and the body schema, which the gate's HTTP
 * tests cover and the live twin exercises over real HTTP and MQTT. What the read does — matching,
 * journey, barrier decision — is the same code.
 */
import type { Platform } from '../../platform.ts';
import type { InProcessReads, TwinDevice } from '../twin/transport.ts';

type ReadService = Platform['gate']['reads'];
type DeviceRead = Parameters<ReadService['handle']>[2];

/** The wire body of a read (as `POST /api/gate/reads` takes it) as the read service takes it. */
function toRead(b: Record<string, unknown>): DeviceRead {
  const at = new Date(b.at as string);
  const lane = b.lane === undefined ? null : String(b.lane);
  switch (b.type) {
    case 'plate':
      return { type: 'plate', readId: b.readId as string, at, plate: b.plate as string, confidence: b.confidence as number, position: b.position as 'entry', lane, imageHash: null };
    case 'weight':
      return { type: 'weight', readId: b.readId as string, at, grossKg: b.grossKg as number, plate: b.plate as string };
    case 'barrier-state':
      return { type: 'barrier-state', readId: b.readId as string, at, state: b.state as 'open', commandId: (b.commandId as string | undefined) ?? null };
    default:
      throw new Error(`the twin does not send ${String(b.type)} reads in platform mode`);
  }
}

/** The in-process device reads of platform mode. */
export function gateReads(p: Platform): InProcessReads {
  return async (device: TwinDevice, body) => {
    const identity = { deviceId: device.id, kind: device.kind, siteId: p.config.siteId };
    const ctx = { actor: { kind: 'api_key' as const, id: device.id, name: `device:${device.id}`, roles: ['device' as const], enterpriseId: null }, requestId: null, sourceIp: null };
    const result = await p.gate.reads.handle(ctx, identity, toRead(body));
    return { status: 200, body: JSON.parse(JSON.stringify(result)) as unknown };
  };
}
