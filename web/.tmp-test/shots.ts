import { chromium } from 'playwright-core';
import { startPlatform } from '/tmp/bfstub/platform.ts';
const p = await startPlatform();
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const shot = async (w: number, h: number, name: string, fn: (pg: import('playwright-core').Page) => Promise<void>, lang?: string, user = 'officer') => {
  const ctx = await b.newContext({ viewport: { width: w, height: h } });
  const pg = await ctx.newPage();
  if (lang) await ctx.addInitScript(`localStorage.setItem('borderflow.lang','${lang}')`);
  await pg.goto(p.url + '/');
  await pg.locator('#login-username').waitFor();
  await fn(pg);
  if (user) { await pg.fill('#login-username', user); await pg.fill('#login-password', 'demo'); await pg.click('button[type=submit]'); await pg.locator('h1#page-title, .dashboard h1').waitFor(); }
  await pg.screenshot({ path: `/tmp/shot-${name}.png` });
  await ctx.close();
};
await shot(1280, 800, 'login-error', async (pg) => { await pg.fill('#login-username', 'officer'); await pg.fill('#login-password', 'x'); await pg.click('button[type=submit]'); await pg.locator('.alert').waitFor(); }, undefined, '');
await shot(360, 740, 'login-360', async () => {}, undefined, '');
await shot(360, 740, 'mobile-closed', async () => {}, undefined, 'declarant');
await shot(360, 740, 'mobile-open', async () => {}, 'zh', 'supervisor');
const ctx = await b.newContext({ viewport: { width: 360, height: 740 } }); const pg = await ctx.newPage();
await pg.goto(p.url + '/'); await pg.fill('#login-username', 'supervisor'); await pg.fill('#login-password', 'demo'); await pg.click('button[type=submit]');
await pg.locator('h1#page-title').waitFor(); await pg.click('.menu-button'); await pg.screenshot({ path: '/tmp/shot-mobile-menu.png' });
await pg.keyboard.press('Escape'); console.log('after esc focus:', await pg.evaluate(() => document.activeElement?.className));
await shot(1280, 800, 'admin-zh', async () => {}, 'zh', 'admin');
await shot(1280, 800, 'device', async () => {}, undefined, 'device');
await b.close(); await p.close();
