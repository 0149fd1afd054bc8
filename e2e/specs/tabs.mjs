// Two tabs of one browser: concurrent commands never overwrite each other, and a command the
// other tab already made impossible is refused with the core's reason.
import { ServiceList, DeployPage, text, assert, eventually } from '../pages.mjs';

/**
 * Deploys `name` from the Deploy page as a person does; resolves when the list shows it.
 * Clicks skip Playwright's "stable" wait: it counts animation frames, which a page that is
 * not in front gets about once a second, so every click would cost a second.
 */
async function deploy(page, base, name) {
  await page.goto(`${base}#/batch-services/deploy`);
  const form = new DeployPage(page);
  await form.field('Name').waitFor();
  await form.fill({ Name: name, 'Input Path': 'obs://tabs/in/', 'Output Path': 'obs://tabs/out/' });
  const confirm = page.getByRole('dialog', { name: 'Confirm Deployment' });
  await eventually(async () => {
    if (!(await confirm.isVisible())) await page.getByRole('button', { name: 'Next' }).click({ force: true });
    return confirm.isVisible();
  }, `the confirmation of ${name}`);
  await confirm.getByRole('button', { name: 'Submit' }).click({ force: true });
  await new ServiceList(page, base).row(name).waitFor();
}

const total = async (page) => Number((await text(page.locator('.total'))).replace(/\D+/g, ''));

export const COMMANDS_PER_TAB = 100;

export default {
  'two tabs deploying at the same time lose no update (200 commands)': async ({ page, base }) => {
    const other = await page.context().newPage();
    const lists = [new ServiceList(page, base), new ServiceList(other, base)];
    await Promise.all(lists.map((l) => l.open()));
    const names = (tab) => Array.from({ length: COMMANDS_PER_TAB }, (_, i) => `tab${tab}-svc-${String(i).padStart(3, '0')}`);
    // Both tabs at once, each one command after another: their saves interleave.
    await Promise.all([page, other].map(async (p, tab) => {
      for (const name of names(tab)) await deploy(p, base, name);
    }));
    // (A demo service that was being deleted is gone by now: count only the new ones.)
    const expected = 2 * COMMANDS_PER_TAB;
    // What storage holds: a third tab starts from it alone.
    const third = await page.context().newPage();
    const pages = [page, other, third];
    await Promise.all(pages.map((p) => p.goto(`${base}#/batch-services?size=50&name=-svc-`)));
    const counts = async () => Promise.all(pages.map(total));
    await eventually(async () => (await counts()).every((n) => n === expected) || `${await counts()} shown`, `${expected} services in each tab and in storage`);
    for (const p of pages) {
      const searched = new ServiceList(p, base);
      await p.goto(`${base}#/batch-services?size=50&name=tab1-svc-099`);
      await searched.row('tab1-svc-099').waitFor();
    }
  },

  'a command the other tab made impossible is refused with the reason': async ({ page, base }) => {
    const other = await page.context().newPage();
    const here = new ServiceList(page, base);
    const there = new ServiceList(other, base);
    await Promise.all([here.open(), there.open()]);
    // This tab opens Stop on a running service; meanwhile the other tab deletes it.
    await here.operation('mnist-batch-nightly', 'Stop').click();
    const stop = here.dialog('Stop Service');
    await stop.waitFor();
    await other.goto(`${base}#/settings`);
    await other.getByRole('button', { name: 'Add Authorization' }).click();
    await other.getByText('Status: Authorized').waitFor();
    await there.open();
    await there.operation('mnist-batch-nightly', 'Delete').click();
    await there.dialog('Delete Service').getByRole('button', { name: 'OK' }).click();
    // Deleting lasts 5 s: on a slow machine the row may already be gone.
    const deletingOrGone = (list) => async () => (await list.row('mnist-batch-nightly').count()) === 0 || (await list.status('mnist-batch-nightly')).startsWith('Deleting');
    await eventually(deletingOrGone(there), 'the other tab deletes it');
    await stop.getByRole('button', { name: 'OK' }).click();
    const reason = stop.getByRole('alert');
    await reason.waitFor();
    assert(/Deleting|deleted/i.test(await text(reason)), `refused with the core's reason: ${await text(reason)}`);
    await eventually(deletingOrGone(here), 'this tab shows the deletion');
  },
};
