/**
 * Browser test of the operations centre against the real platform while trucks arrive through
 * the gate's public HTTP interface: the live plan's truck markers and the KPIs change as they
 * arrive (pushed over WebSocket), an alert is acknowledged and turned into an incident, the
 * page works at 360 px, and /status opens without signing in, in vi/en/zh. Saves
 * docs/screenshot-ioc.png. Skips loudly without chromium unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/infra/clock/index.ts';
import { prepareGate, type GateHarness } from '../gate/support.ts';
import { arrive, bookTruck, PLATES } from '../ioc/support.ts';
import { docsScreenshot, openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';
import { eventually } from '../support/wait.ts';

warnIfSkipped('the operations centre');

describe('operations centre in the browser', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let gate: GateHarness;
  const clock = new ManualClock('2026-11-23T08:00:00Z');

  before(async () => {
    harness = await openBrowserHarness({ clock });
    if (!harness) return;
    gate = await prepareGate(harness.platform, clock);
    harness.platform.platform.ioc.settings.queueThreshold = 2;
  });
  after(async () => {
    await harness?.close();
  });

  const markers = (page: Page) => page.locator('[data-marker="truck"]');
  const tile = (page: Page, id: string) => page.locator(`[data-kpi="${id}"] .kpi-value`);
  const until = (what: string, check: () => Promise<boolean>) => eventually(what, check, { seconds: 30 });

  test('the live picture follows arriving trucks; an alert is acknowledged and becomes an incident', { timeout: 180_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    for (const [i, plate] of PLATES.slice(0, 4).entries()) await bookTruck(gate, plate, i);
    const page = await harness.newPage('/', { viewport: { width: 1440, height: 1000 } });
    await signInEnglish(page, 'operator');
    await seeHeading(page, 'Live site picture');
    await page.getByRole('status').filter({ hasText: /^Live/ }).waitFor({ timeout: 15_000 });
    assert.equal(await markers(page).count(), 0);
    assert.equal(await tile(page, 'arrivals').innerText(), '0');
    assert.equal(await tile(page, 'people').innerText(), '0', 'people/h shows 0 …');
    assert.ok(await page.locator('[data-kpi="people"]').getByText('not measured yet').isVisible(), '… and says it is not measured');

    clock.set('2026-11-23T08:55:00Z');
    await arrive(gate, PLATES[0], 'b-0');
    await until('one truck marker', async () => (await markers(page).count()) === 1);
    await until('arrivals/h at 1', async () => (await tile(page, 'arrivals').innerText()) === '1');
    assert.equal(await markers(page).first().getAttribute('data-stage'), 'in_yard');
    assert.equal(await page.locator('[data-device="bar-entry-1"]').getAttribute('class'), 'plan-device device-ok', 'the entry barrier reported');

    clock.set('2026-11-23T08:57:00Z');
    await arrive(gate, PLATES[1], 'b-1');
    await arrive(gate, PLATES[2], 'b-2');
    await until('three truck markers', async () => (await markers(page).count()) === 3);
    await until('arrivals/h at 3', async () => (await tile(page, 'arrivals').innerText()) === '3');
    assert.equal(await tile(page, 'queue').innerText(), '3 / 0');

    const alert = page.locator('[data-alert="queue_threshold"]');
    await alert.waitFor({ timeout: 15_000 });
    // Raised when the second truck joined the queue; the message keeps what it saw then.
    const message = await alert.locator('.alert-message').innerText();
    assert.match(message, /^2 trucks waiting inbound \(threshold 2\)$/);
    await alert.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await alert.getByText('Acknowledged by operator').waitFor({ timeout: 15_000 });
    assert.equal(await alert.getByRole('button', { name: 'Acknowledge', exact: true }).count(), 0);
    await page.locator('[data-chart="throughput"] svg').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: docsScreenshot('screenshot-ioc.png'), fullPage: true });

    await alert.getByRole('button', { name: 'Open incident', exact: true }).click();
    await seeHeading(page, message);
    await page.getByLabel('Note', { exact: true }).fill('Second weighbridge crew called');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.getByText('Second weighbridge crew called').waitFor({ timeout: 15_000 });
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await page.getByRole('link', { name: '← 告警与事件' }).click();
    await seeHeading(page, '告警与事件');
    assert.ok(await page.getByRole('link', { name: message }).isVisible());
    assert.deepEqual(harness.pageErrors, []);
  });

  test('on a 360px screen the live page fits without sideways scrolling', { timeout: 90_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/', { viewport: { width: 360, height: 740 } });
    await signInEnglish(page, 'operator');
    await seeHeading(page, 'Live site picture');
    await until('the truck markers', async () => (await markers(page).count()) === 3);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scrolling at 360px (content is ${width}px wide)`);
    assert.deepEqual(harness.pageErrors, []);
  });

  test('/status opens without signing in, in Vietnamese, English and Chinese, with no personal data', { timeout: 90_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/status', { viewport: { width: 360, height: 740 } });
    await seeHeading(page, 'Tình trạng cửa khẩu');
    assert.equal(await page.getByLabel('Tên đăng nhập').count(), 0, 'no login form');
    const row = page.getByRole('row').filter({ hasText: 'Vào Việt Nam' }).filter({ hasText: 'Hàng thông thường' });
    await row.waitFor({ timeout: 15_000 });
    assert.match(await row.innerText(), /3\s+8 phút/, 'three trucks waiting on two lanes of 12/h: 8 minutes');
    await page.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
    await seeHeading(page, 'Border crossing status');
    assert.ok(await page.getByRole('row').filter({ hasText: 'Into Vietnam' }).filter({ hasText: 'General cargo' }).isVisible());
    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await seeHeading(page, '口岸通行状态');
    const text = await page.locator('body').innerText();
    for (const plate of PLATES) assert.ok(!text.includes(plate), `no plate on the public page (${plate})`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no horizontal scrolling at 360px (content is ${width}px wide)`);
    assert.deepEqual(harness.pageErrors, []);
  });
});
