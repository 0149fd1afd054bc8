// An A/B of first rows between two release sites (scripts/ab.sh): loads of the one and the
// other alternate, in the same browser and the same minutes, so the machine's noise (figures
// move by a third from run to run) falls on both alike. Prints medians and the spread.
//
// usage: node bench/ab.mjs <site A> <site B> [loads of each] [name of A] [name of B]
// Each state is written just before it is measured, for each site by its own revision's
// gen_state (GEN_A, GEN_B; target/release/examples/gen_state by default), from the same
// inputs: the same state, in the stored form each site reads.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answered, firstRows, freePort, launch } from './common.mjs';

const [siteA, siteB, loadsArg, nameA = 'A', nameB = 'B'] = process.argv.slice(2);
const LOADS = Number(loadsArg ?? 16);
const WANT = 50;

async function serve(dir) {
  fs.writeFileSync(path.join(dir, 'blank.html'), '<!DOCTYPE html><title>blank</title>');
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  return { base: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
}

const quantile = (xs, q) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor(q * (s.length - 1))] : null; };
const ms = (x) => (x == null ? '-' : x.toFixed(1));

const sites = [{ name: nameA, ...(await serve(siteA)) }, { name: nameB, ...(await serve(siteB)) }];
const states = fs.mkdtempSync(path.join(os.tmpdir(), 'console-ab-'));
const browser = await launch();
try {
  for (const site of sites) await answered(site.base);
  console.log(`first rows (${WANT} rows painted), median of ${LOADS} loads each, alternating; cold = a new browser context, warm = a reload in it; [25th-75th percentile]`);
  for (const n of [100, 10000]) {
    const now = String(Date.now());
    const stored = [process.env.GEN_A, process.env.GEN_B].map((gen, s) => {
      const dir = path.join(states, String(s));
      fs.mkdirSync(dir, { recursive: true });
      execFileSync(gen || 'target/release/examples/gen_state', [String(n), n === 10000 ? '500' : '0', now, dir]);
      return fs.readFileSync(path.join(dir, `stored-${n}.txt`), 'utf8');
    });
    for (const reload of [false, true]) {
      const runs = sites.map(() => []);
      for (let i = 0; i < LOADS; i++) {
        // Which goes first alternates too.
        for (const s of i % 2 ? [1, 0] : [0, 1]) {
          runs[s].push((await firstRows(browser, sites[s].base, { stored: stored[s] }, `#/batch-services?size=${WANT}`, WANT, { reload })).result);
        }
      }
      sites.forEach((site, s) => {
        const at = (field, q = 0.5) => quantile(runs[s].map((r) => r[field]), q);
        console.log(`${String(n).padStart(5)} services ${reload ? 'warm' : 'cold'}  ${site.name.padEnd(14)} ${ms(at('firstRows')).padStart(6)} ms [${ms(at('firstRows', 0.25))}-${ms(at('firstRows', 0.75))}]`
          + `   wasm fetched ${ms(at('fetched'))}, started ${ms(at('started'))}, decoded ${ms(at('decoded'))}, view built ${ms(at('mounted'))}`);
      });
    }
  }
} finally {
  await browser.close();
  sites.forEach((site) => site.stop());
  fs.rmSync(states, { recursive: true, force: true });
}
