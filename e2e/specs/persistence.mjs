// Deep links survive reload on a static server under a sub-path; unreadable saved data is
// kept aside and reported.
import { ServiceList, assert, stateSaved } from '../pages.mjs';

export default {
  'deep links survive reload on a static server under a sub-path': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const href = await list.row('ocr-invoice-march').getByRole('link').getAttribute('href');
    await page.goto(`${base}${href}`);
    await page.reload();
    await page.getByRole('heading', { name: 'ocr-invoice-march' }).waitFor();
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByRole('table', { name: 'Events' }).getByText('Alarm: the memory usage of the service exceeds 90%.').waitFor();

    await page.goto(`${base}#/batch-services/deploy`);
    await page.reload();
    await page.getByRole('heading', { name: 'Deploy', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).waitFor();

    await page.goto(`${base}#/batch-services?status=stopped`);
    await page.reload();
    await list.row('mnist-batch-weekly').waitFor();
    const statuses = await page.locator('tbody .badge').allTextContents();
    assert(statuses.length > 0 && statuses.every((s) => s.includes('Stopped')), `only stopped: ${statuses}`);

    await page.goto(`${base}#/settings`);
    await page.reload();
    await page.getByRole('heading', { name: 'Agency Authorization' }).waitFor();
    await page.goto(`${base}#/pools`);
    await page.reload();
    await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
  },

  'unreadable saved data is kept aside and reported': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await stateSaved(page);
    await page.evaluate(() => localStorage.setItem('modelarts-console/state', '{"schema":"modelarts-console","version":99}'));
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await banner.waitFor();
    assert((await banner.textContent()).includes('version 99'), 'banner says why');
    await list.row('mnist-batch-nightly').waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('modelarts-console/backup/')).map((k) => localStorage.getItem(k)));
    assert(kept.length === 1 && kept[0] === '{"schema":"modelarts-console","version":99}', 'original text kept');
  },
};
