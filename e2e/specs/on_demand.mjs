// Pages loaded on demand (src/shell/on_demand.rs): the release site's Batch Services list is in
// the main module; Deploy and details, the pools pages, Settings and the code that applies
// commands are modules fetched once the first page has painted. After that the console needs
// the host no more; a module that cannot be fetched is said so in the page, with a way to try
// again.
//
// The stored form is binary, and so is the embedded catalog: the readers of JSON (saved data
// of an older version, the host's catalog.json) are a module too, which a console with older
// saved data waits for before it opens that data. So is the demo, which a first run waits for.
import fs from 'node:fs';
import { ServiceList, assert, eventually, stateSaved } from '../pages.mjs';

const pageModules = /\/split_(services|pools|settings|commands|json)-[0-9a-f]+\.wasm$/;
const commandsModule = /\/split_commands-[0-9a-f]+\.wasm$/;
const jsonModule = /\/split_json-[0-9a-f]+\.wasm$/;
const demoModule = /\/split_demo-[0-9a-f]+\.wasm$/;
const STATE_KEY = 'modelarts-console/state';
// The demo as the version-4 console stored it (its JSON, packed), 3 saves in.
const V4_STORED = fs.readFileSync(new URL('../../core/tests/fixtures/v4_demo_packed.txt', import.meta.url), 'utf8');

/**
 * Opens the list once and waits for its first save, so that the next load is a start with
 * saved data (a first run fetches the demo's module, and the chunks it needs, first).
 */
async function withSavedData(page, base) {
  await new ServiceList(page, base).open();
  await stateSaved(page);
}

/** Opens the list once, then puts `text` in storage, for the next load to find. */
async function saved(page, base, text) {
  // After the demo's first save, which would overwrite it.
  await withSavedData(page, base);
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [STATE_KEY, text]);
}

