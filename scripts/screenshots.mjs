// Screenshots of three pages in 简体中文 and the dark theme, at 390 px and 1,280 px, from the
// release build in dist/ (scripts/build.sh), into docs/screenshots/.
// Run from the repository: node scripts/screenshots.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve } from '../e2e/harness.mjs';

const out = 'docs/screenshots';
fs.mkdirSync(out, { recursive: true });
const site = await serve('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', colorScheme: 'dark' });
    const page = await context.newPage();
    const firstLink = async (route) => {
      await page.goto(`${site.base}${route}`);
      const link = page.locator('table .name-link').first();
      await link.waitFor();
      return link.getAttribute('href');
    };
    const realTime = await firstLink('#/real-time-services');
    const pool = await firstLink('#/pools?type=deployment');
    const shots = [
      ['batch-services', '#/batch-services'],
      ['real-time-monitoring', `${realTime}?tab=monitoring`],
      ['pool-details', pool],
    ];
    for (const [name, route] of shots) {
      await page.goto(`${site.base}${route}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/${name}-zh-CN-dark-${width}.png`, fullPage: true });
    }
    await context.close();
  }
} finally {
  await browser.close();
  site.stop();
}
