// End-to-end tests: the release build, driven the way a person does, by role and accessible
// name with the console's wording.
import { run, eventually, assert } from './harness.mjs';

const row = (page, name) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
const badge = (page, name) => row(page, name).locator('.badge');
const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function openList(page, base) {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Batch Services' }).waitFor();
  await row(page, 'mnist-batch-nightly').waitFor();
}

await run({
  'list shows the demo data with every status and the reasons of disabled actions': async ({ page, base }) => {
    await openList(page, base);
    const statuses = await page.locator('tbody .badge').allTextContents();
    for (const label of ['Deploying', 'Running', 'Alarm', 'Failed', 'Stopping', 'Stopped', 'Completed', 'Deleting']) {
      assert(statuses.some((s) => s.includes(label)), `no ${label} badge in ${statuses.join(', ')}`);
    }
    assert(/Running \d+%/.test(await text(badge(page, 'mnist-batch-nightly'))), 'running shows progress');
    for (const header of ['Name/ID', 'Status', 'Model/Version', 'Specifications', 'Created', 'Description', 'Operation']) {
      await page.getByRole('columnheader', { name: header }).waitFor();
    }
    const edgeStop = row(page, 'edge-camera-batch').getByRole('button', { name: 'Stop' });
    assert((await edgeStop.getAttribute('aria-disabled')) === 'true', 'edge Stop is disabled');
    assert((await edgeStop.getAttribute('title')) ===
      'Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be stopped.', 'edge reason');
    const deployingStart = row(page, 'flower-batch-eval').getByRole('button', { name: 'Start' });
    assert((await deployingStart.getAttribute('title')) === 'A service in the Deploying state cannot be started.', 'deploying reason');
    assert(await page.getByRole('button', { name: 'Restart' }).count() === 0, 'there is no Restart control');
    await row(page, 'edge-camera-batch').getByText('Specifications').count();
    assert((await text(row(page, 'edge-camera-batch'))).includes('Compute nodes: 1'), 'compute nodes shown');
  },

  'stop a running service and start a stopped one; both survive reload': async ({ page, base }) => {
    await openList(page, base);
    await row(page, 'mnist-batch-nightly').getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('status').filter({ hasText: 'mnist-batch-nightly: the service is stopping.' }).waitFor();
    await eventually(async () => (await text(badge(page, 'mnist-batch-nightly'))).startsWith('Stopping'), 'Stopping');
    await row(page, 'mnist-batch-weekly').getByRole('button', { name: 'Start' }).click();
    await eventually(async () => (await text(badge(page, 'mnist-batch-weekly'))).startsWith('Deploying'), 'Deploying');
    await eventually(async () => (await text(badge(page, 'mnist-batch-nightly'))) === 'Stopped', 'Stopped after the stop time');
    await page.reload();
    await row(page, 'mnist-batch-nightly').waitFor();
    assert((await text(badge(page, 'mnist-batch-nightly'))) === 'Stopped', 'stop kept after reload');
    assert((await text(badge(page, 'mnist-batch-weekly'))).startsWith('Deploying'), 'start kept after reload');
    const start = row(page, 'mnist-batch-weekly').getByRole('button', { name: 'Start' });
    assert((await start.getAttribute('aria-disabled')) === 'true', 'a deploying service cannot be started again');
  },

  'delete is refused without agency authorization, then works once authorized': async ({ page, base }) => {
    await openList(page, base);
    const target = 'flower-batch-2026-10';
    const del = row(page, target).getByRole('button', { name: 'Delete' });
    assert((await del.getAttribute('title')) === 'A service cannot be deleted without agency authorization.', 'reason as tooltip');
    // A person can still click the greyed-out button; force skips Playwright's enabled check.
    await del.click({ force: true });
    await page.getByRole('alert').filter({ hasText: 'A service cannot be deleted without agency authorization.' }).waitFor();
    assert(await page.getByRole('dialog').count() === 0, 'no confirmation is offered');
    assert((await text(badge(page, target))) === 'Completed', 'state unchanged');

    await page.getByRole('navigation', { name: 'Console navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add Authorization' }).click();
    await page.getByText('Status: Authorized').waitFor();
    await page.getByRole('link', { name: 'Batch Services' }).first().click();

    await row(page, target).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Service' });
    await dialog.waitFor();
    assert((await text(dialog)).includes('A deleted service cannot be recovered.'), 'dialog warns');
    assert((await text(dialog)).includes(target), 'dialog names the service');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(async () => (await text(badge(page, target))) === 'Deleting', 'Deleting');
    await page.reload();
    await eventually(async () => (await row(page, target).count()) === 0, 'the deleted service is gone');
    await page.reload();
    await row(page, 'mnist-batch-nightly').waitFor();
    assert((await row(page, target).count()) === 0, 'still gone after reload');
  },

  'batch delete of selected rows': async ({ page, base }) => {
    await openList(page, base);
    await page.goto(`${base}#/settings`);
    await page.getByRole('button', { name: 'Add Authorization' }).click();
    await page.goto(`${base}#/batch-services`);
    await page.getByRole('checkbox', { name: 'Select sentiment-batch-q3' }).check();
    await page.getByRole('checkbox', { name: 'Select edge-pool-ocr' }).check();
    await page.getByText('2 selected').waitFor();
    await page.locator('.toolbar').getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Service' });
    assert((await text(dialog)).includes('sentiment-batch-q3') && (await text(dialog)).includes('edge-pool-ocr'), 'both listed');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(async () => (await text(badge(page, 'edge-pool-ocr'))) === 'Deleting', 'batch deleting');
    assert((await text(badge(page, 'sentiment-batch-q3'))) === 'Deleting', 'both deleting');
  },

  'deep links survive reload on a static server under a sub-path': async ({ page, base }) => {
    await openList(page, base);
    const href = await row(page, 'ocr-invoice-march').getByRole('link').getAttribute('href');
    await page.goto(`${base}${href}`);
    await page.reload();
    await page.getByRole('heading', { name: 'ocr-invoice-march' }).waitFor();
    await page.getByText('Alarm: the memory usage of the service exceeds 90%.').count();
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.getByRole('table', { name: 'Events' }).getByText('Alarm: the memory usage of the service exceeds 90%.').waitFor();

    await page.goto(`${base}#/batch-services?status=stopped`);
    await page.reload();
    await row(page, 'mnist-batch-weekly').waitFor();
    const statuses = await page.locator('tbody .badge').allTextContents();
    assert(statuses.length > 0 && statuses.every((s) => s.includes('Stopped')), `only stopped: ${statuses}`);

    await page.goto(`${base}#/settings`);
    await page.reload();
    await page.getByRole('heading', { name: 'Agency Authorization' }).waitFor();
    await page.goto(`${base}#/pools`);
    await page.reload();
    await page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
  },

  'search, filter and sort the list': async ({ page, base }) => {
    await openList(page, base);
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('MNIST');
    await eventually(async () => (await page.locator('tbody tr').count()) === 2, 'two mnist services');
    assert(page.url().includes('name=MNIST'), 'search kept in the URL');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('no-such-service');
    await page.getByText('No services match the search criteria.').waitFor();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Completed' });
    await eventually(async () => (await page.locator('tbody .badge').allTextContents()).every((s) => s.includes('Completed')), 'only completed');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
    await page.getByRole('button', { name: 'Name/ID' }).click();
    await eventually(async () => {
      const names = await page.locator('tbody .name-link').allTextContents();
      return names.join() === [...names].sort().join() || names.join();
    }, 'sorted by name ascending');
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'AP-Singapore' });
    await page.getByText('No batch services in AP-Singapore.').waitFor();
  },

  'unreadable saved data is kept aside and reported': async ({ page, base }) => {
    await openList(page, base);
    await page.evaluate(() => localStorage.setItem('modelarts-console/state', '{"schema":"modelarts-console","version":99}'));
    await page.reload();
    const banner = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await banner.waitFor();
    assert((await text(banner)).includes('version 99'), 'banner says why');
    await row(page, 'mnist-batch-nightly').waitFor();
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('modelarts-console/backup/')).map((k) => localStorage.getItem(k)));
    assert(kept.length === 1 && kept[0] === '{"schema":"modelarts-console","version":99}', 'original text kept');
  },

  'modify a running service asks before restarting it': async ({ page, base }) => {
    await openList(page, base);
    await row(page, 'ocr-invoice-march').getByRole('button', { name: 'Modify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modify Service' });
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).fill('0');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('Enter an integer from 1 to 128.').waitFor();
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).fill('3');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('The service will be restarted for the modification to take effect.').waitFor();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(async () => (await text(badge(page, 'ocr-invoice-march'))).startsWith('Deploying'), 'redeploying');
  },
});
