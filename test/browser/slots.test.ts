/**
 * Browser test of the declarant's "Crossing slots" page against the real platform: the declarant
 * books a slot for a released declaration (the slot list shows what is left on both sides), sees
 * it in "My bookings", opens the crossing pass (QR code) and the driver link, moves the booking; a
 * slot filled meanwhile and the enterprise's booking limit are refused with a readable message;
 * vi/zh; a 360 px phone needs no sideways scrolling. Saves docs/screenshot-slots.png. Skips loudly
 * without chromium unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { releasedDeclaration } from '../customs/support.ts';
import { book, declare, prepareGate, type GateHarness } from '../gate/support.ts';
import { call } from '../support/http.ts';
import { docsScreenshot, openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the crossing slots page');

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const overflowing = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('body *'))
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
  .slice(0, 8).map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`).join(' '));

/** Chooses a declaration, the day 2026-11-23 and the slot starting at `time` (Vietnam time) in the booking form. */
async function chooseSlot(page: Page, declarationId: string, time: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Book a slot' });
  await form.getByLabel('Declaration').selectOption(declarationId);
  await form.getByLabel('Day (Vietnam time)').fill('2026-11-23');
  await form.getByRole('radio', { name: new RegExp(`^${time}–`) }).check();
}

describe('crossing slots page in the browser', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let gate: GateHarness;
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  let released = '';

  before(async () => {
    harness = await openBrowserHarness({ clock });
    if (!harness) return;
    gate = await prepareGate(harness.platform, clock);
    released = await releasedDeclaration(harness.platform);
    for (const v of [{ plate: '桂A12345', kind: 'tractor', axles: 3 }, { plate: '桂A1234挂', kind: 'trailer', axles: 3 }]) {
      const r = await call(harness.platform.url, 'POST', '/api/gate/vehicles', { token: gate.tokens.declarant, body: v });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });
  after(async () => {
    await harness?.close();
  });

  test('a declarant books a slot, opens the pass and the driver link, moves it; refusals read clearly, in three languages', { timeout: 240_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const url = harness.platform.url;
    const page = await harness.newPage('/', { viewport: { width: 1280, height: 1000 } });
    await signInEnglish(page, 'declarant');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Crossing slots' }).click();
    await seeHeading(page, 'Crossing slots');
    const mine = page.getByRole('region', { name: 'My bookings' });
    await mine.getByText('No booking yet.').waitFor();

    // 12:00 UTC is 19:00 in Vietnam; both sides have room (our lanes, the partner's 10 a slot).
    const form = page.getByRole('region', { name: 'Book a slot' });
    await form.getByLabel('Declaration').selectOption(released);
    assert.equal(await form.getByLabel('Driver name').inputValue(), 'Wang Wei', 'the driver comes from the declaration');
    assert.equal(await form.getByLabel('Driver travel document number').inputValue(), 'E12345678');
    assert.ok(await form.getByText('Registered: tractor, 3 axles').isVisible());
    assert.equal(await form.getByLabel('Vehicle class (sets the fee)').inputValue(), 'tractor_trailer');
    assert.equal(await form.getByLabel('Trailer').inputValue(), '桂A1234挂');
    await form.getByLabel('Day (Vietnam time)').fill('2026-11-23');
    const slot = form.getByRole('radio', { name: /^19:00–19:30/ });
    assert.match(await form.locator('li').filter({ hasText: /^19:00–19:30/ }).innerText(), /10 left[\s\S]*Our side \d+ · partner 10/);
    assert.equal(await form.getByRole('radio', { name: /^14:30–15:00/ }).count(), 0, 'slots without room (here: past, partner closed) are not offered');
    await slot.check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docsScreenshot('screenshot-slots.png'), fullPage: true });
    await form.getByRole('button', { name: 'Book this slot' }).click();
    await form.getByRole('status').filter({ hasText: /Booked: 桂A12345 on .*19:00/ }).waitFor();
    const row = mine.getByRole('row', { name: /桂A12345/ });
    await row.waitFor();
    assert.match(await row.innerText(), /19:00[\s\S]*Inbound \(CN → VN\) · General[\s\S]*Wang Wei · E12345678[\s\S]*Booked/);
    const booking = (await call(url, 'GET', `/api/gate/bookings?declarationId=${released}`, { token: gate.tokens.declarant })).body.items[0];
    assert.deepEqual([booking.slotStart, booking.plate, booking.journey.trailerPlate, booking.journey.vehicleClass], ['2026-11-23T12:00:00.000Z', '桂A12345', '桂A1234挂', 'tractor_trailer']);

    await row.getByRole('link', { name: /Open booking 桂A12345/ }).click();
    await seeHeading(page, 'Booking 桂A12345');
    const qr = page.getByRole('img', { name: 'Crossing pass QR code of truck 桂A12345' });
    await qr.waitFor();
    assert.ok(((await qr.getAttribute('src')) ?? '').startsWith('data:image/png'));
    const pass = (await call(url, 'GET', `/api/gate/bookings/${booking.id}/pass`, { token: gate.tokens.declarant })).body.token as string;
    const link = await page.getByLabel('Link for the driver').inputValue();
    assert.equal(link, `${url}/driver#${encodeURIComponent(pass)}`);
    assert.equal(await page.getByRole('link', { name: 'Open the driver page' }).getAttribute('href'), link);
    const driver = await harness.newPage(link.slice(url.length), { viewport: { width: 360, height: 740 } });
    await seeHeading(driver, 'Thẻ qua cửa khẩu');
    await driver.getByRole('img', { name: 'Mã QR thẻ qua cửa khẩu của xe 桂A12345' }).waitFor();

    const move = page.getByRole('region', { name: 'Move to another slot' });
    await move.getByLabel('Day (Vietnam time)').fill('2026-11-23');
    await move.getByRole('radio', { name: /^20:00–20:30/ }).check();
    await move.getByRole('button', { name: 'Move to this slot' }).click();
    await move.getByRole('status').filter({ hasText: /Moved to .*20:00/ }).waitFor();
    assert.equal((await call(url, 'GET', `/api/gate/bookings/${booking.id}`, { token: gate.tokens.declarant })).body.slotStart, '2026-11-23T13:00:00.000Z');
    await page.getByRole('region', { name: 'Booking 桂A12345' }).getByText(/20:00/).waitFor();

    // A slot taken by someone else while the form was open: refused, and the page says so.
    clock.set('2026-11-23T08:10:00Z'); // a later announcement wins
    const cut = await call(url, 'POST', '/api/gate/partner-capacity', { token: gate.tokens.admin, body: { direction: 'inbound', laneClass: 'general', from: '2026-11-23T14:00:00Z', to: '2026-11-23T14:30:00Z', trucksPerSlot: 1 } });
    assert.equal(cut.status, 201);
    const second = await releasedDeclaration(harness.platform);
    const third = await releasedDeclaration(harness.platform);
    await page.getByRole('link', { name: 'Back to my bookings' }).click();
    await seeHeading(page, 'Crossing slots');
    await chooseSlot(page, second, '21:00');
    assert.match(await form.locator('li').filter({ hasText: /^21:00–21:30/ }).innerText(), /^21:00–21:30\n1 left/);
    assert.equal((await book(gate, third, '2026-11-23T14:00:00.000Z')).status, 201);
    await form.getByRole('button', { name: 'Book this slot' }).click();
    await form.getByRole('alert').filter({ hasText: 'That slot is no longer available (full, closed on the partner side, or past). Choose another slot.' }).waitFor();

    // The enterprise's limit of active bookings (slot hoarding).
    const settings = harness.platform.platform.gate.settings;
    const limit = settings.maxActiveBookingsPerEnterprise;
    settings.maxActiveBookingsPerEnterprise = 2;
    try {
      await form.getByRole('radio', { name: /^22:00–/ }).check();
      await form.getByRole('button', { name: 'Book this slot' }).click();
      await form.getByRole('alert').filter({ hasText: 'Your company already holds the maximum number of active bookings.' }).waitFor();
    } finally {
      settings.maxActiveBookingsPerEnterprise = limit;
    }
    assert.equal((await call(url, 'GET', `/api/gate/bookings?declarationId=${second}`, { token: gate.tokens.declarant })).body.items.length, 0, 'nothing was booked');

    await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
    await seeHeading(page, 'Khung giờ qua cửa khẩu');
    assert.ok(await page.getByRole('heading', { name: 'Khung giờ đã đặt' }).isVisible());
    await page.getByLabel('Ngôn ngữ').selectOption({ label: '简体中文' });
    await seeHeading(page, '通关时段');
    assert.ok(await page.getByRole('heading', { name: '预约时段' }).isVisible());
    assert.deepEqual(harness.pageErrors, []);
  });

  test('on a 360 px phone the slots page fits, registers the declaration\'s truck, and a booking fits too', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const phone = await harness.newPage('/', { viewport: { width: 360, height: 740 } });
    await signInEnglish(phone, 'declarant');
    await phone.goto(`${harness.platform.url}/#/slots`);
    await seeHeading(phone, 'Crossing slots');
    await phone.getByRole('region', { name: 'My bookings' }).getByRole('link', { name: /Open booking 桂A12345/ }).first().waitFor();
    const unregistered = await declare(gate, '29C-246.80');
    await phone.reload();
    await seeHeading(phone, 'Crossing slots');
    const form = phone.getByRole('region', { name: 'Book a slot' });
    await form.getByLabel('Declaration').selectOption(unregistered);
    await form.getByText('This truck is not in your registered vehicles.').waitFor();
    await form.getByRole('button', { name: 'Register 29C-246.80 as a vehicle' }).click();
    await form.getByLabel('Axles').fill('2');
    await form.getByRole('button', { name: 'Register vehicle' }).click();
    await form.getByText('Registered: tractor, 2 axles').waitFor();
    const registered = (await call(harness.platform.url, 'GET', `/api/gate/vehicles?plate=${encodeURIComponent('29C-246.80')}`, { token: gate.tokens.declarant })).body.items[0];
    assert.deepEqual([registered.kind, registered.axles], ['tractor', 2]);
    await chooseSlot(phone, unregistered, '19:30');
    assert.ok(await fitsWidth(phone), `the slots page needs no sideways scrolling at 360 px: ${await overflowing(phone)}`);
    await phone.getByRole('region', { name: 'My bookings' }).getByRole('link', { name: /Open booking 桂A12345/ }).first().click();
    await phone.getByRole('img', { name: /Crossing pass QR code/ }).waitFor();
    assert.ok(await fitsWidth(phone), `a booking needs no sideways scrolling at 360 px: ${await overflowing(phone)}`);
    assert.deepEqual(harness.pageErrors, []);
  });
});
