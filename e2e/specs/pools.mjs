// Dedicated Resource Pools: the list with its tabs in the URL, Create for each type (valid and
// invalid), the Yearly/Monthly region rule, scaling out past the quota and in by switching off
// a node, deletion with typed DELETE failing the services on the pool, prepaid pools that
// cannot be scaled or deleted, deep links, and what pools mean for batch services.
import { PoolList, ServiceList, Settings, Details, text, assert, eventually } from '../pages.mjs';

const PREPAID_SCALE = 'A dedicated resource pool in Yearly/Monthly billing mode does not support scaling.';
const PREPAID_DELETE = 'A dedicated resource pool in Yearly/Monthly billing mode cannot be deleted.';

export default {
  'pools list: the public pool, two tabs kept in the URL, the node quota, search and filter': async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('training');
    assert((await text(page.getByRole('region', { name: 'Public Resource Pool' }))).includes('Always available'), 'public pool explained');
    assert((await page.getByRole('tab', { name: 'Dedicated for Development/Training' }).getAttribute('aria-selected')) === 'true', 'first tab');
    await page.getByText('Node quota of CN North-Beijing4: 10 of 20 nodes used').waitFor();
    for (const header of ['Name/ID', 'Status', 'Billing Mode', 'Specifications', 'Nodes', 'AZ', 'Created', 'Expires', 'Operation']) {
      await page.getByRole('columnheader', { name: header }).waitFor();
    }
    assert((await pools.status('train-new-pool')).startsWith('Creating'), 'creating with progress');
    assert((await text(pools.row('train-yearly-pool'))).includes('(auto-renew)'), 'expiry with auto-renew');
    await pools.tab('Dedicated for Service Deployment');
    assert(page.url().includes('type=deployment'), 'tab in the URL');
    await pools.row('infer-faulty-pool').waitFor();
    assert((await pools.status('infer-faulty-pool')) === 'Abnormal', 'abnormal pool');
    assert((await pools.row('train-gpu-pool').count()) === 0, 'only this tab\'s pools');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('cpu');
    await eventually(async () => (await page.locator('tbody tr').count()) === 1, 'one match');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Abnormal' });
    await eventually(async () => (await page.locator('tbody .name-link').allTextContents()).join() === 'infer-faulty-pool', 'only the abnormal one');
    await page.reload();
    await pools.row('infer-faulty-pool').waitFor();
    assert((await page.getByRole('tab', { name: 'Dedicated for Service Deployment' }).getAttribute('aria-selected')) === 'true', 'tab kept after reload');
    assert((await page.locator('tbody tr').count()) === 1, 'filter kept after reload');
  },

  'create a Development/Training pool: refused field by field, then valid, Creating then Running': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    const pools = new PoolList(page, base);
    await pools.open('training');
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Create Dedicated Resource Pool' }).waitFor();
    assert(page.url().includes('#/pools/create?type=training'), 'its own deep link');
    assert((await text(page.locator('.fixed-value'))).includes('Dedicated for Development/Training'), 'type fixed by the tab');
    await pools.fill({ Name: 'ab', Nodes: '11' });
    await page.getByRole('button', { name: 'Next' }).click();
    assert((await text(pools.message('name'))) === 'Enter 4 to 64 characters.', await text(pools.message('name')));
    assert((await text(pools.message('nodes'))) === 'Only 10 of the 20-node quota of CN North-Beijing4 are left: enter 1 to 10.', 'quota message');
    assert(await page.getByRole('dialog').count() === 0, 'nothing to confirm while errors stand');
    await pools.fill({ Name: 'train-e2e', Nodes: '2' });
    await eventually(async () => (await text(page.locator('.pool-price'))) === 'USD 0.34/hour', 'live price');
    await page.getByRole('radio', { name: 'Yearly/Monthly' }).check();
    await page.getByLabel('Required Duration').selectOption({ label: '1 year (billed as 10 months)' });
    await eventually(async () => (await text(page.locator('.pool-price'))) === 'USD 1740.00 for 1 year (billed as 10 months; you save USD 348.00)', 'prepaid price');
    await page.getByRole('radio', { name: 'Pay-per-use' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm Specifications' });
    assert((await text(confirm)).includes('USD 0.34/hour'), 'price in the confirmation');
    await confirm.getByRole('button', { name: 'Submit' }).click();
    await pools.row('train-e2e').waitFor();
    assert((await pools.status('train-e2e')).startsWith('Creating'), 'Creating first');
    await pools.waitForStatus('train-e2e', 'Running');
    await page.getByText('Node quota of CN North-Beijing4: 12 of 20 nodes used').waitFor();
  },

  'create a Service Deployment pool: custom network required when on, Yearly/Monthly for 6 months': async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Create Dedicated Resource Pool' }).waitFor();
    assert((await text(page.locator('.fixed-value'))).includes('Dedicated for Service Deployment'), 'type fixed');
    await pools.fill({ Name: 'infer-e2e' });
    await page.getByRole('radio', { name: 'Yearly/Monthly' }).check();
    const year = page.getByLabel('Required Duration').getByRole('option', { name: '1 year (billed as 10 months)' });
    assert(await year.isDisabled(), 'no 1 year for Service Deployment');
    await page.getByLabel('Required Duration').selectOption({ label: '6 months' });
    await page.getByRole('checkbox', { name: 'Custom Network Configuration' }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    assert((await text(pools.message('vpc'))) === 'Select a VPC.', 'VPC required');
    assert((await text(pools.message('subnet'))) === 'Select a subnet of the VPC.', 'subnet required');
    assert((await text(pools.message('security-group'))) === 'Select a security group of the VPC.', 'security group required');
    await page.getByLabel('VPC', { exact: true }).selectOption({ label: 'vpc-prod (10.0.0.0/16)' });
    await page.getByLabel('Subnet').selectOption({ label: 'subnet-prod-a (10.0.1.0/24)' });
    await page.getByLabel('Security Group').selectOption({ label: 'sg-prod' });
    await page.getByLabel('AZ', { exact: true }).selectOption({ label: 'AZ 2' });
    await eventually(async () => (await pools.message('vpc').count()) === 0, 'network accepted');
    await eventually(async () => (await text(page.locator('.pool-price'))) === 'USD 522.00 for 6 months', 'prepaid price');
    await page.getByRole('button', { name: 'Next' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm Specifications' });
    assert((await text(confirm)).includes('vpc-prod / subnet-prod-a / sg-prod'), 'network in the summary');
    await confirm.getByRole('button', { name: 'Submit' }).click();
    await pools.row('infer-e2e').waitFor();
    const row = await text(pools.row('infer-e2e'));
    assert(row.includes('Yearly/Monthly') && row.includes('AZ 2') && row.includes('(no auto-renew)'), row);
  },

  'Yearly/Monthly Service Deployment pools only in CN North-Beijing4': async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'CN East-Shanghai1' });
    await page.getByText('No pools of type Dedicated for Service Deployment in CN East-Shanghai1.').waitFor();
    await page.getByRole('link', { name: 'Create' }).click();
    const yearly = page.getByRole('radio', { name: 'Yearly/Monthly' });
    assert(await yearly.isDisabled(), 'disabled outside CN North-Beijing4');
    await page.getByText('supported only in CN North-Beijing4, not in CN East-Shanghai1.').waitFor();
    await page.goto(`${base}#/pools/create?type=training`);
    await page.getByText('Dedicated for Development/Training').first().waitFor();
    assert(!(await page.getByRole('radio', { name: 'Yearly/Monthly' }).isDisabled()), 'Development/Training may be prepaid anywhere');
  },

  'scale out past the quota is refused; scale out, then scale in by switching off a node': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    await pools.operation('infer-cpu-pool', 'Scale').click();
    await page.getByRole('heading', { name: 'Scale infer-cpu-pool' }).waitFor();
    await pools.fill({ Nodes: '13' });
    await page.getByRole('button', { name: 'Submit' }).click();
    assert((await text(pools.message('nodes'))) ===
      'The node quota of CN North-Beijing4 is 20 nodes and 10 are in use: at most 10 more node(s) can be added.', await text(pools.message('nodes')));
    await pools.fill({ Nodes: '3' });
    await page.getByRole('button', { name: 'Submit' }).click();
    await pools.row('infer-cpu-pool').waitFor();
    await pools.waitForStatus('infer-cpu-pool', 'Running');
    assert((await text(pools.row('infer-cpu-pool'))).includes('AZ 1'), 'new nodes in the chosen AZ');
    await page.getByText('Node quota of CN North-Beijing4: 11 of 20 nodes used').waitFor();

    await pools.operation('infer-cpu-pool', 'Scale').click();
    await page.getByRole('switch', { name: 'Node infer-cpu-pool-node-02' }).uncheck();
    assert((await page.getByLabel('Nodes', { exact: true }).inputValue()) === '2', 'the count follows the switches');
    await page.getByRole('button', { name: 'Submit' }).click();
    await pools.waitForStatus('infer-cpu-pool', 'Running');
    await pools.row('infer-cpu-pool').getByRole('link').click();
    const nodes = page.getByRole('table', { name: 'Node List' });
    await eventually(async () => (await nodes.locator('tbody tr').count()) === 2, 'two nodes left');
    assert(!(await text(nodes)).includes('infer-cpu-pool-node-02'), 'the switched-off node is gone');
    await page.getByRole('table', { name: 'Events' }).getByText('nodes switched off: infer-cpu-pool-node-02').waitFor();
  },

  'delete with typed DELETE fails the services deployed on the pool': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    await pools.operation('infer-cpu-pool', 'Delete').click();
    const dialog = page.getByRole('dialog', { name: 'Delete Dedicated Resource Pool' });
    const said = await text(dialog);
    assert(said.includes('training jobs, notebook instances and deployments') && said.includes('cannot be restored'), said);
    assert((await text(dialog.getByRole('list', { name: 'Services deployed on the pool' }))) === 'ocr-dedicated-batch', 'names the service');
    assert((await text(dialog.getByRole('list', { name: 'Real-time services on the pool' }))) === 'ocr-realtime-dedicated', 'names the real-time service');
    const ok = dialog.getByRole('button', { name: 'OK' });
    assert(await ok.isDisabled(), 'OK needs DELETE');
    await dialog.getByLabel('Enter DELETE to confirm').fill('delete');
    assert(await ok.isDisabled(), 'lower case is not enough');
    await dialog.getByLabel('Enter DELETE to confirm').fill('DELETE');
    await ok.click();
    await page.getByRole('status').filter({ hasText: 'infer-cpu-pool: the dedicated resource pool is being deleted; 2 service(s) deployed on it failed.' }).waitFor();
    await eventually(async () => (await pools.row('infer-cpu-pool').count()) === 0, 'the pool is gone');
    const services = new ServiceList(page, base);
    await services.open();
    assert((await services.status('ocr-dedicated-batch')) === 'Failed', 'the service on it failed');
    await services.row('ocr-dedicated-batch').getByRole('link').click();
    const events = await new Details(page).tab('Events');
    await events.getByText('The dedicated resource pool infer-cpu-pool has been deleted. The service cannot run on it.').waitFor();
    await page.goto(`${base}#/real-time-services?status=failed`);
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: 'ocr-realtime-dedicated', exact: true }) }).getByText('Failed').waitFor();
  },

  'a Yearly/Monthly pool cannot be scaled or deleted': async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('training');
    const scale = pools.operation('train-yearly-pool', 'Scale');
    const del = pools.operation('train-yearly-pool', 'Delete');
    assert((await scale.getAttribute('aria-disabled')) === 'true' && (await scale.getAttribute('title')) === PREPAID_SCALE, 'scale refused');
    assert((await del.getAttribute('aria-disabled')) === 'true' && (await del.getAttribute('title')) === PREPAID_DELETE, 'delete refused');
    await del.click({ force: true });
    await page.getByRole('alert').filter({ hasText: PREPAID_DELETE }).waitFor();
    assert(await page.getByRole('dialog').count() === 0, 'no dialog');
    const href = await pools.row('train-yearly-pool').getByRole('link').getAttribute('href');
    await page.goto(`${base}${href}/scale`);
    await page.getByRole('alert').filter({ hasText: PREPAID_SCALE }).waitFor();
    assert(await page.getByRole('button', { name: 'Submit' }).count() === 0, 'no scale form');
  },

  'pool deep links survive reload; Deploy offers only Running Service Deployment pools; a recovered pool clears the alarm': async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    const href = await pools.row('infer-faulty-pool').getByRole('link').getAttribute('href');
    await page.goto(`${base}${href}`);
    await page.reload();
    await page.getByRole('heading', { name: 'infer-faulty-pool', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Node List' }).getByText('infer-faulty-pool-node-01').waitFor();
    const onPool = page.getByRole('table', { name: 'Batch services on this pool' });
    assert((await text(onPool)).includes('sentiment-dedicated-batch') && (await text(onPool)).includes('Alarm'), await text(onPool));
    await page.getByText('Accrued Cost').waitFor();

    await page.goto(`${base}#/batch-services/deploy`);
    const location = page.getByLabel('Deployment Location');
    // The page may still be on its way (its module is fetched after the first paint).
    await location.getByRole('option', { name: 'Public resource pool' }).waitFor({ state: 'attached' });
    const options = await location.locator('option').allTextContents();
    assert(options.includes('Dedicated resource pool: infer-cpu-pool'), options.join());
    assert(!options.some((o) => o.includes('train-')), 'no Development/Training pools');
    assert(await location.getByRole('option', { name: 'Dedicated resource pool: infer-faulty-pool (Abnormal)' }).isDisabled(), 'abnormal pool disabled');

    await page.goto(`${base}${href}`);
    await page.getByRole('button', { name: 'Recover Pool' }).click();
    await eventually(async () => (await text(onPool)).includes('Running'), 'the service runs again');

    await page.goto(`${base}#/pools/create?type=deployment`);
    await page.reload();
    await page.getByRole('heading', { name: 'Create Dedicated Resource Pool' }).waitFor();
    await page.getByText('Dedicated for Service Deployment').first().waitFor();
  },

  "a pool's details chart its nodes in use against its size over time": async ({ page, base }) => {
    const pools = new PoolList(page, base);
    await pools.open('deployment');
    await pools.row('infer-cpu-pool').getByRole('link', { name: 'infer-cpu-pool' }).click();
    // The demo's real-time service on it holds 1 of its 2 nodes since it was deployed.
    const chart = page.getByRole('img', { name: /^From .+ to .+, at most 1 node was in use at once; 1 of the pool's 2 nodes are in use now\.$/ });
    await chart.waitFor();
    assert((await chart.locator('rect.chart-s0:not([height="0"])').count()) > 0, 'the nodes in use drawn as bars');
    assert((await chart.locator('polyline.chart-line').count()) === 1, 'the size drawn as a line');
    await page.locator('.chart-legend').filter({ hasText: 'Pool size' }).waitFor();
  },
};
