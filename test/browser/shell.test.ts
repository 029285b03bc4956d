/**
 * Browser test of the web shell against the real platform: sign-in, role-aware dashboard, the
 * three languages, sign-out, a wrong password, and the collapsed navigation on a 360px screen.
 * Needs Debian's chromium (or CHROMIUM_PATH); skips loudly without it unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { docsScreenshot, openBrowserHarness, seeHeading, skipWithoutBrowser, warnIfSkipped, type BrowserHarness } from '../support/browser.ts';

warnIfSkipped('the web shell');

async function signIn(page: Page, labels: { username: string; password: string; submit: string }, password = 'demo') {
  await page.getByLabel(labels.username, { exact: true }).fill('officer');
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

const vietnameseLogin = { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' };

describe('web shell', { timeout: 600_000 }, () => {
  let harness: BrowserHarness | null = null;
  const pageErrors = () => harness?.pageErrors ?? [];

  before(async () => {
    harness = await openBrowserHarness();
  });

  after(async () => {
    await harness?.close();
  });

  /** A fresh browser profile (no cookie, no stored language) with an English browser locale. */
  async function openShell(viewport = { width: 1280, height: 800 }): Promise<Page> {
    assert.ok(harness, 'browser and platform are started');
    return harness.newPage('/', { viewport });
  }

  test('an officer signs in, works in Vietnamese, English and Chinese, and signs out', { timeout: 120_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    const page = await openShell();

    // Vietnamese is the default even though the browser asks for English.
    await seeHeading(page, 'Đăng nhập');
    await signIn(page, vietnameseLogin);
    await seeHeading(page, 'Danh sách công việc');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    const navVi = page.getByRole('navigation', { name: 'Điều hướng chính' });
    assert.deepEqual(await navVi.getByRole('link').allInnerTexts(), ['Danh sách công việc', 'Kiểm tra hàng hóa']);
    const topBar = page.getByRole('banner');
    assert.ok(await topBar.getByText('Công chức hải quan', { exact: true }).isVisible(), 'the top bar names the role');

    await page.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
    await seeHeading(page, 'Worklist');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    assert.deepEqual(await navEn.getByRole('link').allInnerTexts(), ['Worklist', 'Inspections']);
    assert.ok(await page.getByRole('heading', { level: 2, name: 'Yellow and red declarations' }).isVisible());
    assert.ok(await topBar.getByText('Borderflow', { exact: true }).isVisible());
    assert.ok(await topBar.getByText('Customs officer', { exact: true }).isVisible());

    // The language and the session both survive a reload (cookie + stored choice).
    await page.reload();
    await seeHeading(page, 'Worklist');
    await page.screenshot({ path: docsScreenshot('screenshot-shell.png') });

    await page.getByLabel('Language').selectOption({ label: '简体中文' });
    await seeHeading(page, '工作清单');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const navZh = page.getByRole('navigation', { name: '主导航' });
    assert.deepEqual(await navZh.getByRole('link').allInnerTexts(), ['工作清单', '查验']);

    await page.getByRole('button', { name: '退出登录', exact: true }).click();
    await seeHeading(page, '登录');
    assert.ok(await page.getByLabel('用户名', { exact: true }).isVisible());
    // Signed out on the server too: a reload does not bring the session back.
    await page.reload();
    await seeHeading(page, '登录');
    assert.equal(await page.getByRole('navigation').count(), 0);
    assert.deepEqual(pageErrors(), []);
  });

  test('a wrong password shows a translated error and keeps the user on the login page', { timeout: 60_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    const page = await openShell();
    await seeHeading(page, 'Đăng nhập');
    await signIn(page, vietnameseLogin, 'not-the-password');

    const alert = page.getByRole('alert');
    await alert.getByText('Sai tên đăng nhập hoặc mật khẩu.', { exact: true }).waitFor({ timeout: 15_000 });
    await seeHeading(page, 'Đăng nhập');
    assert.equal(await page.getByRole('navigation').count(), 0);

    await page.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
    await alert.getByText('Wrong username or password.', { exact: true }).waitFor({ timeout: 5_000 });
    await seeHeading(page, 'Sign in');
    assert.deepEqual(pageErrors(), []);
  });

  test('on a 360px-wide screen the navigation sits behind a menu button', { timeout: 60_000 }, async (t) => {
    if (skipWithoutBrowser(t)) return;
    const page = await openShell({ width: 360, height: 740 });
    await signIn(page, vietnameseLogin);
    await seeHeading(page, 'Danh sách công việc');

    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const menuButton = page.getByRole('button', { name: 'Trình đơn', exact: true });
    assert.ok(await menuButton.isVisible(), 'the menu button shows on a narrow screen');
    assert.equal(await nav.isVisible(), false, 'the navigation is collapsed until the menu is opened');
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= 360, `no horizontal scrolling at 360px (content is ${pageWidth}px wide)`);

    await menuButton.click();
    await nav.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.getByRole('button', { name: 'Đăng xuất', exact: true }).isVisible());

    await nav.getByRole('link', { name: 'Kiểm tra hàng hóa', exact: true }).click();
    await seeHeading(page, 'Kiểm tra hàng hóa');
    await nav.waitFor({ state: 'hidden', timeout: 5_000 });
    assert.deepEqual(pageErrors(), []);
  });
});
