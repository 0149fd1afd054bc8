// Storage that cannot take more, or cannot be reached at all: the console keeps working, says
// so, offers Export, and never loses what was already saved.
import fs from 'node:fs';
import { ServiceList, text, assert, eventually } from '../pages.mjs';

const STATE_KEY = 'modelarts-console/state';

/** Fills localStorage with filler keys until only `room` characters or so are left. */
async function fillStorage(page, room) {
  return page.evaluate((room) => {
    const keys = [];
    // Down to single characters, so that a save growing by any amount is refused.
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        const key = `filler/${keys.length}`;
        try {
          localStorage.setItem(key, chunk);
          keys.push(key);
        } catch {
          break;
        }
      }
    }
    // Give back about `room` characters.
    let freed = 0;
    while (freed < room && keys.length) {
      const key = keys.pop();
      freed += localStorage.getItem(key).length;
      localStorage.removeItem(key);
    }
    return keys.length;
  }, room);
}

const banner = (page) => page.getByRole('alert').filter({ hasText: 'could not be saved' });

export default {
  'storage full: each command saves or keeps its change with the save banner and Export; nothing saved is lost': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await page.goto(`${base}#/settings`);
    await page.getByRole('button', { name: 'Add Authorization' }).click();
    await page.getByText('Status: Authorized').waitFor();
    await list.open();
    const savedBefore = await page.evaluate((k) => localStorage.getItem(k), STATE_KEY);
    await fillStorage(page, 0);
    // Commands of every kind; each either saves or shows the banner, and its change stays.
    const outcomes = [];
    const check = async (what, changed) => {
      await eventually(changed, `${what} shows in the page`);
      const failed = await banner(page).isVisible();
      const length = await page.evaluate((k) => localStorage.getItem(k).length, STATE_KEY);
      outcomes.push(`${what}: ${failed ? 'banner' : 'saved'} (stored text ${length} chars)`);
      if (failed) {
        assert(await banner(page).getByRole('button', { name: 'Export Data' }).isVisible(), 'Export offered in the banner');
      }
    };
    await list.operation('mnist-batch-nightly', 'Stop').click();
    await list.dialog('Stop Service').getByRole('button', { name: 'OK' }).click();
    await check('Stop', async () => (await list.status('mnist-batch-nightly')).startsWith('Stopping') || (await list.status('mnist-batch-nightly')).startsWith('Stopped'));
    await list.operation('mnist-batch-weekly', 'Start').click();
    await check('Start', async () => !(await list.status('mnist-batch-weekly')).startsWith('Stopped'));
    await list.operation('flower-batch-2026-10', 'Delete').click();
    await list.dialog('Delete Service').getByRole('button', { name: 'OK' }).click();
    await check('Delete', async () => (await list.row('flower-batch-2026-10').count()) === 0 || (await list.status('flower-batch-2026-10')).startsWith('Deleting'));
    console.log(`    with storage full (stored text ${savedBefore.length} chars before): ${outcomes.join(", ")}`);
    assert(outcomes.some((o) => o.includes(': banner')), `storage this full refuses some save: ${outcomes}`);
    await banner(page).waitFor();
    assert((await text(banner(page))).includes('kept in this page'), 'the banner says the change is kept');

    // Export from the banner holds the unsaved changes.
    const [download] = await Promise.all([page.waitForEvent('download'), banner(page).getByRole('button', { name: 'Export Data' }).click()]);
    const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const nightly = exported.services.services.find((s) => s.service_name === 'mnist-batch-nightly');
    assert(['stopping', 'stopped'].includes(nightly.status), `export has the unsaved Stop: ${nightly.status}`);

    // What was saved before is still there, whole: a reload (storage still full) loads it.
    const savedAfter = await page.evaluate((k) => localStorage.getItem(k), STATE_KEY);
    assert(savedAfter && savedAfter.length > 100, 'the saved state is still there');
    if (outcomes.every((o) => o.includes(': banner'))) assert(savedAfter === savedBefore, 'untouched by the refused saves');
    await page.reload();
    await list.row('ocr-invoice-march').waitFor();
    assert((await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count()) === 0, 'the saved state loads');
    assert(savedBefore.length > 0, 'something was saved before');
  },

  'blocked storage (sandboxed frame): the console works in memory and says so': async ({ page, base }) => {
    // A static host that allows cross-origin reads: a sandboxed frame has an opaque origin.
    await page.context().route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    await page.setContent(`<iframe sandbox="allow-scripts allow-downloads" src="${base}#/batch-services?size=20" style="width:1400px;height:850px"></iframe>`);
    const frame = page.frameLocator('iframe');
    const unavailable = frame.getByRole('alert').filter({ hasText: 'Browser storage is unavailable' });
    await unavailable.waitFor({ timeout: 20000 });
    assert((await text(unavailable)).includes('changes will be lost when this page is closed'), 'says changes are kept only in memory');
    const row = frame.getByRole('row').filter({ has: frame.getByRole('link', { name: 'mnist-batch-weekly', exact: true }) });
    await row.getByRole('button', { name: 'Start' }).click();
    await eventually(async () => !(await text(row.locator('.badge'))).startsWith('Stopped'), 'Start works in memory');
    await frame.getByRole('status').filter({ hasText: 'mnist-batch-weekly: the service is starting.' }).waitFor();
    // The page modules are still being fetched in the background: their routes must not
    // outlive the test's context.
    await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  },
};
