// Accessible to everyone: axe-core finds no violation on any page, in both themes, with the
// lists' dialogs open too; a dialog keeps Tab inside and gives focus back to what opened it.
import { createRequire } from 'node:module';
import { ServiceList, assert } from '../pages.mjs';
import { everyPage, open } from './layout.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page as it is now, one line each. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document);
    return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

export default {
  'axe-core finds no violation on any page or open dialog, in the light and the dark theme': async ({ page, base }) => {
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
        await page.locator('.toolbar').getByRole('button', { name: 'Delete', exact: true }).click();
        await page.getByRole('dialog').waitFor();
        await check(`${scheme} ${route} Delete dialog`);
        await page.keyboard.press('Escape');
      }
      const list = new ServiceList(page, base);
      await list.open();
      await list.operation('mnist-batch-nightly', 'Stop').click();
      await list.dialog('Stop Service').waitFor();
      await check(`${scheme} Stop dialog`);
      await page.keyboard.press('Escape');
      // A form's errors, beside the fields and in the summary.
      await open(page, base, '#/batch-services/deploy');
      await page.getByRole('button', { name: 'Next' }).click();
      await check(`${scheme} Deploy with its errors`);
    }
    assert(found.length === 0, `axe-core violations:\n      ${found.join('\n      ')}`);
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
};
