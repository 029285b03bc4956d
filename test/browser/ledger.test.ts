/**
 * Browser test of the transparency-log page: an auditor sees the latest checkpoint with its
 * signature checked in the browser, finds a declaration's entries, and has the browser verify
 * an entry's inclusion proof against the signed root. Needs Debian's chromium (or CHROMIUM_PATH).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { releasedDeclaration } from '../customs/support.ts';
import { openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the transparency-log page');

describe('transparency-log page', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let declarationId = '';

  before(async () => {
    harness = await openBrowserHarness();
    if (!harness) return;
    declarationId = await releasedDeclaration(harness.platform);
    await harness.platform.platform.bus.drain();
    await harness.platform.platform.ledger.issueCheckpoint();
  });

  after(async () => {
    await harness?.close();
  });

  test('an auditor checks the signed checkpoint and verifies a released declaration’s entries in the browser', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/');
    await signInEnglish(page, 'auditor');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Transparency log' }).click();
    await seeHeading(page, 'Transparency log');

    const size = (await harness.platform.platform.ledger.checkpoints.latest()).size;
    await page.getByText('Verified in this browser', { exact: true }).waitFor();
    assert.equal(await page.getByTestId('checkpoint-size').innerText(), String(size), 'the page shows the signed size');

    await page.getByLabel('Record id (e.g. decl_…)').fill(declarationId);
    await page.getByRole('button', { name: 'Show its entries' }).click();
    await page.getByRole('heading', { level: 2, name: `Entries: ${declarationId}` }).waitFor();
    const rows = page.locator('tbody tr');
    assert.deepEqual(await rows.locator('td:nth-child(2)').allInnerTexts(), ['declaration.submitted', 'declaration.assessed', 'declaration.released']);

    // The browser recomputes the leaf from the entry's fields and walks the audit path to the signed root.
    for (const index of await rows.locator('td:first-child').allInnerTexts()) {
      await page.getByRole('button', { name: `Verify #${index}` }).click();
    }
    const included = page.getByText(`✓ Included in the signed log of ${size} entries`);
    await included.nth(2).waitFor();
    assert.equal(await included.count(), 3);
    assert.deepEqual(harness.pageErrors, []);
  });
});
