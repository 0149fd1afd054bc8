// Two languages: English and 简体中文, chosen with the header's Language control, kept across
// reloads, first taken from the browser's language, with <html lang> following; every page in
// 简体中文 leaves no English word outside the allow-list; the smoke path passes in 简体中文.
import { assert, eventually, text } from '../pages.mjs';
import { everyPage, open } from './layout.mjs';

const KEY = 'modelarts-console.lang';

/** Opens the console in 简体中文 (as if chosen before), at `route`. */
export async function inChinese(page, base, route = '#/batch-services') {
  await page.addInitScript((key) => localStorage.setItem(key, 'zh-CN'), KEY);
  await open(page, base, route);
}

// Latin words a Chinese page may show: the product, units, acronyms the Chinese console shows
// too, API values, the language's own name, the typed confirmation, and the demo's catalog
// names (regions and models' input fields are data).
const ALLOWED = new Set([
  'ModelArts', 'OBS', 'VPC', 'CSV', 'JSON', 'USD', 'GB', 'MB', 'KB', 'GiB', 'MiB', 'vCPU', 'vCPUs', 'CPU', 'GPU', 'NPU',
  'Ascend', 'WebSocket', 'GMT', 'HTTP', 'HTTPS', 'POST', 'API', 'URL', 'ID', 'AK', 'SK', 'English', 'DELETE', 'file', 'csv',
  'Notebook', 'TensorBoard', 'CN', 'AZ', 'AP-Singapore', 'South-Guangzhou', 'x',
]);

