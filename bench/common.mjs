// What the benchmark (run.mjs) and the A/B of two builds (ab.mjs) measure alike.
import net from 'node:net';

export async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

// Waits until the static server at `base` answers.
export async function answered(base) {
  for (let i = 0; ; i++) {
    try { if ((await fetch(base)).ok) return; } catch { /* not yet */ }
    if (i === 100) throw new Error(`the static server did not answer at ${base}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// An init script: records when at least `want` list rows are in the DOM and a frame has been
// painted, in `window.__firstRows`.
export const FIRST_ROWS = (want) => {
  window.__firstRows = null;
  const check = () => {
    if (window.__firstRows === null && document.querySelectorAll('tbody tr .name-link').length >= want) {
      window.__firstRows = -1;
      requestAnimationFrame(() => setTimeout(() => { window.__firstRows = performance.now(); }, 0));
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
};
