import { sql, type Kysely, type Migration } from 'kysely';

/** Indexes for the booking and journey lists (newest slot first; by plate). */
export const m0003: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create index bookings_slot_desc on gate.bookings (slot_start desc, id desc)`.execute(db);
    await sql`create index bookings_plate on gate.bookings (plate, slot_start desc)`.execute(db);
    await sql`create index journeys_slot_desc on gate.journeys (slot_start desc, id desc)`.execute(db);
    await sql`create index journeys_plate on gate.journeys (plate, slot_start desc)`.execute(db);
  },
};
