import { after, before, describe } from 'node:test';
import { bookingCases } from './booking-cases.ts';
import { endToEndCases } from './e2e-cases.ts';
import { opsCases } from './ops-cases.ts';
import { readCases } from './read-cases.ts';
import { databaseKinds, startGate, type GateHarness } from './support.ts';

// One platform per database for every gate HTTP case: starting the platform is most of the cost.
for (const kind of databaseKinds('gate over HTTP')) {
  describe(`gate over HTTP (${kind})`, () => {
    let h: GateHarness;
    before(async () => {
      h = await startGate(kind);
    });
    after(() => h.bf.close());
    endToEndCases(() => h);
    bookingCases(() => h);
    readCases(() => h);
    opsCases(() => h);
  });
}
