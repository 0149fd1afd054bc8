// Page objects: one class of locators and actions per console page, reached by role and
// accessible name in the console's wording.
import { assert, eventually } from './harness.mjs';

export const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

export class ServiceList {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }
  // Twenty rows per page: the demo's twelve services on one page.
  async open() {
    await this.page.goto(`${this.base}#/batch-services?size=20`);
    await this.page.getByRole('heading', { name: 'Batch Services' }).waitFor();
    await this.row('mnist-batch-nightly').waitFor();
  }
  row(name) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
  badge(name) {
    return this.row(name).locator('.badge');
  }
  async status(name) {
    return text(this.badge(name));
  }
  async waitForStatus(name, prefix, timeout = 15000) {
    await eventually(async () => (await this.status(name)).startsWith(prefix) || (await this.status(name)), `${name} is ${prefix}`, timeout);
  }
  operation(name, label) {
    return this.row(name).getByRole('button', { name: label });
  }
  async select(name) {
    await this.page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  toolbarDelete() {
    return this.page.locator('.toolbar').getByRole('button', { name: 'Delete' });
  }
  dialog(title) {
    return this.page.getByRole('dialog', { name: title });
  }
}

export class PoolList {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }
  /** Opens the tab `type` (`training` or `deployment`). */
  async open(type) {
    await this.page.goto(`${this.base}#/pools?type=${type}`);
    await this.page.getByRole('heading', { name: 'Dedicated Resource Pools', level: 1 }).waitFor();
    await this.page.locator('tbody tr').first().waitFor();
  }
  async tab(name) {
    await this.page.getByRole('tab', { name }).click();
    await eventually(async () => (await this.page.getByRole('tab', { name }).getAttribute('aria-selected')) === 'true', `tab ${name}`);
  }
  row(name) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
  async status(name) {
    return text(this.row(name).locator('.badge'));
  }
  async waitForStatus(name, prefix, timeout = 15000) {
    await eventually(async () => (await this.status(name)).startsWith(prefix) || (await this.status(name)), `${name} is ${prefix}`, timeout);
  }
  operation(name, label) {
    return this.row(name).getByRole('button', { name: label });
  }
  /** Fills form fields by label and leaves each one. */
  async fill(values) {
    for (const [label, value] of Object.entries(values)) {
      const field = this.page.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.blur();
    }
  }
  message(id) {
    return this.page.locator(`#field-${id}-message`);
  }
}

export class DeployPage {
  constructor(page) {
    this.page = page;
  }
  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }
  async fill(values) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label).fill(value);
      await this.field(label).blur();
    }
  }
  message(id) {
    return this.page.locator(`#field-${id}-message`);
  }
}

export class Settings {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }
  async open() {
    await this.page.goto(`${this.base}#/settings`);
    await this.page.getByRole('heading', { name: 'Agency Authorization' }).waitFor();
  }
  async authorize() {
    await this.open();
    await this.page.getByRole('button', { name: 'Add Authorization' }).click();
    await this.page.getByText('Status: Authorized').waitFor();
  }
  async speed(x) {
    await this.open();
    await this.page.getByRole('combobox', { name: 'Simulation speed' }).selectOption({ label: `${x}x` });
    await this.page.getByRole('status').filter({ hasText: `Simulation speed: ${x}x.` }).waitFor();
  }
}

export class Details {
  constructor(page) {
    this.page = page;
  }
  async tab(name) {
    await this.page.getByRole('tab', { name }).click();
    return this.page.getByRole('tabpanel', { name });
  }
}

/**
 * Waits until the console has saved its state in the current stored form: a first
 * run's demo, and data migrated from an older form, are saved after the first paint, once the
 * module that writes the state has arrived.
 */
export async function stateSaved(page, key = 'modelarts-console/state') {
  await eventually(async () => ((await page.evaluate((k) => localStorage.getItem(k), key)) ?? '').startsWith('modelarts-console:json:'), 'the state saved in the stored form');
}

export { assert, eventually };
