// Every width and both themes: no page scrolls sideways at a phone's width, the navigation
// folds behind "Menu" there, lists keep their Operation column inside the card at 1,280 px and
// scroll inside the card (the Name column kept in view) below; the theme is chosen in the
// header, follows the system by default and is kept across reloads.
import { assert, eventually } from '../pages.mjs';

/** The pages of the console, details pages reached through the demo's first rows. */
export async function everyPage(page, base) {
  const firstLink = async (route) => {
    await page.goto(`${base}${route}`);
    const link = page.locator('table .name-link').first();
    await link.waitFor();
    return link.getAttribute('href');
  };
  const realTime = await firstLink('#/real-time-services');
  const batch = await firstLink('#/batch-services');
  const pool = await firstLink('#/pools?type=deployment');
  return [
    '#/real-time-services',
    '#/real-time-services/deploy',
    realTime,
    `${realTime}?tab=monitoring`,
    `${realTime}/modify`,
    '#/batch-services',
    '#/batch-services/deploy',
    batch,
    '#/pools?type=training',
    '#/pools?type=deployment',
    '#/pools/create?type=deployment',
    pool,
    `${pool}/scale`,
    '#/settings',
  ];
}

/** Opens `route` and waits for its page heading. */
export async function open(page, base, route) {
  await page.goto(`${base}${route}`);
  await page.locator('main h1').first().waitFor();
}

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const LISTS = ['#/real-time-services', '#/batch-services', '#/pools?type=training', '#/pools?type=deployment'];

export default {
  'at 390 px no page scrolls sideways, and the navigation folds behind Menu': async ({ page, base }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const route of await everyPage(page, base)) {
      await open(page, base, route);
      // Lists and tables settle after their rows arrive.
      await page.waitForTimeout(100);
      const over = await sideways(page);
      assert(over <= 0, `${route} scrolls ${over} px sideways at 390 px`);
    }
    await open(page, base, '#/batch-services');
    const nav = page.getByRole('navigation', { name: 'Console navigation' });
    assert(!(await nav.isVisible()), 'the navigation is folded at 390 px');
    const menu = page.getByRole('button', { name: 'Menu' });
    assert((await menu.getAttribute('aria-expanded')) === 'false', 'Menu says it is closed');
    await menu.click();
    await nav.waitFor({ state: 'visible' });
    assert((await menu.getAttribute('aria-expanded')) === 'true', 'Menu says it is open');
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    // Escape folds it too, and gives focus back to Menu.
    await menu.click();
    await nav.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    assert(await menu.evaluate((b) => b === document.activeElement), 'focus is back on Menu');
    // A dialog fits the screen.
    await open(page, base, '#/batch-services');
    await page.locator('tbody input[type=checkbox]').first().check();
    await page.locator('.toolbar').getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    assert(box.x >= 0 && box.x + box.width <= 390, `the dialog fits the screen: ${JSON.stringify(box)}`);
    assert((await sideways(page)) <= 0, 'the dialog does not scroll the page sideways');
  },

  'at 1,280 px every list keeps its Operation column inside its card': async ({ page, base }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const route of LISTS) {
      await open(page, base, route);
      const table = page.locator('main table').first();
      await table.locator('tbody tr').first().waitFor();
      const card = await table.evaluate((t) => t.closest('.panel').getBoundingClientRect().toJSON());
      const box = (await table.boundingBox());
      assert(box.x + box.width <= card.right + 0.5, `${route}: the table ends at ${box.x + box.width}, its card at ${card.right}`);
      const operation = await page.getByRole('columnheader', { name: 'Operation' }).boundingBox();
      assert(operation && operation.x + operation.width <= card.right + 0.5, `${route}: Operation is inside the card`);
      assert((await sideways(page)) <= 0, `${route} scrolls sideways at 1,280 px`);
    }
  },

  'between 768 and 1,279 px a list scrolls inside its card with the Name column in view': async ({ page, base }) => {
    await page.setViewportSize({ width: 900, height: 900 });
    for (const route of LISTS) {
      await open(page, base, route);
      const table = page.locator('main table').first();
      await table.locator('tbody tr').first().waitFor();
      assert((await sideways(page)) <= 0, `${route} scrolls sideways at 900 px`);
      const scroller = table.locator('xpath=..');
      const scrolls = await scroller.evaluate((s) => s.scrollWidth > s.clientWidth);
      if (!scrolls) continue;
      await scroller.evaluate((s) => { s.scrollLeft = s.scrollWidth; });
      const frame = await scroller.boundingBox();
      const name = await table.locator('tbody tr').first().locator('.name-link').boundingBox();
      assert(name.x >= frame.x - 0.5 && name.x < frame.x + frame.width / 2, `${route}: the Name column stays in view (${name.x} in ${frame.x}..${frame.x + frame.width})`);
      const operation = await page.getByRole('columnheader', { name: 'Operation' }).boundingBox();
      assert(operation.x + operation.width <= frame.x + frame.width + 0.5, `${route}: scrolled, Operation is in view`);
    }
  },

  'the theme is chosen in the header, follows the system by default and survives reload': async ({ page, base }) => {
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, base, '#/batch-services');
    const picker = page.getByRole('combobox', { name: 'Theme' });
    assert((await picker.inputValue()) === 'system', 'System by default');
    assert((await theme()) === 'dark', 'System follows a dark system');
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(async () => (await theme()) === 'light', 'System follows the system as it changes');
    const light = await background();
    assert(dark !== light, `the themes differ: ${dark} / ${light}`);
    await picker.selectOption({ label: 'Dark' });
    await eventually(async () => (await theme()) === 'dark', 'Dark is shown');
    await page.reload();
    await page.locator('main h1').first().waitFor();
    assert((await theme()) === 'dark', 'Dark is kept across reloads (the system is light)');
    assert((await page.getByRole('combobox', { name: 'Theme' }).inputValue()) === 'dark', 'the header shows Dark');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await page.locator('main h1').first().waitFor();
    assert((await theme()) === 'light', 'Light is kept even on a dark system');
  },
};
