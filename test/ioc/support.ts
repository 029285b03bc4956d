/** Drives trucks through the real gate for IOC tests (public HTTP interfaces only). */
import { sql } from 'kysely';
import { book, declare, DEVICES, read, type GateHarness } from '../gate/support.ts';

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
