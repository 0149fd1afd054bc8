// Serves the stylesheets as one file: the sources stay one per concern in style/ (index.html
// links them in cascade order), the release site fetches a single stylesheet, which gzip also
// compresses better than five. Run after Trunk; integrity.mjs then hashes the result.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
const indexPath = path.join(dist, 'index.html');
const index = fs.readFileSync(indexPath, 'utf8');
const links = [...index.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)].map((m) => m[0]);
const href = (tag) => tag.match(/\shref=("[^"]*"|[^\s>]+)/)[1].replace(/"/g, '');
if (links.length < 2) throw new Error(`index.html links ${links.length} stylesheet(s): nothing to bundle`);
const css = links.map((tag) => fs.readFileSync(path.join(dist, href(tag)), 'utf8')).join('\n');
const name = `console-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
fs.writeFileSync(path.join(dist, name), css);
for (const tag of links) fs.rmSync(path.join(dist, href(tag)));
// The first link becomes the bundle's (its integrity is rehashed later); the others go.
const first = links[0].replace(href(links[0]), `./${name}`);
let out = index.replace(links[0], first);
for (const tag of links.slice(1)) out = out.replace(tag, '');
fs.writeFileSync(indexPath, out);
console.log(`css: ${links.length} stylesheets -> ${name} (${css.length} bytes)`);
