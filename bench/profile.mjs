// Where script time goes, by function: loads a site built with its names kept
// (`KEEP_NAMES=1 scripts/build.sh`) with a saved state, samples V8's CPU profiler from the
// navigation to the first rows painted (or, with KEYS=1, over the benchmark's keystrokes in
// the search box once the rows are there), and prints the functions with the most self time,
// summed over the loads (wasm functions by their Rust names).
// usage: [KEYS=1] node bench/profile.mjs <site dir> <stored-state file> [loads, default 6] [top, default 40]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { answered, freePort, launch, withState, loadFirstRows } from './common.mjs';

const [site, statePath, loadsArg, topArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 6);
const top = Number(topArg ?? 40);
const keys = process.env.KEYS === '1';
fs.writeFileSync(path.join(site, 'blank.html'), '<!DOCTYPE html><title>blank</title>');
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
const url = '#/batch-services?size=50';
const stored = fs.readFileSync(statePath, 'utf8');
const browser = await launch();
await answered(base);
const self = new Map();
let total = 0;
for (let i = 0; i < loads; i++) {
  await withState(browser, base, { stored }, url, async (page, context) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    if (keys) {
      // As bench/run.mjs loads for keystrokes: no observer of the DOM (FIRST_ROWS's) left
      // to slow its changes.
      await page.goto(`${base}${url}`);
      await page.locator('tbody tr .name-link').first().waitFor({ timeout: 60000 });
      await page.waitForTimeout(1500);
      await cdp.send('Profiler.start');
      // As bench/run.mjs types: a full name, then a prefix many names share, by turns.
      for (let k = 0; k < 15; k++) {
        const digits = String((k * 7919) % 100).padStart(5, '0');
        const value = k % 2 === 0 ? `svc-${digits}` : `svc-${digits.slice(0, 3)}`;
        await page.evaluate((v) => new Promise((resolve) => {
          const input = document.querySelector('input[type=search]');
          input.value = v;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => setTimeout(resolve, 0));
        }), value);
      }
    } else {
      await cdp.send('Profiler.start');
      await loadFirstRows(page, base, url, 50);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, k) => {
      const frame = byId.get(id).callFrame;
      const name = frame.functionName || `(${frame.url.split('/').pop() || 'anonymous'})`;
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      total += ms;
      self.set(name, (self.get(name) ?? 0) + ms);
    });
  });
}
await browser.close();
server.kill();
console.log(`self time by function, ${loads} loads (ms per load; all samples ${(total / loads).toFixed(1)} ms)`);
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(ms / loads).toFixed(2).padStart(8)}  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
}
