/**
 * Browser test of the gate operations page and the driver page against the real platform: a
 * border guard sees the yard queue with wait estimates and per-stage dwell times, resolves a
 * referred read by choosing the truck and overrides a held truck's seal exception with a reason,
 * in en/vi/zh; the driver opens the pass link without signing in on a 360 px phone and sees the
 * QR code, the journey status and the wait; a tampered link is refused. Saves
 * docs/screenshot-gate.png. Skips loudly without chromium unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { book, declare, DEVICES, prepareGate, read, type GateHarness } from '../gate/support.ts';
import { call } from '../support/http.ts';
import { docsScreenshot, openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the gate pages');

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const overflowing = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('body *'))
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
  .slice(0, 8).map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`).join(' '));

describe('gate pages in the browser', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let gate: GateHarness;
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  const journeys: Record<string, string> = {};
  let pass = '';

  before(async () => {
    harness = await openBrowserHarness({ clock });
    if (!harness) return;
    gate = await prepareGate(harness.platform, clock);
    for (const [i, plate] of ['29C-111.22', '29C-333.44', '29C-246.80'].entries()) {
      const b = await book(gate, await declare(gate, plate), '2026-11-23T09:00:00.000Z', { plate, driver: { name: `Driver ${i}`, document: `E8000000${i}` } });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      journeys[plate] = b.body.journeyId as string;
      if (i === 0) pass = (await call(harness.platform.url, 'GET', `/api/gate/bookings/${b.body.id}/pass`, { token: gate.tokens.declarant })).body.token as string;
    }
    for (const [i, plate] of ['29C11122', '29C33344'].entries()) {
      clock.set(`2026-11-23T08:5${2 * i}:00Z`);
      const r = await read(gate, DEVICES.entry, { type: 'plate', readId: `in-${i}`, plate, confidence: 0.97, position: 'entry' });
      assert.equal(r.body.decision.action, 'open');
    }
    const referred = await read(gate, DEVICES.entry, { type: 'plate', readId: 'in-ref', plate: '29C246', confidence: 0.6, position: 'entry' });
    assert.equal(referred.body.outcome, 'referred');
    const held = await call(harness.platform.url, 'POST', `/api/gate/journeys/${journeys['29C-333.44']}/exceptions`, { token: gate.tokens.guard, body: { exception: 'seal_problem', detail: 'e-seal CN1234567 reported broken' } });
    assert.equal(held.status, 200);
    clock.set('2026-11-23T09:05:00Z');
  });
  after(async () => {
    await harness?.close();
  });

  test('a border guard works the queue, resolves a referral and overrides a held truck, in three languages', { timeout: 180_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/', { viewport: { width: 1280, height: 1000 } });
    await signInEnglish(page, 'guard');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Gate operations' }).click();
    await seeHeading(page, 'Gate operations');
    const queue = page.getByRole('table', { name: 'Yard' });
    await queue.waitFor();
    const rows = await queue.locator('tbody tr').allInnerTexts();
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /29C-111\.22.*0 min/s, 'the first truck waits for nobody');
    assert.match(rows[1]!, /29C-333\.44.*2 min/s, '30 trucks an hour: the second waits 2 minutes');
    const dwell = page.getByRole('table', { name: 'Time per stage (last 24 h)' });
    assert.match(await dwell.getByRole('row', { name: /In the yard/ }).innerText(), /In the yard\s+0\s+—\s+—\s+2\s+15 min/);

    const referrals = page.getByRole('region', { name: 'Referred reads' });
    assert.ok(await referrals.getByText('Read “29C246” at bar-entry-1').isVisible());
    await referrals.getByLabel('Reason for the decision').fill('Plate checked by eye');
    await referrals.getByRole('button', { name: 'It is 29C-246.80' }).click();
    await page.getByRole('status').filter({ hasText: 'Referral resolved.' }).waitFor();
    await referrals.getByText('No read is waiting for an officer.').waitFor();
    assert.equal(await queue.locator('tbody tr').count(), 3, 'the truck the officer named is now in the queue');

    const heldTrucks = page.getByRole('region', { name: 'Trucks held' });
    assert.ok(await heldTrucks.getByText('e-seal CN1234567 reported broken').isVisible());
    await page.screenshot({ path: docsScreenshot('screenshot-gate.png'), fullPage: true });
    await heldTrucks.getByRole('button', { name: 'Override: 29C-333.44, Seal problem' }).click();
    await heldTrucks.getByLabel('Reason (audited)').fill('Seal replaced under officer supervision, new seal VN998877');
    await heldTrucks.getByRole('button', { name: 'Override Seal problem' }).click();
    await page.getByRole('status').filter({ hasText: 'Exception overridden.' }).waitFor();
    await heldTrucks.getByText('No truck is held by an exception.').waitFor();
    const j = (await call(harness.platform.url, 'GET', `/api/gate/journeys/${journeys['29C-333.44']}`, { token: gate.tokens.guard })).body;
    assert.deepEqual(j.exceptions[0].resolution, { by: 'guard', reason: 'Seal replaced under officer supervision, new seal VN998877', override: true });

    await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
    await seeHeading(page, 'Điều hành cửa khẩu');
    assert.ok(await page.getByRole('heading', { name: 'Hàng đợi' }).isVisible());
    await page.getByLabel('Ngôn ngữ').selectOption({ label: '简体中文' });
    await seeHeading(page, '口岸通行调度');
    assert.ok(await page.getByRole('heading', { name: '各环节用时（最近24小时）' }).isVisible());
    assert.deepEqual(harness.pageErrors, []);
  });

  test('on a 360 px phone the gate page fits and the driver opens the pass link without signing in', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const phone = { width: 360, height: 740 };
    const ops = await harness.newPage('/', { viewport: phone });
    await signInEnglish(ops, 'operator');
    await ops.goto(`${harness.platform.url}/#/gate`);
    await seeHeading(ops, 'Gate operations');
    await ops.getByRole('table', { name: 'Yard' }).waitFor();
    assert.ok(await fitsWidth(ops), `the gate page needs no sideways scrolling at 360 px: ${await overflowing(ops)}`);

    const driver = await harness.newPage(`/driver#${pass}`, { viewport: phone });
    await seeHeading(driver, 'Thẻ qua cửa khẩu');
    const qr = driver.getByRole('img', { name: 'Mã QR thẻ qua cửa khẩu của xe 29C-111.22' });
    await qr.waitFor();
    assert.ok(((await qr.getAttribute('src')) ?? '').startsWith('data:image/png'));
    assert.ok(await driver.getByText('Trong bãi chờ', { exact: true }).first().isVisible());
    assert.ok(await driver.getByText(/Khoảng 0 phút \(số 1 trong hàng đợi\)/).isVisible());
    assert.ok(await fitsWidth(driver), `the driver page fits a 360 px phone: ${await overflowing(driver)}`);
    await driver.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
    await seeHeading(driver, 'Crossing pass');
    assert.ok(await driver.getByText('About 0 min (number 1 in the queue)').isVisible());

    const tampered = await harness.newPage(`/driver#${pass.slice(0, -6)}AAAAAA`, { viewport: phone });
    await tampered.getByRole('alert').filter({ hasText: 'Thẻ này không hợp lệ' }).waitFor();
    assert.equal(await tampered.getByRole('img').count(), 0, 'no QR code for a refused pass');
    assert.deepEqual(harness.pageErrors, []);
  });
});
