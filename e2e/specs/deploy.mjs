// Deploy: a bad form is refused field by field; a good one runs Deploying -> Running ->
// Completed at 60x with its events and its bill.
import { ServiceList, DeployPage, Settings, Details, text, assert, eventually } from '../pages.mjs';

export default {
  'deploy refuses bad input beside each field and creates nothing': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const before = await page.locator('tbody tr').count();
    await page.getByRole('link', { name: 'Deploy', exact: true }).click();
    await page.getByRole('heading', { name: 'Deploy', level: 1 }).waitFor();
    const form = new DeployPage(page);
    assert(/^service-[0-9a-f]{4}$/.test(await form.field('Name').inputValue()), 'name pre-filled like service-3f9a');
    await form.fill({ Name: '9lives', 'Input Path': 'bucket/input', 'Compute Nodes': '200' });
    await eventually(async () => (await text(form.message('name'))).startsWith('Enter 1 to 64 characters'), 'name message');
    assert((await text(form.message('input-path'))) === 'Enter an OBS folder path such as obs://bucket/dir/.', 'path message');
    assert((await text(form.message('compute-nodes'))) === 'Enter an integer from 1 to 128.', 'nodes message');
    assert((await form.field('Name').getAttribute('aria-invalid')) === 'true', 'name marked invalid');
    await page.getByRole('button', { name: 'Next' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert((await text(summary)).includes('Output Path: Enter an OBS folder path'), 'untouched fields are in the summary');
    assert(await page.getByRole('dialog').count() === 0, 'no confirmation while errors stand');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Batch Services' }).waitFor();
    await list.open();
    assert((await page.locator('tbody tr').count()) === before, 'nothing created');
  },

  'deploy -> Running -> Completed at 60x, with its events and bill': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    await page.goto(`${base}#/batch-services/deploy`);
    const form = new DeployPage(page);
    await form.fill({
      Name: 'e2e-scoring',
      Description: 'End-to-end run',
      'Input Path': 'obs://e2e-bucket/input/',
      'Output Path': 'obs://e2e-bucket/output/',
      'Compute Nodes': '8',
    });
    await page.getByLabel('Specifications', { exact: true }).selectOption({ label: 'CPU: 2 vCPUs | 8 GiB' });
    await page.getByText('Price: USD 1.36/hour while running').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm Deployment' });
    assert((await text(confirm)).includes('e2e-scoring') && (await text(confirm)).includes('USD 1.36/hour'), 'summary and price');
    await confirm.getByRole('button', { name: 'Submit' }).click();
    const list = new ServiceList(page, base);
    await list.row('e2e-scoring').waitFor();
    await page.getByRole('status').filter({ hasText: 'e2e-scoring: the service is being deployed.' }).waitFor();
    await list.waitForStatus('e2e-scoring', 'Running', 20000);
    await list.waitForStatus('e2e-scoring', 'Completed', 30000);
    await list.row('e2e-scoring').getByRole('link', { name: 'e2e-scoring' }).click();
    const details = new Details(page);
    const events = await details.tab('Events');
    const messages = await events.locator('tbody tr td:last-child').allTextContents();
    assert(JSON.stringify(messages) === JSON.stringify(['The service has been executed.', 'The service is running.', 'Deploy the service.']),
      `events newest first: ${messages}`);
    const billing = await details.tab('Billing');
    const runs = billing.getByRole('table', { name: 'Runs' }).locator('tbody tr');
    assert((await runs.count()) === 1, 'one run');
    const chart = billing.getByRole('img', { name: /^Cost of the one run: USD [\d.]+\.$/ });
    assert((await chart.locator('rect.chart-s0').count()) === 1, 'the run drawn as a bar');
    const cells = await runs.first().locator('td').allTextContents();
    assert(cells[1] !== 'Running' && cells[3] === 'USD 1.36/hour' && /^USD \d+\.\d\d$/.test(cells[4]) && cells[4] !== 'USD 0.00', `run line ${cells}`);
    const accrued = await text(billing.locator('.detail').filter({ hasText: 'Accrued Cost' }).locator('dd'));
    assert(accrued === cells[4], `accrued ${accrued} equals the one run ${cells[4]}`);
    await page.reload();
    await page.getByRole('heading', { name: 'e2e-scoring' }).waitFor();
    await (await details.tab('Billing')).getByRole('table', { name: 'Runs' }).waitFor();
  },
};
