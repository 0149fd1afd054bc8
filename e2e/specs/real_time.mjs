// Real-time services: deploy two versions 70/30, call them, simulate traffic and watch both in
// Monitoring, Auto Stop, a hitless and an interrupting upgrade, delete, deep links, the
// account limit, the tabs, and the pool that holds their nodes (its deletion failing one is
// in pools.mjs).
import { Settings, Details, text, assert, eventually } from '../pages.mjs';

class RealTimeList {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }
  async open(query = '') {
    await this.page.goto(`${this.base}#/real-time-services${query}`);
    await this.page.getByRole('heading', { name: 'Real-Time Services', level: 1 }).waitFor();
  }
  row(name) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
  async status(name) {
    return text(this.row(name).locator('.badge'));
  }
  async waitForStatus(name, prefix, timeout = 20000) {
    await eventually(async () => (await this.status(name)).startsWith(prefix) || (await this.status(name)), `${name} is ${prefix}`, timeout);
  }
  /** An operation of a row; Start, Stop and Delete sit under More. */
  async operate(name, label) {
    const row = this.row(name);
    if (['Start', 'Stop', 'Delete'].includes(label)) await row.getByText('More', { exact: true }).click();
    await row.getByRole('button', { name: label, exact: true }).click();
  }
}

/** Fills the Deploy form's name and the versions' ratios, then Next and Submit. */
async function deploy(page, base, name, { second = false, ratios = [] } = {}) {
  await page.goto(`${base}#/real-time-services/deploy`);
  await page.getByRole('heading', { name: 'Deploy', level: 1 }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (second) await page.getByRole('button', { name: 'Add Model Version and Configuration' }).click();
  for (const [i, ratio] of ratios.entries()) {
    const block = page.getByRole('group', { name: `Model Version ${i + 1}` });
    await block.getByLabel('Traffic Ratio (%)', { exact: true }).fill(String(ratio));
    await block.getByLabel('Traffic Ratio (%)', { exact: true }).blur();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm Deployment' });
  await confirm.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('heading', { name: 'Real-Time Services', level: 1 }).waitFor();
}

export default {
  'real-time: deploy 70/30, Running at 60x, predict and see the call counted': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    await page.goto(`${base}#/real-time-services/deploy`);
    await page.getByRole('heading', { name: 'Deploy', level: 1 }).waitFor();
    // Bad input is refused beside its field; nothing is created.
    await page.getByRole('button', { name: 'Add Model Version and Configuration' }).click();
    const second = page.getByRole('group', { name: 'Model Version 2' });
    await second.getByLabel('Compute Nodes', { exact: true }).fill('200');
    await second.getByLabel('Compute Nodes', { exact: true }).blur();
    assert((await text(page.locator('#field-compute-nodes-2-message'))) === 'Enter an integer from 1 to 128.', 'nodes message beside version 2');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.error-summary').waitFor();
    assert((await text(page.locator('.error-summary'))).includes('Model version 2, Compute Nodes: Enter an integer from 1 to 128.'), 'the version and field in the summary');
    assert((await page.getByRole('dialog').count()) === 0, 'no confirmation while errors stand');
    await second.getByLabel('Compute Nodes', { exact: true }).fill('1');
    await page.getByRole('group', { name: 'Model Version 1' }).getByLabel('Traffic Ratio (%)', { exact: true }).fill('70');
    await second.getByLabel('Traffic Ratio (%)', { exact: true }).fill('30');
    await page.getByLabel('Name', { exact: true }).fill('e2e-gray');
    await page.getByText('Price: USD 0.34/hour while running').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Confirm Deployment' }).getByRole('button', { name: 'Submit' }).click();
    const list = new RealTimeList(page, base);
    await list.row('e2e-gray').waitFor();
    assert((await text(list.row('e2e-gray'))).includes('0.0.1 (70%)') && (await text(list.row('e2e-gray'))).includes('0.0.2 (30%)'), 'both versions with their traffic');
    await list.waitForStatus('e2e-gray', 'Running');
    assert((await text(list.row('e2e-gray'))).includes('0/0'), 'no calls yet');
    await list.row('e2e-gray').getByRole('button', { name: 'Prediction' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Prediction' });
    await panel.getByRole('button', { name: 'Predict' }).click();
    const response = panel.getByRole('region', { name: 'Response' });
    await response.waitFor();
    assert(/0\.0\.[12]/.test(await text(response)) && (await text(response)).includes(' ms'), 'the version that answered and the latency');
    assert((await text(response)).includes('predicted_label'), 'the answer has the model output');
    await page.getByText('Failed Calls/Total Calls').waitFor();
    await eventually(async () => (await text(page.locator('.details-grid').first())).includes('0/1'), 'the call is counted');
    // A body that is not JSON is refused beside the field.
    await panel.getByLabel('Request', { exact: true }).fill('{not json');
    await panel.getByRole('button', { name: 'Predict' }).click();
    await eventually(async () => (await text(page.locator('#field-request-body-message'))).startsWith('The request is not valid JSON'), 'the body message');
  },

  'real-time: simulated traffic shows both versions in Monitoring; a deep link keeps the tab': async ({ page, base }) => {
    const list = new RealTimeList(page, base);
    await list.open('?status=running&sort=name');
    assert((await page.getByRole('combobox', { name: 'Status' }).inputValue()) === 'running', 'the filter from the URL');
    await list.row('mnist-realtime-gray').getByRole('link', { name: 'mnist-realtime-gray' }).click();
    const details = new Details(page);
    const monitoring = await details.tab('Monitoring');
    await page.reload();
    await page.getByRole('tab', { name: 'Monitoring', selected: true }).waitFor();
    assert(page.url().includes('tab=monitoring'), 'the tab is in the URL');
    assert((await text(monitoring)).includes('not part of the real ModelArts console'), 'Simulate Traffic is labelled sandbox-only');
    await monitoring.getByLabel('Calls per Minute', { exact: true }).fill('1000');
    await monitoring.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('status').filter({ hasText: '1,000 simulated calls per minute' }).waitFor();
    await new Settings(page, base).speed(60);
    await page.goBack();
    await page.getByRole('tab', { name: 'Monitoring', selected: true }).waitFor();
    const calls = page.getByRole('list', { name: 'Calls per model version' });
    await eventually(async () => {
      const t = await text(calls);
      const n = (v) => Number((t.match(new RegExp(`Version ${v}: ([\\d,]+) calls`)) ?? [0, '0'])[1].replace(/,/g, ''));
      return (n('0.0.1') > 2000 && n('0.0.2') > 200) || t;
    }, 'both versions receive calls', 20000);
    assert((await page.getByRole('table', { name: 'Calls per minute' }).locator('thead th').allTextContents()).join('|').includes('Calls: 0.0.2'), 'a column per version');
    // The chart: an image whose summary counts the calls, a bar part per version and minute.
    const chart = page.getByRole('img', { name: /^Calls per minute in the last hour: [\d,]+ calls/ });
    await chart.waitFor();
    const parts = async (series) => chart.locator(`rect.chart-s${series}[height]:not([height="0"])`).count();
    assert((await parts(0)) > 0 && (await parts(1)) > 0, 'both versions are drawn');
    assert(await page.locator('.chart-legend').filter({ hasText: 'Version 0.0.2' }).count() === 1, 'the legend names the versions');
  },

  'real-time: auto stop stops the service at its time': async ({ page, base }) => {
    await new Settings(page, base).speed(60);
    const list = new RealTimeList(page, base);
    await list.open();
    assert(/left$/.test(await text(list.row('mnist-realtime-autostop').locator('td').nth(6))), 'the time left');
    await list.waitForStatus('mnist-realtime-autostop', 'Stopped', 20000);
    await list.row('mnist-realtime-autostop').getByRole('link', { name: 'mnist-realtime-autostop' }).click();
    const events = await new Details(page).tab('Events');
    await events.getByText('The service stops when the auto stop time expires.').waitFor();
  },

  'real-time: a hitless upgrade keeps it running; an interrupting one redeploys': async ({ page, base }) => {
    const list = new RealTimeList(page, base);
    await list.open();
    await list.operate('ocr-realtime-dedicated', 'Modify');
    await page.getByRole('heading', { name: 'Modify ocr-realtime-dedicated' }).waitFor();
    const block = page.getByRole('group', { name: 'Model Version 1' });
    await block.getByLabel('Compute Nodes', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Submit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upgrade Service' });
    assert((await text(dialog)).includes('Compute Nodes: 1 -> 2'), 'the change old -> new');
    assert((await text(dialog)).includes('Hitless rolling upgrade'), 'which upgrade');
    const marked = dialog.locator('td[aria-current="true"]');
    assert((await text(marked)).startsWith('Supported') && (await marked.count()) === 1, 'the cell that applies is marked');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert((await page.getByRole('dialog').count()) === 0, 'closed');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('dialog', { name: 'Upgrade Service' }).getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').filter({ hasText: 'hitless rolling upgrade' }).waitFor();
    await page.getByRole('tab', { name: 'Usage Guides' }).waitFor();
    assert((await text(page.locator('.details-grid').first())).includes('Running'), 'still Running while updated');
    const updates = await new Details(page).tab('Configuration Updates');
    assert((await text(updates)).includes('Compute Nodes: 1 -> 2'), 'the history line');

    await list.open();
    await list.operate('mnist-realtime-gray', 'Modify');
    const first = page.getByRole('group', { name: 'Model Version 1' });
    await first.getByLabel('Specifications', { exact: true }).selectOption({ label: 'CPU: 8 vCPUs | 32 GiB' });
    await page.getByRole('button', { name: 'Submit' }).click();
    const upgrade = page.getByRole('dialog', { name: 'Upgrade Service' });
    assert((await text(upgrade)).includes('The service will be interrupted during the upgrade.'), 'interrupting');
    await upgrade.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').filter({ hasText: 'interrupted' }).waitFor();
    // The page goes on to the service's details; the list is opened from there.
    await page.getByRole('tab', { name: 'Usage Guides', selected: true }).waitFor();
    await list.open();
    assert((await list.status('mnist-realtime-gray')).startsWith('Deploying'), 'redeploying');
  },

  'real-time: delete from the row with agency authorization': async ({ page, base }) => {
    await new Settings(page, base).authorize();
    const list = new RealTimeList(page, base);
    await list.open();
    await list.operate('flower-realtime-stopped', 'Delete');
    const dialog = page.getByRole('dialog', { name: 'Delete Service' });
    assert((await text(dialog)).includes('cannot be undone'), 'the warning');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('status').filter({ hasText: 'flower-realtime-stopped: the service is being deleted.' }).waitFor();
    await eventually(async () => (await list.row('flower-realtime-stopped').count()) === 0, 'gone', 20000);
  },

  'real-time: the account limit of 20 real-time services': async ({ page, base }) => {
    for (let i = 0; i < 15; i++) await deploy(page, base, `limit-${i}`);
    await page.goto(`${base}#/real-time-services/deploy`);
    await page.getByLabel('Name', { exact: true }).fill('one-too-many');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: 'already has 20 real-time services' }).waitFor();
    assert((await page.getByRole('dialog').count()) === 0, 'no confirmation');
  },

  'real-time: a pool lists the services holding its nodes, with links': async ({ page, base }) => {
    await page.goto(`${base}#/pools?type=deployment`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'infer-cpu-pool', exact: true }) });
    await row.getByRole('link', { name: 'infer-cpu-pool' }).click();
    await page.getByText('Nodes occupied by real-time services: 1. Free nodes: 1.').waitFor();
    await page.getByRole('table', { name: 'Real-time services on this pool' }).getByRole('link', { name: 'ocr-realtime-dedicated' }).click();
    await page.getByRole('heading', { name: 'ocr-realtime-dedicated', level: 1 }).waitFor();
  },
  'real-time: Usage Guides, Configuration Updates, Logs and Billing of a gray launch': async ({ page, base }) => {
    const list = new RealTimeList(page, base);
    await list.open();
    await list.row('mnist-realtime-gray').getByRole('link', { name: 'mnist-realtime-gray' }).click();
    const details = new Details(page);
    const usage = page.getByRole('tabpanel', { name: 'Usage Guides' });
    const guide = await text(usage);
    assert(/https:\/\/infer\.cn-north-4\.example\.com\/v1\/infers\/[0-9a-f-]{36}/.test(guide), 'the API URL');
    assert(guide.includes('POST') && guide.includes('X-Auth-Token'), 'method and header');
    assert((await text(usage.getByRole('table', { name: 'Output parameters' }))).includes('predicted_label'), 'the outputs');
    assert((await text(usage.getByLabel('curl example'))).startsWith('curl -X POST'), 'a curl example');
    const updates = await details.tab('Configuration Updates');
    const config = await updates.getByRole('table', { name: 'Existing configuration' }).locator('tbody tr').allTextContents();
    assert(config.length === 2 && config[0].includes('0.0.1') && config[0].includes('90') && config[1].includes('10'), `versions and ratios: ${config}`);
    const logs = await details.tab('Logs');
    await logs.getByRole('radio', { name: 'Last 1 hour' }).check();
    await eventually(async () => (await text(logs.getByRole('log'))).includes('[0.0.1] POST /v1/infers/'), 'call lines of 0.0.1');
    await logs.getByRole('combobox', { name: 'Model Version' }).selectOption('0.0.2');
    await eventually(async () => (await text(logs.getByRole('log'))).includes('[0.0.2] POST'), 'call lines of 0.0.2');
    await logs.getByRole('radio', { name: 'Custom' }).check();
    await logs.getByLabel('From').waitFor();
    const billing = await details.tab('Billing');
    assert((await text(billing)).includes('0.0.1: USD 0.17/hour') && (await text(billing)).includes('0.0.2: USD 0.17/hour'), 'the price per version');
  },
};