/** The Latin words the page shows (text, names and descriptions), outside code and data. */
async function latinWords(page) {
  return page.evaluate(() => {
    const words = [];
    const skip = 'pre, code, textarea, script, style, [translate="no"]';
    const shown = (el) => el.checkVisibility() || el.closest('.sr-only') || el.tagName === 'OPTION';
    const take = (text, where) => {
      for (const raw of text.split(/[^A-Za-z0-9_\-./:@]+/)) {
        const word = raw.replace(/^[.:/-]+|[.:/-]+$/g, '');
        if (!/[A-Za-z]/.test(word)) continue;
        // Ids, names and paths: digits or punctuation inside, or lowercase hyphenated names.
        if (/[0-9_./:@]/.test(word) || /^[a-z]+(-[a-z]+)+$/.test(word)) continue;
        words.push(`${word} (${where})`);
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.currentNode; el; el = walker.nextNode()) {
      if (el.closest(skip)) continue;
      const where = el.id ? `#${el.id}` : el.className ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}` : el.tagName.toLowerCase();
      if (!shown(el)) continue;
      for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) take(node.textContent, where);
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = el.getAttribute(attr);
        if (value) take(value, `${where}[${attr}]`);
      }
    }
    take(document.title, 'title');
    return words;
  });
}

/** The words of `found` outside the allow-list, each with where it was seen. */
const english = (found) => found.filter((w) => !ALLOWED.has(w.split(' (')[0]));

export default {
  'the Language control switches to 简体中文 and back, kept across reloads, and <html lang> follows': async ({ page, base }) => {
    await open(page, base, '#/batch-services');
    assert((await page.evaluate(() => document.documentElement.lang)) === 'en', 'an English browser opens in English');
    const language = page.getByRole('combobox', { name: 'Language' });
    await Promise.all([page.waitForEvent('load'), language.selectOption({ label: '简体中文' })]);
    await page.getByRole('heading', { name: '批量服务', level: 1 }).waitFor();
    assert((await page.evaluate(() => document.documentElement.lang)) === 'zh-CN', '<html lang> is zh-CN');
    await page.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '在线服务' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '批量服务', level: 1 }).waitFor();
    const 语言 = page.getByRole('combobox', { name: '语言' });
    assert((await 语言.inputValue()) === 'zh-CN', 'the choice is kept across a reload');
    await Promise.all([page.waitForEvent('load'), 语言.selectOption({ label: 'English' })]);
    await page.getByRole('heading', { name: 'Batch Services', level: 1 }).waitFor();
    assert((await page.evaluate(() => document.documentElement.lang)) === 'en', '<html lang> is en again');
  },

  'a browser set to Chinese opens in 简体中文': async ({ page, base }) => {
    const context = await page.context().browser().newContext({ locale: 'zh-CN' });
    try {
      const chinese = await context.newPage();
      await chinese.goto(`${base}#/pools`);
      await chinese.getByRole('heading', { name: '专属资源池', level: 1 }).waitFor();
      assert((await chinese.evaluate(() => document.documentElement.lang)) === 'zh-CN', '<html lang> is zh-CN');
    } finally {
      await context.close();
    }
  },

  'every page and dialog in 简体中文 leaves no English word outside the allow-list': async ({ page, base }) => {
    const left = [];
    const check = async (what) => {
      for (const w of english(await latinWords(page))) left.push(`${what}: ${w}`);
    };
    await inChinese(page, base);
    const pages = await everyPage(page, base);
    const [realTime, batch] = [pages[2], pages[7]];
    const tabs = ['usage', 'prediction', 'updates', 'events', 'logs', 'billing'].map((tab) => `${realTime}?tab=${tab}`);
    for (const route of [...pages, ...tabs]) {
      await open(page, base, route);
      await page.waitForTimeout(150);
      await check(route);
    }
    await open(page, base, batch);
    for (const tab of ['事件', '计费信息']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(150);
      await check(`${batch} ${tab}`);
    }
    for (const route of ['#/batch-services', '#/real-time-services']) {
      await open(page, base, route);
      await page.locator('tbody input[type=checkbox]').first().check();
      await page.locator('.toolbar').getByRole('button', { name: '删除', exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await check(`${route} Delete dialog`);
      await page.keyboard.press('Escape');
    }
    // Stop's dialog, on the demo's running batch service.
    await open(page, base, '#/batch-services?size=20');
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: 'mnist-batch-nightly', exact: true }) })
      .getByRole('button', { name: '停止' }).click();
    await page.getByRole('dialog', { name: '停止服务' }).waitFor();
    await check('Stop dialog');
    await page.keyboard.press('Escape');
    // Forms with their errors beside the fields and in the summary, or (a real-time service's
    // form, valid as it opens) their confirmation.
    for (const route of ['#/batch-services/deploy', '#/real-time-services/deploy', '#/pools/create?type=deployment']) {
      await open(page, base, route);
      await page.getByRole('button', { name: '下一步' }).click();
      await page.locator('.error-summary, [role=dialog]').first().waitFor();
      await check(`${route} after Next`);
    }
    // A command's outcome, as a toast.
    await open(page, base, '#/settings');
    await page.getByRole('button', { name: '添加授权' }).click();
    await page.locator('.toast').first().waitFor();
    await check('Settings with a toast');
    assert(left.length === 0, `English left in 简体中文:\n      ${[...new Set(left)].join('\n      ')}`);
  },

  'the smoke path in 简体中文: a bad form refused in Chinese, a batch service deployed and Running at 60x, its events, and deleted': async ({ page, base }) => {
    await inChinese(page, base, '#/settings');
    await page.getByRole('combobox', { name: '模拟速度' }).selectOption({ label: '60倍速' });
    await page.getByRole('status').filter({ hasText: '模拟速度：60倍速。' }).waitFor();
    await open(page, base, '#/batch-services');
    await page.locator('.toolbar').getByRole('link', { name: '部署', exact: true }).click();
    await page.getByRole('heading', { name: '部署', level: 1 }).waitFor();
    const field = (label) => page.getByLabel(label, { exact: true });
    await field('输入数据目录位置').fill('bucket/input');
    await field('输入数据目录位置').blur();
    await eventually(async () => (await text(page.locator('#field-input-path-message'))) === '请输入OBS目录路径，例如obs://bucket/dir/。', 'the path is refused in Chinese');
    for (const [label, value] of [['名称', 'zh-smoke'], ['输入数据目录位置', 'obs://e2e/in/'], ['输出数据目录位置', 'obs://e2e/out/']]) {
      await field(label).fill(value);
      await field(label).blur();
    }
    await page.getByRole('button', { name: '下一步' }).click();
    const confirm = page.getByRole('dialog', { name: '确认部署' });
    await confirm.getByRole('button', { name: '提交' }).click();
    await page.getByRole('status').filter({ hasText: 'zh-smoke：服务部署中。' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'zh-smoke', exact: true }) });
    await eventually(async () => (await text(row.locator('.badge'))).startsWith('运行中') || text(row.locator('.badge')), 'it runs', 20000);
    await row.getByRole('link', { name: 'zh-smoke' }).click();
    await page.getByRole('tab', { name: '事件' }).click();
    const messages = await page.getByRole('table', { name: '事件' }).locator('tbody tr td:last-child').allTextContents();
    assert(JSON.stringify(messages) === JSON.stringify(['服务运行中。', '部署服务。']), `events newest first: ${messages}`);
    // Deleting needs agency authorization (全局配置), then the row's 删除 and 确定.
    await page.getByRole('navigation', { name: '控制台导航' }).getByRole('link', { name: '全局配置' }).click();
    await page.getByRole('button', { name: '添加授权' }).click();
    await page.getByText('状态：已授权').waitFor();
    await open(page, base, '#/batch-services?size=20');
    await row.getByRole('button', { name: '删除' }).click();
    const dialog = page.getByRole('dialog', { name: '删除服务' });
    await dialog.getByRole('button', { name: '确定' }).click();
    await eventually(async () => (await row.count()) === 0, 'the service is deleted', 20000);
  },
};
