// Splits the release site's wasm (scripts/build.sh runs it after Trunk): the Batch Services
// list and what it needs stay in the main module; the pages in src/shell/on_demand.rs become
// modules the browser fetches when they are first shown. Trunk 0.21 cannot split, so this
// redoes its last steps on the cargo build Trunk made (built with --cfg wasm_split and the
// linker's relocations):
//   wasm-split-cli  cuts the module at the split points, writes __wasm_split.js (the loader);
//   wasm-bindgen    makes the JS glue for the main module, under Trunk's file names (keeping
//                   the table and globals the page modules import);
//   wasm-opt -Oz    on every module (large functions with one caller kept, see optFlags);
// then names the page modules, the chunks and the loader by their content (the glue and the
// main module keep Trunk's names, a hash of the cargo build: they import each other, so
// neither can be named after the other's bytes; every tool is pinned, so one build always
// makes the same bytes) and preloads the loader in index.html. integrity.mjs then writes the
// files' new hashes there.
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sri } from './integrity.mjs';

// KEEP_NAMES=1 (scripts/build.sh passes it on): function names kept, for a profile of start-up
// that names the wasm's functions; larger files, never for the release site.
const keepNames = process.env.KEEP_NAMES === '1';
// -Oz inlines every function that has one caller, whatever its size. V8 optimises a wasm
// function only for its later calls (there is no on-stack replacement), so a decoding loop
// inlined into one call would run unoptimised to its end: large functions with one caller
// (the decoder of one chunk of the saved state, of one packed block) stay functions.
const optFlags = ['--one-caller-inline-max-function-size=1000', '-Oz', ...(keepNames ? ['-g'] : [])];
// `--opt-flags`: prints them, for scripts/size-report.sh, which optimises as this does.
if (process.argv[2] === '--opt-flags') {
  console.log(optFlags.join(' '));
  process.exit(0);
}

const dist = process.argv[2] ?? 'dist';
const built = 'target/wasm32-unknown-unknown/release/modelarts-console.wasm';
const wasmSplit = process.env.WASM_SPLIT_CLI ?? 'wasm-split-cli';
const wasmOpt = 'node_modules/.bin/wasm-opt';

const indexPath = path.join(dist, 'index.html');
const glue = fs.readdirSync(dist).filter((f) => /^modelarts-console-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) throw new Error(`expected one modelarts-console-<hash>.js in ${dist}, found ${glue}`);
const name = glue[0].slice(0, -'.js'.length);
const contentHash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
// wasm-opt runs on as many modules at a time as there are cores.
const execAsync = promisify(execFile);
async function inParallel(jobs) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: os.availableParallelism() }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
}
const optimise = (input, output) => async () => {
  const { stderr } = await execAsync(wasmOpt, [...optFlags, '--output', output, input], { maxBuffer: 64 << 20 });
  if (stderr) process.stderr.write(stderr);
};

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'split-'));
const split = path.join(work, 'split');
const bindgen = path.join(work, 'bindgen');
run(wasmSplit, ['--target', 'web', '--out-name', name, built, split]);
const modules = fs.readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
if (modules.length === 0) throw new Error('wasm-split found no split points: was the build made with --cfg wasm_split?');
run('wasm-bindgen', ['--target=web', '--keep-lld-exports', ...(keepNames ? ['--keep-debug'] : []), `--out-dir=${bindgen}`, `--out-name=${name}`, '--no-typescript', path.join(split, `${name}.wasm`)]);

// Page modules and shared chunks: optimised, named by content, referenced by that name.
let loader = fs.readFileSync(path.join(split, '__wasm_split.js'), 'utf8');
// The loader compiles while it downloads, which needs a host that serves .wasm as
// application/wasm; like wasm-bindgen's glue, it falls back to compiling the whole
// download from any other host.
const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
if (loader.split(streaming).length - 1 !== modules.length) throw new Error('__wasm_split.js does not load each module as expected');
loader = loader.replaceAll(streaming, '__instantiate(src, imports)') + `
async function __instantiate(src, imports) {
  const response = await src;
  if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/wasm')) {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`;
// The main module first: the largest takes longest.
await inParallel([
  optimise(path.join(bindgen, `${name}_bg.wasm`), path.join(dist, `${name}_bg.wasm`)),
  ...modules.map((file) => optimise(path.join(split, file), path.join(work, file))),
]);
for (const file of modules) {
  const bytes = fs.readFileSync(path.join(work, file));
  const hashed = `${file.slice(0, -'.wasm'.length)}-${contentHash(bytes)}.wasm`;
  if (!loader.includes(`"./${file}"`)) throw new Error(`${file} is not named in __wasm_split.js`);
  loader = loader.replaceAll(`"./${file}"`, `"./${hashed}"`);
  fs.writeFileSync(path.join(dist, hashed), bytes);
}
const loaderName = `__wasm_split-${contentHash(loader)}.js`;
fs.writeFileSync(path.join(dist, loaderName), loader);
// The glue imports the loader: fetched beside the glue, not one round trip after it.
const index = fs.readFileSync(indexPath, 'utf8');
if (!index.includes('</head>')) throw new Error('index.html has no </head>');
fs.writeFileSync(indexPath, index.replace('</head>', `<link rel=modulepreload crossorigin href=./${loaderName} integrity=${sri(loader)}></head>`));

// The main module's glue, under Trunk's name (the module itself is optimised above).
let js = fs.readFileSync(path.join(bindgen, `${name}.js`), 'utf8');
// The ES imports only: the wasm's imports keep the module name "./__wasm_split.js".
if (!js.includes('from "./__wasm_split.js"')) throw new Error('the glue does not import __wasm_split.js');
js = js.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`);
fs.writeFileSync(path.join(dist, `${name}.js`), js);

fs.rmSync(work, { recursive: true });
console.log(`split ${name}: main module and ${modules.length} modules loaded on demand`);
