// Export and import: files in the real API's shape; an import is previewed and applied only on
// confirm; a file with any error changes nothing and says where each error is; hostile files
// are refused or shown as plain text.
import { ServiceList, text, assert, eventually } from '../pages.mjs';
import { watchForInjection } from '../injection.mjs';

/** Clicks `button` and returns the downloaded file's JSON. */
async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  const fs = await import('node:fs');
  return { name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(path, 'utf8')) };
}

/** Chooses `content` as the file to import from Settings and returns the dialog. */
async function importFile(page, base, content, name = 'import.json') {
  if (!page.url().includes('#/settings')) {
    await page.goto(`${base}#/settings`);
  }
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  const dialog = page.getByRole('dialog', { name: 'Import Data' });
  await dialog.waitFor();
  await eventually(async () => !(await dialog.getByText('Reading').isVisible()), 'the file is read');
  return dialog;
}

export const HOSTILE_FILES = (region) => {
  const big = '[' + '0,'.repeat(17 << 20) + '0]';
  return [
    ['huge (34 MB)', big, 'at most 33,554,432 bytes'],
    ['100,000 nested arrays', '['.repeat(100000) + ']'.repeat(100000), 'levels deep'],
    ['not JSON', '{"schema": "modelarts-console-export", ', '$'],
    ['a JSON array', '[1, 2, 3]', '$'],
    ['services of the wrong type', JSON.stringify({ schema: 'modelarts-console-export', console_version: '0.1.0', exported_at: 1, region, services: 'all of them' }), 'services'],
    ['an unknown status and a string count', JSON.stringify({ schema: 'modelarts-console-export', console_version: '0.1.0', exported_at: 1, region, services: { total_count: '1', count: 1, services: [{ service_id: 'x', status: 'exploded' }] } }), 'services.services[0].status'],
    ['a saved state instead of an export', JSON.stringify({ schema: 'modelarts-console', version: 4, state: {} }), 'schema'],
    ['a foreign application', JSON.stringify({ schema: 'todo-app', items: [] }), 'schema'],
    ['a key given twice', `{"schema":"modelarts-console-export","console_version":"0.1.0","exported_at":1,"region":"${region}","region":"${region}","services":{"total_count":0,"count":0,"services":[]}}`, 'region: This key is given twice.'],
    ['numbers out of range', JSON.stringify({ schema: 'modelarts-console-export', console_version: '0.1.0', exported_at: -1, region: 7 }), 'region'],
  ];
};

export default {
  'export downloads the API shape; import previews, then applies on confirm': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const services = await downloaded(page, page.locator('.toolbar').getByRole('button', { name: 'Export' }));
    assert(/^modelarts-batch-services-cn-north-4-\d{8}-\d{4}\.json$/.test(services.name), `file name ${services.name}`);
    const s = services.json;
    assert(s.schema === 'modelarts-console-export' && s.region === 'cn-north-4' && s.console_version, 'envelope');
    assert(s.services.total_count === s.services.count && s.services.count === s.services.services.length && s.services.count >= 11, 'GET /v1 services answer');
    assert(s.pools === undefined, 'the services list exports services only');
    const first = s.services.services[0];
    for (const key of ['service_id', 'service_name', 'infer_type', 'status', 'publish_at', 'config']) assert(key in first, `service has ${key}`);

    await page.goto(`${base}#/settings`);
    const all = (await downloaded(page, page.getByRole('button', { name: 'Export Data' }))).json;
    assert(all.pools.apiVersion === 'v2' && all.pools.kind === 'PoolList' && all.pools.items.every((p) => p.kind === 'Pool' && p.apiVersion === 'v2' && p.metadata.name), 'v2 PoolList of Pools');

    // A new service and a changed description, from the exported file.
    const file = structuredClone(all);
    const copy = structuredClone(file.services.services.find((x) => x.service_name === 'mnist-batch-weekly'));
    copy.service_id = 'imported-service-0001';
    copy.service_name = 'imported-from-file';
    file.services.services.push(copy);
    file.services.total_count += 1;
    file.services.count += 1;
    file.services.services.find((x) => x.service_name === 'ocr-invoice-march').description = 'Changed in the file';
    const dialog = await importFile(page, base, JSON.stringify(file));
    const summary = await text(dialog.getByRole('status'));
    assert(summary.includes('added') && summary.includes('1 added'), `preview: ${summary}`);
    assert((await text(dialog.getByRole('table', { name: 'Services' }))).includes('imported-from-file'), 'the added service is named');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await list.open();
    assert((await list.row('imported-from-file').count()) === 0, 'nothing applied before confirm');

    const again = await importFile(page, base, JSON.stringify(file));
    await again.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: /^Imported / }).waitFor();
    await list.open();
    await list.row('imported-from-file').waitFor();
    await page.reload();
    await list.row('imported-from-file').waitFor();
  },

  'a file with errors changes nothing and lists every error with its JSON path': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await page.goto(`${base}#/settings`);
    const file = (await downloaded(page, page.getByRole('button', { name: 'Export Data' }))).json;
    file.services.services[3].config[0].instance_count = 500;
    file.services.services[1].status = 'exploded';
    file.services.services[2].service_name = 'renamed-in-file';
    const dialog = await importFile(page, base, JSON.stringify(file));
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const errors = await dialog.getByRole('list', { name: 'Errors' }).locator('li').allTextContents();
    assert(errors.some((e) => e.startsWith('services.services[3].config[0].instance_count: ') && e.includes('1 to 128')), `instance_count error: ${errors}`);
    assert(errors.some((e) => e.startsWith('services.services[1].status: ')), `status error: ${errors}`);
    assert((await text(alert)).includes('Nothing was changed'), 'says nothing changed');
    assert((await dialog.getByRole('button', { name: 'Import' }).count()) === 0, 'no Import for a bad file');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await list.open();
    assert((await list.row('renamed-in-file').count()) === 0, 'nothing applied');
  },

  'hostile files are refused with a message and change nothing': async ({ page, base }) => {
    const injection = await watchForInjection(page, base);
    const list = new ServiceList(page, base);
    await list.open();
    // The demo's service that is being deleted goes first, so the count only moves for an import.
    await eventually(async () => (await page.locator('tbody .badge', { hasText: 'Deleting' }).count()) === 0, 'no service is being deleted');
    const before = await page.locator('tbody tr').count();
    for (const [what, content, where] of HOSTILE_FILES('cn-north-4')) {
      const dialog = await importFile(page, base, content, `${what}.json`);
      const alert = await text(dialog.getByRole('alert'));
      assert(alert.includes('cannot be imported') && alert.includes(where), `${what}: ${alert.slice(0, 300)}`);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    await list.open();
    assert((await page.locator('tbody tr').count()) === before, 'nothing changed');
    await injection.assertNone();
  },
};
