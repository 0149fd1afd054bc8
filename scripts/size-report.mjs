// Prints the twiggy tables scripts/size-report.sh made, grouped: by module (main first: it is
// what the first page needs), then by owner within each, then the main module's largest items.
// usage: node scripts/size-report.mjs <dir of <module>.csv> [groups per module]
import fs from 'node:fs';
import path from 'node:path';

const [dir, groupsArg] = process.argv.slice(2);
const GROUPS = Number(groupsArg ?? 25);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);

// One CSV line of twiggy's: the name is quoted when it holds a comma or a quote.
function parseLine(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') { value += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else { value += line[i++]; }
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

// Who an item belongs to: our crates by their first module (console_core::snapshot), others by
// crate (serde_json); `<impl Trait for Type>` items by the type's path, as rustc names them.
function owner(name) {
  if (name.startsWith('data segment')) return 'data (strings, tables, vtables)';
  if (name.startsWith('elem[') || name.startsWith('table[')) return 'function tables';
  const split = /^__wasm_split_00\w+?00_(?:export|import)_[0-9a-f]+_(\w+)/.exec(name);
  if (split) return `the split point ${split[1]} (the page, inlined)`;
  if (name.startsWith('code[') || name.startsWith('import ') || name.startsWith('export ') || name.startsWith('global')) return 'unnamed code, imports, exports';
  const bare = name.replace(/^<+/, '').replace(/^(&mut |&|dyn )+/, '');
  const segments = bare.split('::');
  if (!/^[a-z_][a-z0-9_]*$/.test(segments[0] ?? '')) return 'generic (e.g. <T as ...>)';
  const crate = segments[0].replace(/\[[0-9a-f]+\]$/, '');
  if (crate === 'console_core' || crate === 'modelarts_console') {
    const module = segments[1] ?? '';
    return /^[a-z_]+$/.test(module) ? `${crate}::${module}` : crate;
  }
  if (crate === 'core' && segments[1] === 'ptr' && (segments[2] ?? '').startsWith('drop_in_place')) return 'core::ptr::drop_in_place (drop glue)';
  if (crate === 'core' || crate === 'alloc' || crate === 'std') return `${crate}::${(segments[1] ?? '').replace(/<.*$/, '')}`;
  return crate;
}

const modules = fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.slice(0, -4));
modules.sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : a.localeCompare(b)));
let largest = [];
for (const module of modules) {
  const lines = fs.readFileSync(path.join(dir, `${module}.csv`), 'utf8').trim().split('\n').slice(1);
  const groups = new Map();
  let total = 0;
  for (const line of lines) {
    const [name, shallow] = parseLine(line);
    if (name.endsWith('subsection')) continue; // names, not code or data
    const bytes = Number(shallow);
    total += bytes;
    groups.set(owner(name), (groups.get(owner(name)) ?? 0) + bytes);
    if (module === 'main') largest.push([bytes, name]);
  }
  const what = module === 'main' ? ' (with the glue, what the first page needs)' : ' (fetched after the first paint)';
  console.log(`== ${module}${what}: ${kb(total).trim()} raw, names aside`);
  const shown = module === 'main' ? GROUPS : Math.min(GROUPS, 8);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, shown)) {
    console.log(`${kb(bytes)}  ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${group}`);
  }
}
console.log('== main: largest items');
largest = largest.sort((a, b) => b[0] - a[0]).slice(0, 20);
for (const [bytes, name] of largest) console.log(`${kb(bytes)}  ${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 130)}`);
