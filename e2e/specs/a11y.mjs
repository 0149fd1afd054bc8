// Accessible to everyone: axe-core finds no violation on any page, in both languages and both
// themes, with the lists' dialogs open too; a dialog keeps Tab inside and gives focus back to
// what opened it; a batch service is deployed and deleted with the keyboard alone.
import { createRequire } from 'node:module';
import { ServiceList, assert, eventually, text } from '../pages.mjs';
import { everyPage, open } from './layout.mjs';
import { inChinese } from './i18n.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page as it is now, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document);
    return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails after `max` presses. */
async function tabTo(page, target, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

// The words the walk clicks, in each language.
const ENGLISH = { delete: 'Delete', stop: 'Stop', stopService: 'Stop Service', next: 'Next' };
const CHINESE = { delete: '删除', stop: '停止', stopService: '停止服务', next: '下一步' };

/** Runs axe-core on every page and the lists' and a form's dialogs, in both themes. */
async function axeWalk(page, base, words) {
  const found = [];
  const check = async (what) => {
    for (const v of await violations(page)) found.push(`${what}: ${v}`);
  };
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const route of await everyPage(page, base)) {
      await open(page, base, route);
      await page.waitForTimeout(150);
      await check(`${scheme} ${route}`);
    }
    // The lists' dialogs: Delete of a selection, and Stop of a running service.
    for (const route of ['#/batch-services', '#/real-time-services']) {
      await open(page, base, route);
      await page.locator('tbody input[type=checkbox]').first().check();
      await page.locator('.toolbar').getByRole('button', { name: words.delete, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await check(`${scheme} ${route} Delete dialog`);
      await page.keyboard.press('Escape');
    }
    await open(page, base, '#/batch-services?size=20');
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: 'mnist-batch-nightly', exact: true }) })
      .getByRole('button', { name: words.stop }).click();
    await page.getByRole('dialog', { name: words.stopService }).waitFor();
    await check(`${scheme} Stop dialog`);
    await page.keyboard.press('Escape');
    // A form's errors, beside the fields and in the summary.
    await open(page, base, '#/batch-services/deploy');
    await page.getByRole('button', { name: words.next }).click();
    await page.locator('.error-summary').waitFor();
    await check(`${scheme} Deploy with its errors`);
  }
  assert(found.length === 0, `axe-core violations:\n      ${found.join('\n      ')}`);
}

export default {
  'axe-core finds no violation on any page or open dialog, in English, in the light and the dark theme': async ({ page, base }) => {
    await axeWalk(page, base, ENGLISH);
  },

  'axe-core finds no violation on any page or open dialog, in 简体中文, in the light and the dark theme': async ({ page, base }) => {
    await inChinese(page, base);
    await axeWalk(page, base, CHINESE);
  },

  'a details page announces its status changes politely, never its progress; a list announces none': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    assert((await page.locator('tbody .badge [aria-live]').count()) === 0, 'no live region in the list');
    await list.row('mnist-batch-nightly').getByRole('link', { name: 'mnist-batch-nightly' }).click();
    const live = page.locator('main .badge [aria-live="polite"]');
    await eventually(async () => (await text(live)) === 'Running' || text(live), 'the status alone is live');
    assert((await page.locator('main .badge .badge-progress[aria-live], main [aria-live] .badge-progress').count()) === 0, 'the progress is not live');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page.getByRole('dialog', { name: 'Stop Service' }).getByRole('button', { name: 'OK' }).click();
    await eventually(async () => ['Stopping', 'Stopped'].includes(await text(live)) || text(live), 'the change is in the live region');
    // A pool's details: its own status is live, the badges of the services on it are not.
    await page.goto(`${base}#/pools?type=deployment`);
    await page.getByRole('link', { name: 'infer-faulty-pool', exact: true }).click();
    await page.locator('.status-line .badge [aria-live="polite"]').waitFor();
    await page.getByRole('link', { name: 'sentiment-dedicated-batch', exact: true }).waitFor();
    assert((await page.locator('table .badge [aria-live]').count()) === 0, 'no live region in the pool\'s tables');
  },

  'a dialog keeps Tab inside, closes on Escape and gives focus back to the control that opened it': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    const stop = list.operation('mnist-batch-nightly', 'Stop');
    await stop.focus();
    await page.keyboard.press('Enter');
    const dialog = list.dialog('Stop Service');
    await dialog.waitFor();
    const inDialog = () => dialog.evaluate((d) => d.contains(document.activeElement));
    assert(await inDialog(), 'focus moves into the dialog');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      assert(await inDialog(), `Tab ${i + 1} stays in the dialog`);
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      assert(await inDialog(), `Shift+Tab ${i + 1} stays in the dialog`);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert(await stop.evaluate((b) => b === document.activeElement), 'focus is back on Stop');
  },

  'a batch service is deployed and deleted with the keyboard alone': async ({ page, base }) => {
    await page.goto(`${base}#/batch-services`);
    const list = new ServiceList(page, base);
    await list.row('mnist-batch-nightly').waitFor();
    // Deploy: the toolbar's link, the form's fields, Next, then Submit in the confirmation.
    await tabTo(page, page.locator('.toolbar').getByRole('link', { name: 'Deploy' }));
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    await tabTo(page, name);
    await page.keyboard.type('keyboard-only');
    for (const [label, value] of [['Input Path', 'obs://keys/in/'], ['Output Path', 'obs://keys/out/']]) {
      await tabTo(page, page.getByLabel(label, { exact: true }));
      await page.keyboard.type(value);
    }
    await tabTo(page, page.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Confirm Deployment' });
    await confirm.waitFor();
    await tabTo(page, confirm.getByRole('button', { name: 'Submit' }));
    await page.keyboard.press('Enter');
    await list.row('keyboard-only').waitFor();
    // Agency authorization in Settings, through the navigation.
    const nav = page.getByRole('navigation', { name: 'Console navigation' });
    await tabTo(page, nav.getByRole('link', { name: 'Settings' }), { back: true });
    await page.keyboard.press('Enter');
    const authorize = page.getByRole('button', { name: 'Add Authorization' });
    await authorize.waitFor();
    await tabTo(page, authorize);
    await page.keyboard.press('Enter');
    await page.getByText('Status: Authorized').waitFor();
    await tabTo(page, nav.getByRole('link', { name: 'Batch Services' }), { back: true });
    await page.keyboard.press('Enter');
    // Delete: its row's checkbox, the toolbar's Delete, OK.
    const select = page.getByRole('checkbox', { name: 'Select keyboard-only' });
    await select.waitFor();
    await tabTo(page, select);
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('.toolbar').getByRole('button', { name: 'Delete', exact: true }), { back: true });
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete Service' });
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'OK' }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => (await list.row('keyboard-only').count()) === 0, 'the service is deleted');
  },
};
