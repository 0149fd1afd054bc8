// Minifies the JS in dist/: the wasm-bindgen glue (Trunk 0.21's own JS minifier fails on it and
// ships it as is) and the split modules' loader. integrity.mjs then updates their hashes.
import { minify } from 'terser';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const full = path.join(dist, file);
  const source = fs.readFileSync(full, 'utf8');
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  if (!code) throw new Error(`terser produced nothing for ${file}`);
  fs.writeFileSync(full, code);
  console.log(`${file}: ${source.length} -> ${code.length} bytes`);
}
