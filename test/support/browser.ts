/**
 * The browser-test harness: the web app built from the current sources (once per source state,
 * shared by every browser test of a run), the real platform serving it, and Debian's chromium
 * driven by playwright-core. Without chromium (or CHROMIUM_PATH) the tests skip loudly, or fail
 * when REQUIRE_BROWSER=1.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type RunningPlatform } from './platform.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserRequired = process.env.REQUIRE_BROWSER === '1';

/** Why browser tests cannot run here, or null when they can. */
export const missingBrowser: string | null = existsSync(chromiumPath)
  ? null
  : `Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`;

/** Prints the loud warning a skipped browser suite owes its reader. */
export function warnIfSkipped(suite: string): void {
  if (missingBrowser && !browserRequired) console.warn(`\n!!! WARNING: browser tests of ${suite} are SKIPPED. ${missingBrowser}.\n`);
}

/** Skips (or, with REQUIRE_BROWSER=1, fails) a test when there is no browser; true if skipped. */
export function skipWithoutBrowser(t: TestContext): boolean {
  if (!missingBrowser) return false;
  if (browserRequired) assert.fail(`REQUIRE_BROWSER=1 but the browser test cannot run. ${missingBrowser}.`);
  t.skip(missingBrowser);
  return true;
}

/** The chromium flags this machine needs (no sandbox as root, no GPU, no network of its own). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** A digest of everything the web build reads, so a build is reused only for identical sources. */
function webSourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === 'dist') continue;
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  };
  walk(join(repoRoot, 'web'));
  hash.update(readFileSync(join(repoRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'web/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}

/**
 * The web app built from the current sources, never a stale `web/dist`. Under `npm test`
 * (which sets BF_TEST_SCRATCH to a directory it removes at the end) the browser tests of a run
 * share one build: the first builds into a private directory and renames it into place
 * (atomic), so a parallel test finds the finished build or makes its own identical one.
 * Elsewhere each harness builds its own, removed on close. `owned` says which.
 */
export async function builtWebDir(): Promise<{ dir: string; owned: boolean }> {
  const shared = process.env.BF_TEST_SCRATCH;
  if (!shared) {
    const dir = mkdtempSync(join(tmpdir(), 'bf-web-'));
    await buildWeb(dir);
    return { dir, owned: true };
  }
  const target = join(shared, `web-${webSourceDigest()}`);
  if (existsSync(join(target, 'index.html'))) return { dir: target, owned: false };
  const scratch = `${target}.${process.pid}`;
  await buildWeb(scratch);
  try {
    renameSync(scratch, target);
  } catch {
    // Another test finished the same build first; use its copy.
    rmSync(scratch, { recursive: true, force: true });
  }
  return { dir: target, owned: false };
}

/** Options for a fresh browser profile. */
export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's locale (the app still starts in Vietnamese unless told otherwise). */
  locale?: string;
  acceptDownloads?: boolean;
  /** Prefixes this page's uncaught errors in `pageErrors`. */
  label?: string;
}

/** A running platform serving the web app, and a browser to look at it. */
export interface BrowserHarness {
  platform: RunningPlatform;
  browser: Browser;
  /** Uncaught errors of every page opened (tests assert it is empty). */
  pageErrors: string[];
  /** A page in a fresh profile (no cookie, no stored language) at `path` (default `/`). */
  newPage(path?: string, options?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the platform (demo users on) serving the current web build, and chromium; null without a browser. */
export async function openBrowserHarness(platformOptions: Parameters<typeof startPlatform>[0] = {}): Promise<BrowserHarness | null> {
  if (missingBrowser) return null;
  const web = await builtWebDir();
  const dropWeb = () => {
    if (web.owned) rmSync(web.dir, { recursive: true, force: true });
  };
  let platform: RunningPlatform;
  let browser: Browser;
  try {
    platform = await startPlatform({ demo: true, ...platformOptions, env: { WEB_DIR: web.dir, ...platformOptions.env } });
  } catch (err) {
    dropWeb();
    throw err;
  }
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  } catch (err) {
    await platform.close();
    dropWeb();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    platform,
    browser,
    pageErrors,
    async newPage(path = '/', options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, locale: options.locale ?? 'en-US', acceptDownloads: options.acceptDownloads ?? false });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => pageErrors.push(options.label ? `${options.label}: ${err.message}` : err.message));
      await page.goto(`${platform.url}${path}`);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await platform.close();
      dropWeb();
    },
  };
}

/** Waits for the page's level-1 heading. */
export async function seeHeading(page: Page, name: string | RegExp, exact = typeof name === 'string'): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact }).waitFor({ state: 'visible', timeout: 15_000 });
}

/** Switches the login page to English and signs a demo user in (password `demo`). */
export async function signInEnglish(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByLabel('Ngôn ngữ').selectOption({ label: 'English' });
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Where screenshots for the docs go; creates the folder. */
export function docsScreenshot(name: string): string {
  const file = join(repoRoot, 'docs', name);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}
