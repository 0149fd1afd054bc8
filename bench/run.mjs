// The browser benchmark (scripts/bench.sh): the release site against a hand-written vanilla
// page (bench/vanilla.html) doing the same work on the same saved records, in one run of
// headless Chromium. Machines are noisy, so figures are printed with their ratio to vanilla.
//
// usage: node bench/run.mjs <dir for the generated states> [runs]
// Each state is written (target/release/examples/gen_state) just before it is measured.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { answered, firstRows, freePort, launch, loadFirstRows, withState } from './common.mjs';

const statesDir = process.argv[2];
const RUNS = Number(process.argv[3] ?? 3);
const KEYS = 15;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x == null ? '-' : `${x.toFixed(1)} ms`);

async function serve() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'console-bench-'));
  fs.cpSync('dist', root, { recursive: true });
  fs.copyFileSync('bench/vanilla.html', path.join(root, 'vanilla.html'));
  fs.writeFileSync(path.join(root, 'blank.html'), '<!DOCTYPE html><title>blank</title>');
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  await answered(base);
  return { base, stop: () => server.kill() };
}

// One more load, traced: what V8 compiled on the main thread while the page started (the
// wasm's streaming compile, then each function on its first call: V8 compiles lazily), and
// style, layout and paint. Tracing slows the load down, so these are shares of a traced
// load, printed beside the untraced timings rather than added to them.
async function tracedStart(browser, base, text, url, want) {
  return withState(browser, base, text, url, async (page) => {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm'] });
    await loadFirstRows(page, base, url, want);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const threads = new Map();
    for (const e of traceEvents) {
      if (e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
    }
    for (const e of traceEvents) {
      const t = `${e.pid}:${e.tid}`;
      if (threads.has(t) && e.ph === 'X') threads.set(t, threads.get(t) + 1);
    }
    const main = [...threads].sort((a, b) => b[1] - a[1])[0]?.[0];
    const on = (names) => traceEvents.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && names.includes(e.name));
    // Milliseconds covered by the events (nested ones counted once).
    const covered = (events) => {
      let total = 0; let end = -Infinity;
      for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
        const from = Math.max(e.ts, end); const to = e.ts + (e.dur ?? 0);
        if (to > from) { total += to - from; end = to; }
      }
      return total / 1000;
    };
    const lazy = on(['wasm.CompileLazy']);
    return {
      streaming: covered(on(['v8.wasm.compileConsume', 'v8.wasm.compileConsumeDone', 'wasm.OnBytesReceived', 'wasm.FinishStreaming', 'wasm.ValidateFunctionsStreaming'])),
      lazy: covered(lazy),
      functions: lazy.length,
      rendering: covered(on(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'])),
    };
  });
}

// Sets the search box to each value in turn; each is timed from the input event to the
// frame after the page has reacted.
async function keystrokes(browser, base, text, url, values) {
  return withState(browser, base, text, url, async (page) => {
    await page.goto(`${base}${url}`);
    await page.locator('tbody tr .name-link').first().waitFor({ timeout: 60000 });
    const times = [];
    for (const value of values) {
      times.push(await page.evaluate((v) => new Promise((resolve) => {
        const input = document.querySelector('input[type=search]');
        const t0 = performance.now();
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }), value));
    }
    return times;
  });
}

// Script time per tick of the app's clock, from Chromium's own counters.
async function tickCost(browser, base, text) {
  return withState(browser, base, text, '', async (page, context) => {
    await page.goto(`${base}#/batch-services?size=50`);
    await page.locator('tbody tr .name-link').first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const all = (await cdp.send('Performance.getMetrics')).metrics;
      const get = (name) => all.find((m) => m.name === name).value;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    const before = await metrics();
    const seconds = 5;
    await page.waitForTimeout(seconds * 1000);
    const after = await metrics();
    // One tick a second at 1x: script time, and all main-thread work (style, layout, paint too).
    return {
      script: ((after.script - before.script) * 1000) / seconds,
      task: ((after.task - before.task) * 1000) / seconds,
    };
  });
}
const tickText = (t) => (t == null ? '-' : `${t.script.toFixed(1)} ms script, ${t.task.toFixed(1)} ms main thread`);

// Search "svc-00" (1,000 services), select the page, "Select all 1000 matching services",
// Delete, OK: from the click on OK to the frame after the command's toast (the command runs
// once the cross-tab lock is granted, a task after the click, and saves before the toast).
async function batchDelete(browser, base, text) {
  return withState(browser, base, text, '', async (page) => {
    await page.goto(`${base}#/batch-services?size=50&name=svc-00`);
    await page.locator('tbody tr .name-link').first().waitFor({ timeout: 60000 });
    await page.getByRole('checkbox', { name: 'Select all services on this page' }).check();
    await page.getByRole('button', { name: 'Select all 1000 matching services' }).click();
    await page.getByText('1000 selected').waitFor();
    await page.locator('.toolbar').getByRole('button', { name: 'Delete' }).click();
    const ok = page.getByRole('dialog', { name: 'Delete Service' }).getByRole('button', { name: 'OK' });
    await ok.waitFor();
    const handle = await ok.elementHandle();
    return page.evaluate((button) => new Promise((resolve) => {
      const done = () => /services are being deleted/.test(document.body.textContent);
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const t0 = performance.now();
      button.click();
    }), handle);
  });
}

async function vanillaDelete(browser, base, text) {
  return withState(browser, base, text, 'vanilla.html', async (page) => {
    await page.goto(`${base}vanilla.html`);
    return page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      window.__benchDelete(1000);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }));
  });
}

