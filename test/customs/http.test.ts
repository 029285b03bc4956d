import { after, before, describe } from 'node:test';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { login } from '../support/http.ts';
import { startPlatform } from '../support/platform.ts';
import { declarantCases, tariffVersionCases } from './declarant-cases.ts';
import { officerCases, rotationCases } from './officer-cases.ts';
import { databaseKinds, type CustomsHarness } from './support.ts';

// One platform per database for every customs HTTP case: starting PGlite is most of the cost.
for (const kind of databaseKinds('customs over HTTP')) {
  describe(`customs over HTTP (${kind})`, () => {
    const h = { clock: new ManualClock('2026-11-23T08:00:00Z') } as CustomsHarness;
    before(async () => {
      h.bf = await startPlatform({ database: kind, clock: h.clock });
      // These cases are about the customs workflow, so they pin the channel; the risk engine's
      // channels are tested through customs in test/risk/customs-http.test.ts.
      h.bf.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
      [h.declarant, h.declarant2, h.officer, h.supervisor] = await Promise.all([
        login(h.bf.url, 'declarant'), login(h.bf.url, 'declarant2'), login(h.bf.url, 'officer'), login(h.bf.url, 'supervisor'),
      ]);
    });
    after(() => h.bf.close());
    declarantCases(h);
    officerCases(h);
    rotationCases(h);
    tariffVersionCases(h);
  });
}
