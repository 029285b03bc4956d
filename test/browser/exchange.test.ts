/**
 * Browser test of the partner exchange page against the real platform and a real partner: a
 * second platform (the Dongxing site) peered with ours over a loopback link the test cuts and
 * restores. The partner acknowledges our first messages, then the link is cut: a customs
 * supervisor sees the link with Dongxing (messages waiting and being retried, a dead letter, the
 * last delivery, both sides' keys), filters the messages, opens one with the partner's signed
 * acknowledgement and reads the reconciliation with its gap, in en/vi/zh; with the link restored
 * an admin puts the dead letter back in line and sees the partner acknowledge it; on a 360 px
 * phone the page needs no sideways scrolling. Saves docs/screenshot-exchange.png. Skips loudly
 * without chromium unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openLink } from '../exchange/link.ts';
import { FAST_EXCHANGE, inspection, peer } from '../exchange/support.ts';
import { call, login } from '../support/http.ts';
import { startPlatform, type RunningPlatform } from '../support/platform.ts';
import { docsScreenshot, openBrowserHarness, seeHeading, signInEnglish, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the partner exchange page');

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const overflowing = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('body *'))
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap'))
  .slice(0, 8).map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`).join(' '));

describe('partner exchange page in the browser', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  let cn: RunningPlatform | undefined;
  let toCn: Awaited<ReturnType<typeof openLink>> | undefined;
  let toVn: Awaited<ReturnType<typeof openLink>> | undefined;
  let cnKeyId = '';
  const ids: Record<string, string> = {};

  before(async () => {
    // A request over a cut link may hang until it times out, so the timeout is short.
    const exchangeEnv = { ...FAST_EXCHANGE, EXCHANGE_MAX_ATTEMPTS: '3', EXCHANGE_RETRY_BASE_MS: '1', EXCHANGE_RETRY_MAX_MS: '1', EXCHANGE_REQUEST_TIMEOUT_MS: '3000' };
    harness = await openBrowserHarness({ env: { SITE_ID: 'VN-MONGCAI', ...exchangeEnv } });
    if (!harness) return;
    const bf = harness.platform;
    const exchange = bf.platform.exchange;
    cn = await startPlatform({ env: { SITE_ID: 'CN-DONGXING', SITE_NAME: 'Dongxing', ...exchangeEnv } });
    // Deliveries both ways happen when the test says so.
    await exchange.sender.stop();
    await cn.platform.exchange.sender.stop();
    toCn = await openLink(Number(new URL(cn.url).port));
    toVn = await openLink(Number(new URL(bf.url).port));
    await peer(bf, cn, toCn.url, 'Dongxing customs');
    await peer(cn, bf, toVn.url, 'Móng Cái customs');
    cnKeyId = (await call(cn.url, 'GET', '/api/exchange/keys')).body.keys[0].keyId as string;
    const admin = await login(bf.url, 'admin');
    const send = async (ref: string, type: string, payload: unknown) => {
      const r = await call(bf.url, 'POST', '/api/exchange/messages', { token: admin, body: { to: 'CN-DONGXING', type, consignmentRef: ref, payload } });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      ids[ref] = r.body.id as string;
    };
    await send('VN-INS-1', 'inspection-result', inspection(1));
    await send('VN-INS-2', 'inspection-result', inspection(2));
    await exchange.sender.flush();
    toCn.cut(); // the link to the partner goes down
    await send('VN-INS-DEAD', 'inspection-result', inspection(3));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 5));
      await exchange.sender.flush();
    }
    await send('VN-REL-WAIT', 'release-notice', { declarationId: 'decl-77', releasedAt: new Date().toISOString() });
    await exchange.sender.flush();
    // The partner sends us a message over its own link, which still works.
    const inbound = await call(cn.url, 'POST', '/api/exchange/messages', { token: await login(cn.url, 'admin'), body: { to: 'VN-MONGCAI', type: 'inspection-result', consignmentRef: 'CN-INS-IN', payload: inspection(4) } });
    assert.equal(inbound.status, 202, JSON.stringify(inbound.body));
    assert.equal(await cn.platform.exchange.sender.flush(), 1);
    exchange.processor.notify();
    await exchange.processor.idle();
    const dead = await call(bf.url, 'GET', `/api/exchange/messages/${ids['VN-INS-DEAD']}`, { token: admin });
    assert.deepEqual([dead.body.state, dead.body.attempts], ['dead', 3]);
  });
  after(async () => {
    await Promise.all([harness?.close(), cn?.close()]);
    await Promise.all([toCn?.close(), toVn?.close()]);
  });

  test('a supervisor watches the link, filters the messages, opens one and reads the reconciliation, in three languages', { timeout: 180_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const page = await harness.newPage('/', { viewport: { width: 1280, height: 1000 } });
    await signInEnglish(page, 'supervisor');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partner exchange' }).click();
    await seeHeading(page, 'Partner exchange');

    const link = page.getByRole('region', { name: 'Dongxing customs (CN-DONGXING)' });
    await link.waitFor();
    const figures = await link.locator('dl').innerText();
    assert.match(figures, /Waiting in the outbox\s+1\s+1 being retried/);
    assert.match(figures, /Dead letters\s+1/);
    assert.match(figures, /Received from the partner\s+1/);
    assert.doesNotMatch(figures, /Last successful delivery\s+Never/, 'two messages were acknowledged before the outage');
    assert.ok(await link.getByText(toCn!.url).isVisible(), 'the endpoint is shown');
    assert.ok(await link.getByText('Messages were dead-lettered: check the partner and retry them.').isVisible());
    assert.ok(await link.getByText(/^Last error: network: /).isVisible(), 'the cut link shows as a network failure');
    const partnerKeys = link.getByRole('list', { name: 'Partner’s keys' });
    assert.match(await partnerKeys.innerText(), new RegExp(`${cnKeyId}.*Valid now`, 's'));
    assert.equal(await link.getByRole('list', { name: 'Our keys' }).getByRole('listitem').count(), 1);

    const messages = page.getByRole('region', { name: 'Messages' });
    const rows = messages.locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 5, 'four sent, one received');
    assert.ok(await messages.getByText('Only an admin can put a dead-lettered message back in line.').isVisible());
    assert.equal(await messages.getByRole('button', { name: /^Retry/ }).count(), 0, 'the API lets only admins retry');

    await messages.getByLabel('Status').selectOption({ label: 'Dead-lettered' });
    await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="exchange-messages-title"] tbody tr').length === 1);
    assert.match(await rows.first().innerText(), /VN-INS-DEAD\s+Sent\s+CN-DONGXING\s+Inspection result\s+3\s+Dead-lettered\s+3/);
    await messages.getByLabel('Status').selectOption({ label: 'Any' });
    await messages.getByLabel('Type').selectOption({ label: 'Release notice' });
    await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="exchange-messages-title"] tbody tr').length === 1);
    assert.match(await rows.first().innerText(), /VN-REL-WAIT.*Retrying\s+1.*Next attempt/s);
    await messages.getByLabel('Type').selectOption({ label: 'Any' });
    await messages.getByLabel('Direction').selectOption({ label: 'Received' });
    await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="exchange-messages-title"] tbody tr').length === 1);
    assert.match(await rows.first().innerText(), /CN-INS-IN\s+Received\s+CN-DONGXING\s+Inspection result\s+1\s+Processed/);
    await messages.getByLabel('Direction').selectOption({ label: 'Any' });
    await page.waitForFunction(() => document.querySelectorAll('[aria-labelledby="exchange-messages-title"] tbody tr').length === 5);

    await messages.getByRole('button', { name: 'Open message VN-INS-1' }).click();
    const detail = page.getByRole('region', { name: `Message ${ids['VN-INS-1']}` });
    await detail.waitFor();
    const facts = await detail.innerText();
    assert.match(facts, /From\s+VN-MONGCAI/);
    assert.match(facts, /To\s+CN-DONGXING/);
    assert.match(facts, new RegExp(`Acknowledged by\\s+CN-DONGXING`));
    assert.match(facts, new RegExp(`Acknowledgement key\\s+${cnKeyId}`), 'signed with the key the partner publishes');
    assert.ok(await detail.getByText('The acknowledged hash matches the message.').isVisible());
    assert.match(facts, /"declarationId": "decl-1"/);

    const recon = page.getByRole('region', { name: 'Reconciliation' });
    const inspections = recon.getByRole('row', { name: /Inspection result/ });
    await inspections.waitFor();
    // Sent 3, acknowledged 2, pending 0, dead-lettered 1, received 1, processed 1: one not acknowledged.
    assert.match(await inspections.innerText(), /CN-DONGXING\s+Inspection result\s+3\s+2\s+0\s+1\s+1\s+1\s+1 not acknowledged/);
    assert.match(await recon.getByRole('row', { name: /Release notice/ }).innerText(), /1\s+0\s+1\s+0\s+0\s+0\s+1 not acknowledged/);
    assert.ok(await recon.getByText('2 rows with a gap').isVisible());
    assert.equal(await recon.locator('td.exchange-gap').count() > 0, true, 'the gaps are highlighted');
    await page.screenshot({ path: docsScreenshot('screenshot-exchange.png'), fullPage: true });

    await page.getByLabel('Language').selectOption({ label: 'Tiếng Việt' });
    await seeHeading(page, 'Trao đổi dữ liệu với đối tác');
    assert.ok(await page.getByRole('heading', { name: 'Tình trạng kết nối' }).isVisible());
    assert.match(await page.getByRole('region', { name: 'Thông điệp' }).getByRole('row', { name: /VN-INS-DEAD/ }).innerText(), /Gửi đi.*Kết quả kiểm tra.*Gửi thất bại/s);
    await page.getByLabel('Ngôn ngữ').selectOption({ label: '简体中文' });
    await seeHeading(page, '合作方数据交换');
    assert.ok(await page.getByRole('heading', { name: '对账' }).isVisible());
    assert.match(await page.getByRole('region', { name: '报文' }).getByRole('row', { name: /VN-INS-DEAD/ }).innerText(), /发送.*查验结果.*死信/s);
    assert.deepEqual(harness.pageErrors, []);
  });

  test('with the link restored, an admin puts the dead letter back in line and sees the partner acknowledge it', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness && cn && toCn);
    toCn.restore();
    const page = await harness.newPage('/', { viewport: { width: 1280, height: 1000 } });
    await signInEnglish(page, 'admin');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partner exchange' }).click();
    await seeHeading(page, 'Partner exchange');
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages.getByLabel('Status').selectOption({ label: 'Dead-lettered' });
    const row = messages.getByRole('row', { name: /VN-INS-DEAD/ });
    await row.getByText('Dead-lettered', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Retry message VN-INS-DEAD' }).click();
    await messages.getByRole('status').filter({ hasText: 'Message VN-INS-DEAD is back in line for delivery.' }).waitFor();
    assert.match(await row.innerText(), /VN-INS-DEAD.*Queued\s+0/s, 'queued again with its attempts reset');
    assert.equal(await row.getByRole('button', { name: /^Retry/ }).count(), 0);
    const link = page.getByRole('region', { name: 'Dongxing customs (CN-DONGXING)' });
    await page.waitForFunction(() => /Dead letters\s+0/.test((document.querySelector('.exchange-figures') as HTMLElement | null)?.innerText ?? ''));
    assert.match(await link.locator('dl').innerText(), /Waiting in the outbox\s+2/);

    // The sender's next pass takes the retried message and the waiting one over the restored link.
    assert.equal(await harness.platform.platform.exchange.sender.flush(), 2);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.waitForFunction(() => /Waiting in the outbox\s+0/.test((document.querySelector('.exchange-figures') as HTMLElement | null)?.innerText ?? ''));
    assert.ok(await link.getByText('Messages were dead-lettered: check the partner and retry them.').isHidden(), 'nothing left to look at');
    await messages.getByLabel('Status').selectOption({ label: 'Acknowledged' });
    await row.getByText('Acknowledged', { exact: true }).waitFor();
    await messages.getByRole('button', { name: 'Open message VN-INS-DEAD' }).click();
    const detail = page.getByRole('region', { name: `Message ${ids['VN-INS-DEAD']}` });
    await detail.waitFor();
    assert.match(await detail.innerText(), new RegExp(`Acknowledged by\\s+CN-DONGXING.*Acknowledgement key\\s+${cnKeyId}`, 's'));
    assert.ok(await detail.getByText('The acknowledged hash matches the message.').isVisible());
    const there = await call(cn.url, 'GET', `/api/exchange/messages/${ids['VN-INS-DEAD']}`, { token: await login(cn.url, 'auditor') });
    assert.deepEqual([there.status, there.body.consignmentRef], [200, 'VN-INS-DEAD'], 'the partner holds the message now');
    assert.deepEqual(harness.pageErrors, []);
  });

  test('on a 360 px phone the page and an opened message need no sideways scrolling', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    assert.ok(harness);
    const phone = await harness.newPage('/', { viewport: { width: 360, height: 740 } });
    await signInEnglish(phone, 'supervisor');
    await phone.goto(`${harness.platform.url}/#/exchange`);
    await seeHeading(phone, 'Partner exchange');
    await phone.getByRole('region', { name: 'Dongxing customs (CN-DONGXING)' }).waitFor();
    await phone.getByRole('region', { name: 'Reconciliation' }).getByRole('row', { name: /Inspection result/ }).waitFor();
    assert.ok(await fitsWidth(phone), `the exchange page needs no sideways scrolling at 360 px: ${await overflowing(phone)}`);
    await phone.getByRole('button', { name: 'Open message VN-INS-2' }).click();
    await phone.getByRole('region', { name: `Message ${ids['VN-INS-2']}` }).waitFor();
    assert.ok(await fitsWidth(phone), `an opened message fits 360 px: ${await overflowing(phone)}`);
    assert.deepEqual(harness.pageErrors, []);
  });
});