function gzipSizes() {
  const rows = [];
  for (const file of fs.readdirSync('dist').sort()) {
    const full = path.join('dist', file);
    if (!fs.statSync(full).isFile() || !/\.(wasm|js|css|html)$/.test(file)) continue;
    const raw = fs.readFileSync(full);
    rows.push([file, raw.length, zlib.gzipSync(raw, { level: 9 }).length]);
  }
  return rows;
}

const browser = await launch();
const site = await serve();
const out = [];
const line = (figure, app, vanilla, ratio) => out.push([figure, app, vanilla, ratio]);
const ratio = (a, v) => (a == null || v == null || v === 0 ? '-' : `${(a / v).toFixed(2)}x`);
try {
  for (const n of [100, 1000, 10000]) {
    const pools = n === 10000 ? 500 : 0;
    execFileSync('target/release/examples/gen_state', [String(n), String(pools), String(Date.now()), statesDir]);
    const file = `state-${n}.json`;
    const json = fs.readFileSync(path.join(statesDir, file), 'utf8');
    const state = JSON.parse(json).state;
    const services = state.regions[state.region].services;
    const moving = services.filter((s) => ['deploying', 'running', 'concerning', 'stopping', 'deleting'].includes(s.status)).length;
    const records = JSON.stringify(services.map((s) => ({
      service_id: s.service_id, service_name: s.service_name, status: s.status, progress: s.progress,
      model_name: s.config[0].model_name, model_version: s.config[0].model_version,
      specification: s.config[0].specification, instance_count: s.config[0].instance_count,
      publish_at: s.publish_at, description: s.description,
    })));
    const stored = fs.readFileSync(path.join(statesDir, `stored-${n}.txt`), 'utf8');
    const text = { stored, records };
    line(`saved text, ${n} services${pools ? ` and ${pools} pools` : ''}`,
      `${(stored.length / 1e6).toFixed(2)} M chars, ${Math.round(stored.length / n)} chars/service`,
      `${(records.length / 1e6).toFixed(2)} M chars (JSON of the rows' fields)`, '');
    line('  (the same state as snapshot JSON)', `${(json.length / 1e6).toFixed(2)} M chars, ${Math.round(json.length / n)} chars/service`, '', '');
    const want = Math.min(50, n);
    const app = []; const van = []; let fits = true; let parts = [];
    for (let r = 0; r < RUNS; r++) {
      const a = await firstRows(browser, site.base, text, '#/batch-services?size=50', want);
      if (!a.stored) { fits = false; break; }
      app.push(a.result.firstRows); parts.push(a.result);
      const v = await firstRows(browser, site.base, text, 'vanilla.html', want);
      van.push(v.result.firstRows);
    }
    if (!fits) {
      line(`first rows, ${n} services`, 'does not fit in localStorage', '', '');
      continue;
    }
    const a = median(app); const v = median(van);
    line(`first rows, ${n} services`, ms(a), ms(v), ratio(a, v));
    const p = parts[app.indexOf(a)];
    line('  where the time goes', `wasm fetched ${ms(p.fetched)}, started ${ms(p.started)}, decoded ${ms(p.decoded)}, view built ${ms(p.mounted)}, rows painted ${ms(p.firstRows)}`, '', '');
    const tr = (await tracedStart(browser, site.base, text, '#/batch-services?size=50', want)).result;
    const vtr = (await tracedStart(browser, site.base, text, 'vanilla.html', want)).result;
    line('  main thread, one traced load: compile', `${ms(tr.streaming)} streaming, ${ms(tr.lazy)} lazily (${tr.functions} functions on their first call)`, '', '');
    line('  main thread, one traced load: style, layout, paint', ms(tr.rendering), ms(vtr.rendering), ratio(tr.rendering, vtr.rendering));
    // Alternately one service's full name and a prefix many names share, so every keystroke
    // changes the rows shown.
    const values = Array.from({ length: KEYS }, (_, k) => {
      const digits = String((k * 7919) % n).padStart(5, '0');
      return k % 2 === 0 ? `svc-${digits}` : `svc-${digits.slice(0, 3)}`;
    });
    // Every figure below is taken in each of the runs, app and vanilla alternately, and the
    // median is printed: one run's figures move by half on this machine.
    const ka = []; const kv = [];
    for (let r = 0; r < RUNS; r++) {
      ka.push(...(await keystrokes(browser, site.base, text, '#/batch-services?size=50', values)).result);
      kv.push(...(await keystrokes(browser, site.base, text, 'vanilla.html', values)).result);
    }
    line(`keystroke -> patched DOM, ${n} services (median of ${ka.length})`, ms(median(ka)), ms(median(kv)), ratio(median(ka), median(kv)));
    // The keys alternate two kinds, whose times differ by several times in both pages: the
    // median above falls between them and moves with the run. Each kind's median is steadier.
    const kind = (times, many) => times.filter((_, i) => (i % KEYS) % 2 === (many ? 1 : 0));
    for (const [label, many] of [['a full name (1 row)', false], ['a shared prefix (50 rows)', true]]) {
      const a = median(kind(ka, many)); const v = median(kind(kv, many));
      line(`  keys that search ${label}`, ms(a), ms(v), ratio(a, v));
    }
    if (n >= 1000) {
      const ticks = async (data) => {
        const all = [];
        for (let r = 0; r < RUNS; r++) all.push((await tickCost(browser, site.base, data)).result);
        return { script: median(all.map((t) => t.script)), task: median(all.map((t) => t.task)) };
      };
      line(`tick, ${moving} of ${n} services in transition (per second)`, tickText(await ticks(text)), '', '');
      if (n === 1000) {
        // The issue's figure: 1,000 services, all of them in transition.
        execFileSync('target/release/examples/gen_state', [String(n), '0', String(Date.now()), statesDir, 'moving']);
        const all = fs.readFileSync(path.join(statesDir, `stored-${n}-moving.txt`), 'utf8');
        line(`tick, ${n} of ${n} services in transition (per second)`, tickText(await ticks({ stored: all, records: '[]' })), '', '');
      }
      const d = []; const dv = [];
      for (let r = 0; r < RUNS; r++) {
        d.push((await batchDelete(browser, site.base, text)).result);
        dv.push((await vanillaDelete(browser, site.base, text)).result);
      }
      line(`select all + batch delete of 1,000 services with its save, ${n} services`, ms(median(d)), ms(median(dv)), ratio(median(d), median(dv)));
    }
  }
  let total = 0; let totalRaw = 0; let first = 0; let firstRaw = 0;
  for (const [file, raw, gz] of gzipSizes()) {
    total += gz; totalRaw += raw;
    // The page modules are fetched after the first paint (src/shell/on_demand.rs).
    if (!/^(split|chunk)_.*\.wasm$/.test(file)) { first += gz; firstRaw += raw; }
    line(`size ${file}`, `${(gz / 1024).toFixed(1)} KB gzip`, `${(raw / 1024).toFixed(1)} KB raw`, '');
  }
  line('size, whole site', `${(total / 1024).toFixed(1)} KB gzip`, `${(totalRaw / 1024).toFixed(1)} KB raw`, '');
  line('size, what the first page needs', `${(first / 1024).toFixed(1)} KB gzip`, `${(firstRaw / 1024).toFixed(1)} KB raw`, '');
} finally {
  await browser.close();
  site.stop();
}
const widths = [0, 1, 2, 3].map((i) => Math.max(...out.map((r) => String(r[i]).length), ['figure', 'app', 'vanilla', 'ratio'][i].length));
const row = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
console.log(row(['figure', 'app', 'vanilla', 'ratio']));
for (const r of out) console.log(row(r));
