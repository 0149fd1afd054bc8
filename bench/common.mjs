// What the benchmark (run.mjs) and the A/B of two builds (ab.mjs) measure alike.
import { chromium } from 'playwright-core';
import net from 'node:net';

const KEY = 'modelarts-console/state';

// Debian's Chromium, headless, without the background services this machine's closed
// network refuses.
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

// Waits until the static server at `base` answers.
export async function answered(base) {
  for (let i = 0; ; i++) {
    try { if ((await fetch(base)).ok) return; } catch { /* not yet */ }
    if (i === 100) throw new Error(`the static server did not answer at ${base}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// An init script: records when at least `want` list rows are in the DOM and a frame has been
// painted, in `window.__firstRows`.
export const FIRST_ROWS = (want) => {
  window.__firstRows = null;
  const check = () => {
    if (window.__firstRows === null && document.querySelectorAll('tbody tr .name-link').length >= want) {
      window.__firstRows = -1;
      requestAnimationFrame(() => setTimeout(() => { window.__firstRows = performance.now(); }, 0));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
};

// `data` is { stored, records }: the app reads its stored form, the vanilla page its records.
export async function withState(browser, base, data, url, fn) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}blank.html`);
  const [key, value] = url.startsWith('vanilla') ? ['bench/records', data.records] : [KEY, data.stored];
  const stored = await page.evaluate(([k, v]) => {
    localStorage.clear();
    try { localStorage.setItem(k, v); return true; } catch { return false; }
  }, [key, value]);
  let result = null;
  if (stored) result = await fn(page, context);
  await context.close();
  return { stored, result };
}

// Navigates to `url` and waits until its first `want` rows are painted.
export async function loadFirstRows(page, base, url, want) {
  await page.addInitScript(FIRST_ROWS, want);
  await page.goto(`${base}${url}`);
  await page.waitForFunction(() => window.__firstRows > 0, null, { timeout: 60000 });
}

export async function firstRows(browser, base, text, url, want, { reload = false } = {}) {
  return withState(browser, base, text, url, async (page) => {
    await loadFirstRows(page, base, url, want);
    // Warm: the same page again in the same context (its files cached, V8's code cache warm).
    if (reload) {
      await page.reload();
      await page.waitForFunction(() => window.__firstRows > 0, null, { timeout: 60000 });
    }
    return page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(`console:${name}`)[0]?.startTime ?? null;
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
      return {
        firstRows: window.__firstRows,
        fetched: wasm ? wasm.responseEnd : null,
        started: mark('start'),
        decoded: mark('decoded'),
        mounted: mark('mounted'),
      };
    });
  });
}
