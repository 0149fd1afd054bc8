// Watches a page for injected content running: a call to window.__xss(N) (the corpus's
// payloads call it), any dialog (alert/confirm/prompt), and any request that leaves the
// static site (the corpus's payloads point at http://xss.invalid/N).
import { assert } from './harness.mjs';

export async function watchForInjection(page, base) {
  const origin = new URL(base).origin;
  const dialogs = [];
  const requests = [];
  const calls = [];
  // In every frame of every page, across reloads.
  await page.context().exposeFunction('__xss', (n) => calls.push(n));
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss().catch(() => {});
  });
  page.context().on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:application/json')) requests.push(url);
  });
  return {
    async assertNone() {
      assert(calls.length === 0, `injected script ran: payloads ${calls.join(', ')}`);
      assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
      assert(requests.length === 0, `requests left the site: ${requests.slice(0, 5).join(', ')}`);
    },
  };
}
