// Minifies the JS in dist/: the wasm-bindgen glue (Trunk 0.21's own JS minifier fails on it and
// ships it as is) and the split modules' loader, and updates the glue's Subresource Integrity
// hash in dist/index.html, which the browser checks before it runs the module.
import { minify } from 'terser';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
const indexPath = path.join(dist, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
const sri = (text) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;
for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const full = path.join(dist, file);
  const source = fs.readFileSync(full, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (!code) throw new Error(`terser produced nothing for ${file}`);
  const before = sri(source);
  // What index.html loads must carry its hash; the loader is imported by the glue.
  if (index.includes(file) && !index.includes(before)) throw new Error(`${file}: its integrity hash is not in index.html`);
  fs.writeFileSync(full, code);
  index = index.replaceAll(before, sri(code));
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
fs.writeFileSync(indexPath, index);
