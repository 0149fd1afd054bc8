// A small runner for Playwright (playwright-core ships none): stages the release build under a
// sub-path, serves it with a plain static server (no fallback), runs each test in a fresh
// browser context, and prints a cargo-style result line.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const SUB_PATH = '/console/';

export async function eventually(check, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    try {
      const result = await check();
      if (result === true) return;
      last = result === false ? '' : String(result);
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}${last ? `: ${last}` : ''}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function serve(distDir) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'console-site-'));
  fs.cpSync(distDir, path.join(root, SUB_PATH), { recursive: true });
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}${SUB_PATH}`;
  await eventually(async () => (await fetch(base)).ok, `the static server answers at ${base}`, 10000);
  return { base, stop: () => server.kill() };
}

export async function run(tests) {
  const distDir = path.resolve('dist');
  const resultsDir = path.resolve('e2e/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const site = await serve(distDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  let passed = 0;
  let failed = 0;
  // E2E_ONLY=<text> runs the tests whose name contains it (while working on one).
  const only = process.env.E2E_ONLY;
  const queue = Object.entries(tests).filter(([n]) => !only || n.includes(only));
  // Tests run E2E_WORKERS at a time (default 3: on two cores, as a test spends most of its time
  // waiting for the page), each in its own browser context, so none sees another's storage.
  const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 3));
  const runOne = async (name, test) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    if (process.env.E2E_STACKS) await page.addInitScript(() => { Error.stackTraceLimit = 60; });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A wasm panic prints its message (the panic hook) just before "unreachable".
    page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('panicked')) errors.push(m.text().slice(0, 20000)); });
    const started = Date.now();
    try {
      await test({ page, base: site.base });
      assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
      passed++;
      console.log(`test ${name} ... ok (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const shot = path.join(resultsDir, `${name.replace(/\W+/g, '_')}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`test ${name} ... FAILED\n    ${e.message}\n    screenshot: ${shot}`);
    }
    await context.close();
  };
  try {
    await Promise.all(Array.from({ length: workers }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await runOne(...next);
    }));
  } finally {
    await browser.close();
    site.stop();
  }
  console.log(`test result: ${failed ? 'FAILED' : 'ok'}. ${passed} passed; ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
