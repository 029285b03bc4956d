/**
 * Browser test of the web shell against the real platform: sign-in, role-aware dashboard, the
 * three languages, sign-out, a wrong password, and the collapsed navigation on a 360px screen.
 * Needs Debian's chromium (or CHROMIUM_PATH); skips loudly without it unless REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { startPlatform } from '../support/platform.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserRequired = process.env.REQUIRE_BROWSER === '1';
const missingBrowser = existsSync(chromiumPath)
  ? null
  : `Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const screenshotPath = join(repoRoot, 'docs/screenshot-shell.png');

if (missingBrowser && !browserRequired) {
  console.warn(`\n!!! WARNING: browser tests of the web shell are SKIPPED. ${missingBrowser}.\n`);
}

/** Skips (or, with REQUIRE_BROWSER=1, fails) a test when there is no browser; true if skipped. */
function skipWithoutBrowser(t: TestContext): boolean {
  if (!missingBrowser) return false;
  if (browserRequired) assert.fail(`REQUIRE_BROWSER=1 but the browser test cannot run. ${missingBrowser}.`);
  t.skip(missingBrowser);
  return true;
}

async function seeHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
}

async function signIn(page: Page, labels: { username: string; password: string; submit: string }, password = 'demo') {
  await page.getByLabel(labels.username, { exact: true }).fill('officer');
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

const vietnameseLogin = { username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập' };

describe('web shell', { timeout: 600_000 }, () => {
  let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  // The web app is built from the current sources into a scratch directory, so the test never
  // runs against a stale web/dist and never overwrites it under another test.
  const webDir = mkdtempSync(join(tmpdir(), 'bf-web-'));

  before(async () => {
    if (missingBrowser) return;
    await build({
      configFile: join(repoRoot, 'web/vite.config.ts'),
      build: { outDir: webDir, emptyOutDir: true },
      logLevel: 'warn',
    });
    platform = await startPlatform({ demo: true, env: { WEB_DIR: webDir } });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await platform?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** A fresh browser profile (no cookie, no stored language) with an English browser locale. */
  async function openShell(viewport = { width: 1280, height: 800 }): Promise<Page> {
    assert.ok(browser && platform, 'browser and platform are started');
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${platform.url}/`);
    return page;
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
    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });

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
    assert.deepEqual(pageErrors, []);
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
    assert.deepEqual(pageErrors, []);
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
    assert.deepEqual(pageErrors, []);
  });
});
