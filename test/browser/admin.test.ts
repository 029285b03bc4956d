/**
 * Browser test of the administration page: the admin sees the platform healthy, registers an
 * enterprise (a wrong tax code is refused, naming the field), creates a declarant for it who then
 * signs in, registers a gate device whose secret is shown once and works, and deactivates it.
 * Needs Debian's chromium (or CHROMIUM_PATH).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the administration page');

describe('administration page', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;

  before(async () => {
    harness = await openBrowserHarness();
  });

  after(async () => {
    await harness?.close();
  });

  test('an admin registers an enterprise, its first user and a gate device, then retires the device', { timeout: 180_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/');
    await signInEnglish(page, 'admin');
    await seeHeading(page, 'Administration');

    const health = page.getByRole('region', { name: 'System health' });
    await health.getByText('database', { exact: true }).waitFor();
    assert.equal(await health.getByText('Up', { exact: true }).count(), await health.locator('dt').count(), 'every dependency is up');

    const enterprises = page.getByRole('region', { name: 'Enterprises' });
    await enterprises.getByLabel('Tax code (VN MST or CN USCC)').fill('0300588560');
    await enterprises.getByLabel('Name', { exact: true }).fill('Công ty Sữa Việt Nam');
    await enterprises.getByRole('button', { name: 'Register enterprise' }).click();
    await enterprises.getByRole('alert').getByText(/taxCode/).waitFor();
    await enterprises.getByLabel('Tax code (VN MST or CN USCC)').fill('0300588569');
    await enterprises.getByRole('button', { name: 'Register enterprise' }).click();
    await enterprises.getByText('Enterprise Công ty Sữa Việt Nam registered.').waitFor();
    await enterprises.getByRole('cell', { name: '0300588569' }).waitFor();

    const users = page.getByRole('region', { name: 'Users and roles' });
    await users.getByLabel('Username', { exact: true }).fill('vinamilk.broker');
    await users.getByLabel('Name', { exact: true }).fill('Lê Thị Hoa');
    await users.getByLabel('Initial password (at least 10 characters)').fill('hoa-2026-strong');
    await users.getByLabel('Enterprise').selectOption({ label: 'Công ty Sữa Việt Nam' });
    await users.getByLabel('Declarant', { exact: true }).check();
    await users.getByRole('button', { name: 'Create user' }).click();
    await users.getByText('User vinamilk.broker created.').waitFor();

    const broker = await harness.newPage('/');
    await signInEnglish(broker, 'vinamilk.broker', 'hoa-2026-strong');
    await seeHeading(broker, 'My declarations');

    const devices = page.getByRole('region', { name: 'Gate devices' });
    await devices.getByLabel('Device id').fill('mc-entry-cam-9');
    await devices.getByLabel('Kind').selectOption('plate-camera');
    await devices.getByLabel('Name', { exact: true }).fill('Entry lane 9 plate camera');
    await devices.getByRole('button', { name: 'Register device' }).click();
    const secret = await devices.locator('code').innerText();
    assert.match(secret, /^\S{20,}$/);
    const directory = harness.platform.platform.identity.directory;
    assert.equal((await directory.authenticateDevice('mc-entry-cam-9', secret))?.kind, 'plate-camera', 'the secret shown works');

    const row = devices.getByRole('row', { name: /mc-entry-cam-9/ });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Confirm: Deactivate mc-entry-cam-9' }).click();
    await devices.getByText('Device mc-entry-cam-9 is deactivated; its secret no longer works.').waitFor();
    await row.getByText('Deactivated', { exact: true }).waitFor();
    assert.equal(await directory.authenticateDevice('mc-entry-cam-9', secret), null);
    assert.deepEqual(harness.pageErrors, []);
  });
});
