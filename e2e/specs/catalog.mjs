// The catalog the console runs against (src/catalog_source.rs): the embedded one, replaced by
// a catalog.json the host serves beside the app once it has been fetched and checked by the
// core, which happens after the first page has painted. One that is not valid is reported
// in a banner, and the embedded catalog stays.
import fs from 'node:fs';
import { ServiceList, text, assert, eventually } from '../pages.mjs';

const EMBEDDED = JSON.parse(fs.readFileSync(new URL('../../core/catalog.json', import.meta.url), 'utf8'));
// The flavor of the demo's mnist-batch-nightly.
const FLAVOR = 'modelarts.vm.cpu.8u';
const embeddedName = EMBEDDED.flavors.find((f) => f.id === FLAVOR).display;

const serveCatalog = (page, body) => page.route('**/catalog.json', (route) => route.fulfill({ contentType: 'application/json', body }));

export default {
  "the host's catalog.json renames a flavor in the list, fetched after the first rows are painted": async ({ page, base }) => {
    const catalog = structuredClone(EMBEDDED);
    const renamed = 'CPU: 8 vCPUs | 32 GiB (host catalog)';
    catalog.flavors.find((f) => f.id === FLAVOR).display = renamed;
    await serveCatalog(page, JSON.stringify(catalog));
    // The start of the frame in which the first rows are painted.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('tbody .name-link')) return;
        observer.disconnect();
        requestAnimationFrame(() => { window.__rowsFrame = performance.now(); });
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const list = new ServiceList(page, base);
    await list.open();
    await eventually(async () => (await text(list.row('mnist-batch-nightly'))).includes(renamed) || text(list.row('mnist-batch-nightly')), "the row shows the host catalog's name of its flavor");
    // Not in the first rows' way: fetched after the frame that paints them.
    const [rowsFrame, fetched] = await page.evaluate(() => [
      window.__rowsFrame,
      performance.getEntriesByType('resource').find((r) => r.name.endsWith('/catalog.json'))?.startTime,
    ]);
    assert(fetched > rowsFrame, `catalog.json fetched at ${fetched} ms, the first rows' frame at ${rowsFrame} ms`);
    assert((await page.getByRole('alert').count()) === 0, 'no banner for a valid catalog');
  },

  'a catalog.json that is not valid is reported, and the embedded catalog is used': async ({ page, base }) => {
    const catalog = structuredClone(EMBEDDED);
    catalog.flavors.find((f) => f.id === FLAVOR).price_per_hour = -1;
    await serveCatalog(page, JSON.stringify(catalog));
    const list = new ServiceList(page, base);
    await list.open();
    const banner = page.getByRole('alert').filter({ hasText: 'catalog.json was ignored' });
    await banner.waitFor();
    const said = await text(banner);
    assert(/^catalog\.json was ignored: .+ The embedded catalog is used\./.test(said), `banner: ${said}`);
    assert((await text(list.row('mnist-batch-nightly'))).includes(embeddedName), `the row keeps the embedded name ${embeddedName}`);
  },
};
