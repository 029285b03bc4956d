/**
 * Browser test of the customs portal and console against the real platform (issue 3, "Done
 * when"): a declarant fills a declaration in the portal (a wrong container number is flagged
 * beside its field by live validation), attaches a document and submits; the default assessor
 * sends it to yellow; the officer opens it from the worklist, accepts the documents and
 * releases it; the declarant then sees "Released" and downloads a release notice whose Ed25519
 * signature verifies. Everything goes through the UI. Needs Debian's chromium (or
 * CHROMIUM_PATH); skips loudly without it unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ruleFreeAssessor } from '../../src/modules/customs/index.ts';
import { docsScreenshot, openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the customs portal and console');

/** An instant as a `datetime-local` value in Vietnam time (UTC+7, no daylight saving). */
function vietnamInput(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Base64url → bytes. */
const b64url = (s: string) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('customs portal and officer console', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;

  before(async () => {
    harness = await openBrowserHarness();
    // The story needs an officer's decision: the rule-free assessor sends every declaration to
    // yellow, whatever the risk engine would make of this one.
    harness?.platform.platform.customs.plugAssessor(ruleFreeAssessor('yellow'));
  });

  after(async () => {
    await harness?.close();
  });

  /** Signs a user in, in English, in a fresh browser profile. */
  async function signIn(username: string): Promise<Page> {
    assert.ok(harness, 'browser and platform are started');
    const page = await harness.newPage('/', { acceptDownloads: true, label: username });
    await signInEnglish(page, username);
    return page;
  }

  /** The problems shown beside an input (the list its aria-describedby points to). */
  async function problemsOf(input: Locator): Promise<string> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-problems'));
    return id ? input.page().locator(`[id="${id}"]`).innerText() : '';
  }

  /** Waits until the problems beside an input say `text` (live validation answers after a short pause). */
  async function waitForProblem(input: Locator, text: RegExp): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!text.test(await problemsOf(input))) {
      if (Date.now() > deadline) assert.fail(`no problem matching ${text} beside the input (it says: "${await problemsOf(input)}")`);
      await input.page().waitForTimeout(100);
    }
  }

  test('a declarant submits with a document, an officer releases it, the declarant downloads the notice', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;

    // --- The declarant fills a new declaration.
    const declarant = await signIn('declarant');
    await seeHeading(declarant, 'My declarations');
    await declarant.getByRole('link', { name: 'New declaration' }).click();
    await seeHeading(declarant, 'New declaration');

    await declarant.getByLabel('Declaration type').selectOption({ label: 'Import' });
    assert.equal(await declarant.getByLabel('Direction').inputValue(), 'inbound', 'an import comes in');
    await declarant.getByLabel('Border gate').selectOption({ label: 'Móng Cái – Bắc Luân (Quảng Ninh)' });
    await declarant.getByLabel('Expected arrival').fill(vietnamInput(new Date(Date.now() + 24 * 3_600_000)));
    await declarant.getByLabel('Your reference').fill('MC-E2E-0001');

    // The importer and the declarant are the signed-in enterprise, pre-filled from its record.
    const importer = declarant.getByRole('group', { name: 'Importer' });
    assert.equal(await importer.getByLabel('Tax ID').inputValue(), '5700100256');
    const exporter = declarant.getByRole('group', { name: 'Exporter' });
    await exporter.getByLabel('Name').fill('广西东兴果蔬进出口有限公司');
    await exporter.getByLabel('Tax ID').fill('91450100MA5KB1234J');
    await exporter.getByLabel('Country').fill('CN');

    await declarant.getByLabel('Tractor plate').fill('桂A12345');
    await declarant.getByLabel('Trailer plate').fill('桂A1234挂');
    await declarant.getByLabel('Driver’s name').fill('Wang Wei');

    // Negative check: a container number with a wrong check digit is named beside its field.
    const container = declarant.getByLabel('Container number');
    await container.fill('CSQU3054384');
    await container.press('Tab');
    await waitForProblem(container, /^⚠? ?The check digit of this container number is wrong\.$/);
    assert.equal(await container.getAttribute('aria-invalid'), 'true');
    // The summary names the same problem with the field's name.
    await declarant.getByRole('button', { name: 'Container 1 · Container number' }).waitFor();
    await container.fill('CSQU3054383');
    await declarant.getByLabel('Seal numbers').fill('CN1234567');

    const item = declarant.getByRole('group', { name: 'Goods item 1' });
    await item.getByLabel('HS code').fill('0808.10.00');
    await item.getByLabel('Description of the goods').fill('Fresh apples, Fuji, in cartons');
    await item.getByLabel('Country of origin').fill('CN');
    await item.getByLabel('Quantity').fill('20000');
    await item.getByLabel('Unit').selectOption('KGM');
    await item.getByLabel('Gross mass (kg)').fill('21500');
    await item.getByLabel('Net mass (kg)').fill('20000');
    await item.getByLabel('Customs value').fill('18000');
    await item.getByLabel('Currency').fill('USD');

    // Live validation clears the container problem and estimates the duties (8 % and 5 % VAT).
    await declarant.getByText('No problems found: the declaration can be submitted.').waitFor({ timeout: 10_000 });
    assert.equal(await problemsOf(container), '');
    assert.match(await item.locator('.duty-estimate').innerText(), /1,440\.00.*972\.00/);

    await declarant.getByRole('button', { name: 'Save draft' }).click();
    await seeHeading(declarant, 'Edit draft MC-E2E-0001');

    // A file that only pretends to be a PDF is refused (415), in words the user understands.
    const upload = declarant.getByRole('form', { name: 'Attach a document' });
    await upload.getByLabel('Document type').selectOption({ label: 'Commercial invoice' });
    await upload.getByLabel('File').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByRole('alert').getByText('The file’s content is not a real PDF, JPEG or PNG', { exact: false }).waitFor({ timeout: 10_000 });

    await upload.getByLabel('File').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await declarant.getByText('invoice.pdf uploaded.').waitFor({ timeout: 10_000 });
    await declarant.getByRole('listitem').filter({ hasText: 'invoice.pdf' }).getByText('Commercial invoice').waitFor();

    await declarant.getByRole('button', { name: 'Submit declaration' }).click();
    await seeHeading(declarant, 'Declaration MC-E2E-0001');
    const header = declarant.locator('.page-header');
    await header.getByText('Assessed', { exact: true }).waitFor();
    await header.getByText('Yellow', { exact: true }).waitFor();
    await declarant.getByText('Yellow channel: a customs officer checks the documents before release.').waitFor();
    const declarationId = (await declarant.getByText(/^decl_[0-9A-Z]{26}$/).innerText()).trim();
    assert.ok(declarant.url().endsWith(`#/declarations/${declarationId}`), 'the page of the submitted declaration is open');

    // --- The officer works the case from the worklist.
    const officer = await signIn('officer');
    await seeHeading(officer, 'Worklist');
    const row = officer.getByRole('row').filter({ hasText: declarationId });
    await row.getByText('Yellow', { exact: true }).waitFor({ timeout: 10_000 });
    await row.getByText('NO_RISK_RULES').waitFor();
    await row.getByText('Lê Quang Huy').waitFor();
    await row.getByRole('link', { name: '桂A12345' }).click();
    await seeHeading(officer, 'Case 桂A12345');

    await officer.getByRole('listitem').filter({ hasText: 'invoice.pdf' }).getByRole('link', { name: 'Download invoice.pdf' }).waitFor();
    const risk = officer.getByRole('region', { name: 'Risk assessment' });
    await risk.getByText('NO_RISK_RULES').waitFor();
    const decisions = officer.getByRole('region', { name: 'Decisions' });
    assert.equal(await decisions.getByRole('button', { name: 'Release', exact: true }).count(), 0, 'yellow is not releasable before the documents are accepted');
    await decisions.getByText('Release becomes possible once the documents are accepted.').waitFor();

    await decisions.getByRole('button', { name: 'Accept documents' }).click();
    await decisions.getByRole('button', { name: 'Confirm: Accept documents' }).click();
    await officer.getByText('Done: Accept documents. The declaration is now “Under review”.').waitFor({ timeout: 10_000 });

    await decisions.getByRole('button', { name: 'Release', exact: true }).click();
    await decisions.getByLabel('Reason').fill('Invoice and certificate of origin checked; goods as declared.');
    await officer.screenshot({ path: docsScreenshot('screenshot-console.png'), fullPage: true });
    await decisions.getByRole('button', { name: 'Confirm: Release' }).click();
    await officer.getByText('Done: Release. The declaration is now “Released”.').waitFor({ timeout: 10_000 });
    await officer.locator('.page-header').getByText('Released', { exact: true }).waitFor();

    // --- The declarant sees the release and downloads the signed notice.
    await declarant.reload();
    await seeHeading(declarant, 'Declaration MC-E2E-0001');
    await declarant.locator('.page-header').getByText('Released', { exact: true }).waitFor({ timeout: 10_000 });
    const notice = declarant.getByRole('region', { name: 'Release notice' });
    const qr = notice.getByRole('img', { name: 'QR code of the signed release notice' });
    await qr.waitFor();
    await declarant.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, await qr.elementHandle());
    await declarant.getByRole('region', { name: 'Timeline' }).getByText('Reason: Invoice and certificate of origin checked; goods as declared.').waitFor();

    const [download] = await Promise.all([declarant.waitForEvent('download'), notice.getByRole('link', { name: 'Download release notice' }).click()]);
    const file = await download.path();
    const signed = JSON.parse(readFileSync(file, 'utf8')) as { notice: { declarationId: string; tractorPlate: string }; qr: string; publicKey: string };
    assert.equal(signed.notice.declarationId, declarationId);
    assert.equal(signed.notice.tractorPlate, '桂A12345');
    const [prefix, payload, signature] = signed.qr.split('.');
    assert.equal(prefix, 'BFRN1');
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signed.publicKey, 'base64').toString('base64url') }, format: 'jwk' });
    assert.ok(verify(null, b64url(payload ?? ''), key, b64url(signature ?? '')), 'the downloaded notice carries a valid Ed25519 signature');

    await declarant.screenshot({ path: docsScreenshot('screenshot-portal.png'), fullPage: true });
    assert.deepEqual(harness?.pageErrors, []);
  });
});
