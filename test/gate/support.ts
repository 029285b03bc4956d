import { systemContext } from '../../src/infra/auth/index.ts';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { validDeclaration } from '../customs/fixtures.ts';
import { call, login, type Reply } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { services } from '../support/services.ts';

/** PGlite always, PostgreSQL too when DATABASE_URL is set. */
export function databaseKinds(suite: string): Array<'pglite' | 'postgres'> {
  if (services.databaseUrl) return ['pglite', 'postgres'];
  if (services.requireServices) throw new Error('REQUIRE_SERVICES=1 but DATABASE_URL is not set');
  console.warn(`\n*** ${suite} runs on PGlite only: set DATABASE_URL to run it on PostgreSQL too ***\n`);
  return ['pglite'];
}

/** The gate devices the tests register, with their secrets. */
export const DEVICES = {
  entry: { id: 'bar-entry-1', kind: 'barrier', secret: 'entry-secret-123' },
  exit: { id: 'bar-exit-1', kind: 'barrier', secret: 'exit-secret-123' },
  camera: { id: 'cam-entry-1', kind: 'plate-camera', secret: 'camera-secret-123' },
  weighbridge: { id: 'wb-1', kind: 'weighbridge', secret: 'wb-secret-123' },
  qr: { id: 'qr-1', kind: 'qr-reader', secret: 'qr-secret-123' },
  container: { id: 'ccam-1', kind: 'container-camera', secret: 'ccam-secret-123' },
  seal: { id: 'eseal-1', kind: 'eseal-reader', secret: 'eseal-secret-123' },
} as const;

/** A running platform with signed-in users, registered devices and partner capacity for the day. */
export interface GateHarness {
  clock: ManualClock;
  bf: RunningPlatform;
  tokens: Record<'declarant' | 'declarant2' | 'officer' | 'guard' | 'operator' | 'admin', string>;
}

/** Starts the platform at 2026-11-23 08:00 UTC, partner side open 08:00–20:00 for 10 trucks a slot inbound. */
export async function startGate(kind: 'pglite' | 'postgres'): Promise<GateHarness> {
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  return prepareGate(await startPlatform({ database: kind, clock }), clock);
}

/**
 * Makes a running platform (`startGate`'s, or the browser harness's) ready for trucks: yellow
 * channel, signed-in users, registered devices, partner capacity 08:00–20:00.
 */
export async function prepareGate(bf: RunningPlatform, clock: ManualClock): Promise<GateHarness> {
  bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
  const names = ['declarant', 'declarant2', 'officer', 'guard', 'operator', 'admin'] as const;
  const tokens = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await login(bf.url, n)]))) as GateHarness['tokens'];
  for (const d of Object.values(DEVICES)) await bf.platform.identity.directory.registerDevice(systemContext(), { id: d.id, kind: d.kind, name: d.id, secret: d.secret });
  for (const laneClass of ['general', 'perishable']) {
    const r = await call(bf.url, 'POST', '/api/gate/partner-capacity', { token: tokens.admin, body: { direction: 'inbound', laneClass, from: '2026-11-23T08:00:00Z', to: '2026-11-23T20:00:00Z', trucksPerSlot: 10 } });
    if (r.status !== 201) throw new Error(`partner capacity: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { clock, bf, tokens };
}

/** Submits a valid import declaration for `plate`; returns its id. */
export async function declare(h: GateHarness, plate = '桂A12345', token = h.tokens.declarant): Promise<string> {
  const base = validDeclaration(h.clock.now());
  const r = await call(h.bf.url, 'POST', '/api/customs/declarations?submit=true', {
    token, body: { ...base, consignment: { ...base.consignment, transport: { ...base.consignment.transport, tractorPlate: plate } } },
  });
  if (r.status !== 201) throw new Error(`declare: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

/** Books a slot for a declaration. */
export function book(h: GateHarness, declarationId: string, slotStart: string, over: Record<string, unknown> = {}, token = h.tokens.declarant): Promise<Reply> {
  return call(h.bf.url, 'POST', '/api/gate/bookings', {
    token,
    body: { declarationId, direction: 'inbound', laneClass: 'general', slotStart, plate: '桂A12345', vehicleClass: 'tractor_trailer', driver: { name: 'Wang Wei', document: 'E12345678' }, ...over },
  });
}

/** Sends a device read as `device`. */
export function read(h: GateHarness, device: { id: string; secret: string }, body: Record<string, unknown>): Promise<Reply> {
  return call(h.bf.url, 'POST', '/api/gate/reads', { body: { at: h.clock.now().toISOString(), ...body }, headers: { 'x-device-id': device.id, 'x-device-secret': device.secret } });
}