export default {
  'the other pages are fetched after the first one and then open without the host': async ({ page, base }) => {
    const fetched = new Set();
    page.on('request', (r) => {
      const m = pageModules.exec(r.url());
      if (m) fetched.add(m[1]);
    });
    const list = new ServiceList(page, base);
    await list.open();
    // A start with saved data: a first run fetches the demo's module before it can paint.
    await stateSaved(page);
    fetched.clear();
    await page.reload();
    await list.row('mnist-batch-nightly').waitFor();
    await eventually(() => fetched.size === 5 || `fetched: ${[...fetched]}`, 'the three page modules, the commands and the JSON readers are fetched');
    // Only once the first view is built: they are not in the first page's way.
    const [mounted, firstFetch] = await page.evaluate(() => [
      performance.getEntriesByName('console:mounted')[0].startTime,
      Math.min(...performance.getEntriesByType('resource').filter((r) => /\/(split|chunk)_/.test(r.name)).map((r) => r.startTime)),
    ]);
    assert(firstFetch > mounted, `page modules fetched at ${firstFetch} ms, the first view built at ${mounted} ms`);
    // From here on every request fails: the host is gone.
    await page.context().route('**/*', (route) => route.abort());
    await page.getByRole('link', { name: 'Dedicated Resource Pools' }).first().click();
    await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Settings' }).first().click();
    await page.getByRole('heading', { name: 'Agency Authorization' }).waitFor();
    await page.getByRole('link', { name: 'Batch Services' }).first().click();
    await page.getByRole('link', { name: 'Deploy', exact: true }).click();
    await page.getByRole('heading', { name: 'Deploy', level: 1 }).waitFor();
    assert((await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()) === 0, 'no page failed to load');
    // Commands too: their module came with the pages.
    await page.getByRole('link', { name: 'Batch Services' }).first().click();
    await list.row('mnist-batch-weekly').waitFor();
    await list.operation('mnist-batch-weekly', 'Start').click();
    await list.waitForStatus('mnist-batch-weekly', 'Deploying');
  },

  'a first page with saved data in the current form does not wait for the JSON readers': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    // Stored by this console: its binary form.
    await stateSaved(page);
    await page.route(jsonModule, (route) => route.abort());
    await page.reload();
    await list.row('mnist-batch-weekly').waitFor();
    assert((await page.getByRole('alert').filter({ hasText: 'The saved console data' }).count()) === 0, 'the saved data opened');
  },

  'saved data of an older version waits for the JSON readers, then opens and is saved in the current form': async ({ page, base }) => {
    await saved(page, base, V4_STORED);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(jsonModule, async (route) => { await held; await route.continue(); });
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Loading saved data...' }).waitFor();
    assert((await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)) === V4_STORED, 'untouched while its reader loads');
    release();
    const list = new ServiceList(page, base);
    await list.row('ocr-invoice-march').waitFor();
    assert((await list.status('mnist-batch-weekly')) === 'Stopped', 'the saved statuses');
    await eventually(async () => (await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)).startsWith('modelarts-console:json:'), 'saved again in the current form');
    assert((await page.getByRole('alert').filter({ hasText: 'The saved console data' }).count()) === 0, 'no banner');
  },

  'older saved data whose reader cannot be fetched is left unchanged, and Try Again opens it': async ({ page, base }) => {
    await saved(page, base, V4_STORED);
    let blocked = true;
    await page.route(jsonModule, (route) => (blocked ? route.abort() : route.continue()));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'The saved console data is in an older format, and the code that reads it could not be loaded. Check your network connection and try again. Nothing was changed.' }).waitFor();
    await page.waitForTimeout(300);
    assert((await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)) === V4_STORED, 'nothing saved over it');
    assert((await page.getByRole('table').count()) === 0, 'no console over demo data');
    blocked = false;
    await page.getByRole('button', { name: 'Try Again' }).click();
    const list = new ServiceList(page, base);
    await list.row('ocr-invoice-march').waitFor();
    await eventually(async () => (await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)).startsWith('modelarts-console:json:'), 'saved again in the current form');
  },

  'a first run waits for the demo\'s module; one that cannot be fetched is said so, and Try Again opens the demo': async ({ page, base }) => {
    let blocked = true;
    await page.route(demoModule, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${base}#/batch-services`);
    await page.getByRole('alert').filter({ hasText: 'The demo data could not be loaded. Check your network connection and try again.' }).waitFor();
    assert((await page.getByRole('table').count()) === 0, 'no console yet');
    assert((await page.evaluate((k) => localStorage.getItem(k), STATE_KEY)) === null, 'nothing saved');
    blocked = false;
    await page.getByRole('button', { name: 'Try Again' }).click();
    const list = new ServiceList(page, base);
    await list.row('mnist-batch-nightly').waitFor();
    await stateSaved(page);
    // A start with saved data does not fetch it.
    blocked = true;
    await page.reload();
    await list.row('mnist-batch-nightly').waitFor();
    assert((await page.getByRole('alert').count()) === 0, 'no alert');
  },

  'a command sent before its module has arrived waits for it, then applies': async ({ page, base }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(commandsModule, async (route) => { await held; await route.continue(); });
    const list = new ServiceList(page, base);
    await list.open();
    await list.operation('mnist-batch-weekly', 'Start').click();
    await page.waitForTimeout(500);
    assert((await list.status('mnist-batch-weekly')) === 'Stopped', 'not started before the module is there');
    release();
    await list.waitForStatus('mnist-batch-weekly', 'Deploying');
    await page.getByRole('status').filter({ hasText: 'mnist-batch-weekly' }).first().waitFor();
  },

  'Export whose module cannot be fetched says so and downloads nothing; then it downloads': async ({ page, base }) => {
    let blocked = true;
    await page.route(/\/split_settings-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
    let downloads = 0;
    page.on('download', () => { downloads++; });
    const list = new ServiceList(page, base);
    await list.open();
    const exportButton = page.locator('.toolbar').getByRole('button', { name: 'Export' });
    await exportButton.click();
    await page.getByRole('alert').filter({ hasText: 'The action could not be loaded. Check your network connection and try again.' }).waitFor();
    assert(downloads === 0, 'nothing downloaded');
    blocked = false;
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    assert(/^modelarts-batch-services-cn-north-4-/.test(download.suggestedFilename()), `file ${download.suggestedFilename()}`);
  },

  'a command whose module cannot be fetched is refused with a message and changes nothing': async ({ page, base }) => {
    let blocked = true;
    await page.route(commandsModule, (route) => (blocked ? route.abort() : route.continue()));
    const list = new ServiceList(page, base);
    await list.open();
    await list.operation('mnist-batch-weekly', 'Start').click();
    await page.getByRole('alert').filter({ hasText: 'The action could not be loaded. Check your network connection and try again.' }).waitFor();
    assert((await list.status('mnist-batch-weekly')) === 'Stopped', 'nothing changed');
    await page.reload();
    await list.row('mnist-batch-weekly').waitFor();
    assert((await list.status('mnist-batch-weekly')) === 'Stopped', 'nothing was saved');
    // The host is back: the same click works.
    blocked = false;
    await list.operation('mnist-batch-weekly', 'Start').click();
    await list.waitForStatus('mnist-batch-weekly', 'Deploying');
  },

  'a page whose module cannot be fetched says so, and Try Again loads it': async ({ page, base }) => {
    await withSavedData(page, base);
    let blocked = true;
    await page.route(/\/(split_pools|chunk_[0-9]+)-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${base}#/pools?type=training`);
    await page.reload();
    const notice = page.getByRole('alert').filter({ hasText: 'This page could not be loaded. Check your network connection and try again.' });
    await notice.waitFor();
    assert((await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).count()) === 0, 'no pools page without its module');
    // The rest of the console works meanwhile.
    await page.getByRole('link', { name: 'Batch Services' }).first().click();
    await page.getByRole('heading', { name: 'Batch Services' }).waitFor();
    await page.goBack();
    await notice.waitFor();
    blocked = false;
    await page.getByRole('button', { name: 'Try Again' }).click();
    await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    assert((await notice.count()) === 0, 'the notice is gone');
  },

  'leaving a page while its module loads, then coming back, shows it once': async ({ page, base }) => {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\/split_pools-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(`${base}#/pools?type=training`);
    await page.getByRole('status').filter({ hasText: 'Loading...' }).waitFor();
    await page.getByRole('link', { name: 'Batch Services' }).first().click();
    await page.getByRole('heading', { name: 'Batch Services' }).waitFor();
    release();
    // The module arrives while the list is shown: the list stays, nothing panics.
    await page.waitForTimeout(500);
    assert((await page.getByRole('heading', { name: 'Batch Services' }).count()) === 1, 'still on the list');
    await page.getByRole('link', { name: 'Dedicated Resource Pools' }).first().click();
    await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
    assert((await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).count()) === 1, 'one pools page');
  },

  'the Modify dialog whose module cannot be fetched says so in the dialog; Cancel closes it': async ({ page, base }) => {
    await withSavedData(page, base);
    let blocked = true;
    await page.route(/\/(split_services|chunk_[0-9]+)-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
    const list = new ServiceList(page, base);
    await page.reload();
    await list.row('ocr-invoice-march').waitFor();
    await list.operation('ocr-invoice-march', 'Modify').click();
    const dialog = page.getByRole('dialog', { name: 'Modify Service' });
    await dialog.getByRole('alert').filter({ hasText: 'This page could not be loaded.' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert((await page.getByRole('dialog').count()) === 0, 'closed');
    blocked = false;
    await list.operation('ocr-invoice-march', 'Modify').click();
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).waitFor();
    assert((await dialog.getByRole('alert').count()) === 0, 'the dialog itself, no notice');
  },
};
