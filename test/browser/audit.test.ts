/**
 * Browser test of the audit-trail page: an auditor finds who did what to a declaration, pages
 * through, and has every record checked against its hash chain; a supervisor reads the trail but
 * is not offered the check. Needs Debian's chromium (or CHROMIUM_PATH).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { releasedDeclaration } from '../customs/support.ts';
import { openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the audit-trail page');

describe('audit-trail page', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let declarationId = '';

  before(async () => {
    harness = await openBrowserHarness();
    if (!harness) return;
    declarationId = await releasedDeclaration(harness.platform);
  });

  after(async () => {
    await harness?.close();
  });

  test('an auditor traces a declaration and checks the chains; a supervisor only reads', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/');
    await signInEnglish(page, 'auditor');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit trail' }).click();
    await seeHeading(page, 'Audit trail');
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();

    await page.getByLabel('Record id').fill(declarationId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('tbody tr td:nth-child(4)', { hasText: declarationId }).first().waitFor();
    const actions = await rows.locator('td:nth-child(3)').allInnerTexts();
    // Newest first: the release is at the top, the submission further down; all about this declaration.
    assert.equal(actions[0], 'declaration.release');
    assert.ok(actions.includes('declaration.submit'), `the submission is listed (${actions.join(', ')})`);
    assert.ok((await rows.locator('td:nth-child(4)').allInnerTexts()).every((id) => id === declarationId));
    assert.ok((await rows.locator('td:nth-child(2)').allInnerTexts()).some((who) => who.startsWith('declarant')), 'the declarant is named');

    await page.getByLabel('User (name or id)').fill('nobody-at-all');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No records match.').waitFor();

    await page.getByRole('button', { name: 'Check every record' }).click();
    await page.getByText(/^All \d+ records verify\.$/).waitFor();

    const supervisor = await harness.newPage('/');
    await signInEnglish(supervisor, 'supervisor');
    await supervisor.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit trail' }).click();
    await seeHeading(supervisor, 'Audit trail');
    await supervisor.locator('tbody tr').first().waitFor();
    assert.equal(await supervisor.getByRole('button', { name: 'Check every record' }).count(), 0);
    assert.deepEqual(harness.pageErrors, []);
  });
});
