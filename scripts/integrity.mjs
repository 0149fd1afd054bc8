// Subresource Integrity for the release site: the browser checks each file index.html links
// against its hash before it uses it. Trunk writes the hashes, and the steps after it
// (split-wasm.mjs, minify-js.mjs) change files, so build.sh runs this last: every local file
// index.html links gets the hash of what it now is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

export function rehash(dist) {
  const indexPath = path.join(dist, 'index.html');
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}=("[^"]*"|'[^']*'|[^\\s>]+)`))?.[1].replace(/^["']|["']$/g, '');
  let files = 0;
  const index = fs.readFileSync(indexPath, 'utf8').replace(/<(link|script)\b[^>]*>/g, (tag) => {
    const href = attr(tag, 'href') ?? attr(tag, 'src');
    if (!href || !href.startsWith('./') || !/\.(js|wasm|css)$/.test(href)) return tag;
    const integrity = attr(tag, 'integrity');
    if (!integrity) throw new Error(`index.html links ${href} without an integrity hash`);
    files++;
    return tag.replace(integrity, sri(fs.readFileSync(path.join(dist, href))));
  });
  if (files === 0) throw new Error('index.html links no file with an integrity hash');
  fs.writeFileSync(indexPath, index);
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  console.log(`integrity: ${rehash(dist)} files hashed in ${dist}/index.html`);
}
