// The function names a wasm module's name section holds (empty when it has none).
import fs from 'node:fs';

export function functionNames(file) {
  const bytes = fs.readFileSync(file);
  let at = 8; // magic and version
  const leb = () => {
    let value = 0; let shift = 0; let byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return value;
  };
  const names = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 0) {
      const length = leb();
      const section = bytes.toString('utf8', at, at + length);
      at += length;
      while (section === 'name' && at < end) {
        const sub = bytes[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            leb(); // the function's index
            const l = leb();
            names.push(bytes.toString('utf8', at, at + l));
            at += l;
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return names;
}
