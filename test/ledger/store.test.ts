// The ledger against a real database: one rig (database + event bus + ledger module) per kind,
// shared by the case files in order — PGlite takes seconds to start, so each kind starts once.
// The CLI cases tamper with the store, so they run last.
import { after, before, describe } from 'node:test';
import { cliCases } from './cli-cases.ts';
import { logCases } from './log-cases.ts';
import { databaseKinds, startLedger, type LedgerRig } from './support.ts';
import { witnessCases } from './witness-cases.ts';

for (const kind of databaseKinds('ledger store tests')) {
  describe(`ledger on ${kind}`, () => {
    let rig: LedgerRig;
    before(async () => {
      rig = await startLedger(kind, 'VN-MONGCAI', { checkpointIntervalMs: 100 });
    });
    after(() => rig.close());
    describe('log, checkpoints and proofs', () => logCases(() => rig));
    describe('witness', () => witnessCases(() => rig));
    describe('ledger verify and prove', () => cliCases(() => rig));
  });
}
