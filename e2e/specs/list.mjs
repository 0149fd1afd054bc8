// The list: demo data, reasons of disabled actions, Start and Stop (with its confirmation),
// delete with and without authorization, search, filter, sort, region.
import { ServiceList, Settings, text, assert, eventually } from '../pages.mjs';

export default {
  'list shows the demo data with every status and the reasons of disabled actions': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const statuses = await page.locator('tbody .badge').allTextContents();
    for (const label of ['Deploying', 'Running', 'Alarm', 'Failed', 'Stopping', 'Stopped', 'Completed', 'Deleting']) {
      assert(statuses.some((s) => s.includes(label)), `no ${label} badge in ${statuses.join(', ')}`);
    }
    assert(/Running \d+%/.test(await list.status('mnist-batch-nightly')), 'running shows progress');
    for (const header of ['Name/ID', 'Status', 'Model/Version', 'Specifications', 'Created', 'Description', 'Operation']) {
      await page.getByRole('columnheader', { name: header }).waitFor();
    }
    const edgeStop = list.operation('edge-camera-batch', 'Stop');
    assert((await edgeStop.getAttribute('aria-disabled')) === 'true', 'edge Stop is disabled');
    assert((await edgeStop.getAttribute('title')) ===
      'Services deployed on ModelArts edge nodes or ModelArts edge resource pools cannot be stopped.', 'edge reason');
    const deployingStart = list.operation('flower-batch-eval', 'Start');
    assert((await deployingStart.getAttribute('title')) === 'A service in the Deploying state cannot be started.', 'deploying reason');
    assert(await page.getByRole('button', { name: 'Restart' }).count() === 0, 'there is no Restart control');
    assert((await text(list.row('edge-camera-batch'))).includes('Compute nodes: 1'), 'compute nodes shown');
  },

  'stop asks for confirmation; stop and start survive reload': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await list.operation('mnist-batch-nightly', 'Stop').click();
    const confirm = list.dialog('Stop Service');
    assert((await text(confirm)).includes('is no longer billed'), 'the dialog says billing stops');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    assert(await confirm.count() === 0, 'dialog closed');
    assert((await list.status('mnist-batch-nightly')).startsWith('Running'), 'Cancel changes nothing');
    await list.operation('mnist-batch-nightly', 'Stop').click();
    await list.dialog('Stop Service').getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').filter({ hasText: 'mnist-batch-nightly: the service is stopping.' }).waitFor();
    await list.waitForStatus('mnist-batch-nightly', 'Stopping');
    await list.operation('mnist-batch-weekly', 'Start').click();
    await list.waitForStatus('mnist-batch-weekly', 'Deploying');
    await eventually(async () => (await list.status('mnist-batch-nightly')) === 'Stopped', 'Stopped after the stop time');
    await page.reload();
    await list.row('mnist-batch-nightly').waitFor();
    assert((await list.status('mnist-batch-nightly')) === 'Stopped', 'stop kept after reload');
    assert((await list.status('mnist-batch-weekly')).startsWith('Deploying'), 'start kept after reload');
    const start = list.operation('mnist-batch-weekly', 'Start');
    assert((await start.getAttribute('aria-disabled')) === 'true', 'a deploying service cannot be started again');
  },

  'delete is refused without agency authorization, then works once authorized': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const target = 'flower-batch-2026-10';
    const del = list.operation(target, 'Delete');
    assert((await del.getAttribute('title')) === 'A service cannot be deleted without agency authorization.', 'reason as tooltip');
    // A person can still click the greyed-out button; force skips Playwright's enabled check.
    await del.click({ force: true });
    await page.getByRole('alert').filter({ hasText: 'A service cannot be deleted without agency authorization.' }).waitFor();
    assert(await page.getByRole('dialog').count() === 0, 'no confirmation is offered');
    assert((await list.status(target)) === 'Completed', 'state unchanged');

    await page.getByRole('navigation', { name: 'Console navigation' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Add Authorization' }).click();
    await page.getByText('Status: Authorized').waitFor();
    await page.getByRole('link', { name: 'Batch Services' }).first().click();
    await page.getByRole('heading', { name: 'Batch Services' }).waitFor();
    await list.open();

    await list.operation(target, 'Delete').click();
    const dialog = list.dialog('Delete Service');
    await dialog.waitFor();
    assert((await text(dialog)).includes('A deleted service cannot be recovered.'), 'dialog warns');
    assert((await text(dialog)).includes(target), 'dialog names the service');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await eventually(async () => (await list.status(target)) === 'Deleting', 'Deleting');
    await page.reload();
    await eventually(async () => (await list.row(target).count()) === 0, 'the deleted service is gone');
    await page.reload();
    await list.row('mnist-batch-nightly').waitFor();
    assert((await list.row(target).count()) === 0, 'still gone after reload');
  },

  'batch delete lists an undeletable service apart with its reason and deletes the others': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await new Settings(page, base).authorize();
    await list.open();
    // One service already Deleting cannot be deleted again.
    await list.operation('mnist-batch-weekly', 'Delete').click();
    await list.dialog('Delete Service').getByRole('button', { name: 'OK' }).click();
    await list.waitForStatus('mnist-batch-weekly', 'Deleting');
    for (const name of ['mnist-batch-weekly', 'sentiment-batch-q3', 'edge-pool-ocr']) await list.select(name);
    await page.getByText('3 selected').waitFor();
    await list.toolbarDelete().click();
    const dialog = list.dialog('Delete Service');
    const deleting = dialog.getByRole('list', { name: 'Services to delete' });
    const skipped = dialog.getByRole('list', { name: 'Services that cannot be deleted' });
    assert((await text(deleting)).includes('sentiment-batch-q3') && (await text(deleting)).includes('edge-pool-ocr'), 'both deletable listed');
    assert(!(await text(deleting)).includes('mnist-batch-weekly'), 'the undeletable one is not among them');
    assert((await text(skipped)) === 'mnist-batch-weekly: A service in the Deleting state cannot be deleted.', await text(skipped));
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').filter({ hasText: '2 services are being deleted.' }).waitFor();
    await eventually(async () => (await list.status('edge-pool-ocr')) === 'Deleting' || (await list.row('edge-pool-ocr').count()) === 0, 'batch deleting');
  },

  'search, filter and sort the list': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('MNIST');
    await eventually(async () => (await page.locator('tbody tr').count()) === 2, 'two mnist services');
    // The address bar follows once typing pauses.
    await eventually(async () => page.url().includes('name=MNIST'), 'search kept in the URL');
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
    const header = page.getByRole('columnheader', { name: 'Name/ID' });
    assert((await header.getAttribute('aria-sort')) === 'ascending', 'the header says how the list is sorted');
    await page.getByRole('button', { name: 'Name/ID' }).click();
    await eventually(async () => (await header.getAttribute('aria-sort')) === 'descending', 'a second click sorts by name descending');
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'AP-Singapore' });
    await page.getByText('No batch services in AP-Singapore.').waitFor();
  },
};
