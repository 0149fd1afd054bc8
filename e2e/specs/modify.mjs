// Modify: a running service's change is listed old -> new before the restart; Cancel changes
// nothing, OK redeploys and records the change.
import { ServiceList, Details, text, assert } from '../pages.mjs';

export default {
  'modify a running service: the restart dialog lists the changes; cancel, then confirm': async ({ page, base }) => {
    const list = new ServiceList(page, base);
    await list.open();
    await list.operation('ocr-invoice-march', 'Modify').click();
    const dialog = page.getByRole('dialog', { name: 'Modify Service' });
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).fill('0');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('Enter an integer from 1 to 128.').first().waitFor();
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).fill('3');
    await dialog.getByLabel('Description', { exact: true }).fill('Invoices of March, re-run');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByText('The service will be restarted for the modification to take effect.').waitFor();
    const changes = await dialog.getByRole('table', { name: 'Changes' }).locator('tbody tr').allTextContents();
    assert(changes.length === 2, `two changes: ${changes}`);
    assert(changes[0] === 'DescriptionInvoices of MarchInvoices of March, re-run' && changes[1] === 'Compute Nodes13', `old -> new: ${changes}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert(await page.getByRole('dialog').count() === 0, 'closed');
    assert((await list.status('ocr-invoice-march')).startsWith('Alarm'), 'Cancel changes nothing');
    assert((await text(list.row('ocr-invoice-march'))).includes('Compute nodes: 1'), 'nodes unchanged');

    await list.operation('ocr-invoice-march', 'Modify').click();
    await dialog.getByRole('spinbutton', { name: 'Compute Nodes' }).fill('3');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await dialog.getByRole('button', { name: 'OK' }).click();
    await list.waitForStatus('ocr-invoice-march', 'Deploying');
    assert((await text(list.row('ocr-invoice-march'))).includes('Compute nodes: 3'), 'nodes changed');
    await list.row('ocr-invoice-march').getByRole('link', { name: 'ocr-invoice-march' }).click();
    const events = await new Details(page).tab('Events');
    const messages = await events.locator('tbody tr td:last-child').allTextContents();
    assert(messages[0] === 'The service is restarted for the modification to take effect. Deploying.', messages[0]);
    assert(messages[1] === 'Service information modified: Compute Nodes.', messages[1]);
  },
};
