/** Drives trucks through the real gate for IOC tests (public HTTP interfaces only). */
import { sql } from 'kysely';
import { systemContext } from '../../src/infra/auth/index.ts';
import type { ManualClock } from '../../src/infra/clock/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { book, declare, DEVICES, read, type GateHarness } from '../gate/support.ts';
import { call, login } from '../support/http.ts';
import type { RunningPlatform } from '../support/platform.ts';

/**
 * Makes a running platform (e.g. the browser harness's) ready for trucks like `startGate` does:
 * yellow channel, signed-in users, registered devices, partner capacity 08:00–20:00.
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

/** Distinct plates (far apart, so the matcher never confuses two of them). */
export const PLATES = ['桂A12345', '粤B67890', '桂C24680', '粤D13579', '桂E97531', '粤F86420'] as const;

/** Declares, books an inbound slot (09:00 unless given) for `plate`, and returns the journey id. */
export async function bookTruck(h: GateHarness, plate: string, n: number, slotStart = '2026-11-23T09:00:00.000Z'): Promise<{ journeyId: string; declarationId: string }> {
  const declarationId = await declare(h, plate);
  const booked = await book(h, declarationId, slotStart, { plate, driver: { name: `Driver ${n}`, document: `E9000000${n}` } });
  if (booked.status !== 201) throw new Error(`book ${plate}: ${booked.status} ${JSON.stringify(booked.body)}`);
  return { journeyId: booked.body.journeyId as string, declarationId };
}

/** The entry barrier reads the plate: the truck arrives and enters the yard. */
export async function arrive(h: GateHarness, plate: string, readId: string): Promise<void> {
  const r = await read(h, DEVICES.entry, { type: 'plate', readId, plate, confidence: 0.97, position: 'entry', lane: 1 });
  if (r.status !== 200) throw new Error(`entry read ${plate}: ${r.status} ${JSON.stringify(r.body)}`);
}

/** Audit actions recorded for a target. */
export async function auditActions(h: GateHarness, targetId: string): Promise<string[]> {
  const r = await sql<{ action: string }>`select action from audit.records where target_id = ${targetId} order by id`.execute(h.bf.platform.database.db);
  return r.rows.map((x) => x.action);
}
