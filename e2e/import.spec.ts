import type { Page } from '@playwright/test';
import { clickButton, graphNode, openApp, screenshot } from './app.ts';
import { expect, test } from './fixtures.ts';
import { SHOP_YAML } from './manifests.ts';

const EXAMPLE_GATEWAY = 'Gateway/istio-system/my-gateway';
const SHOP_GATEWAY = 'Gateway/web/shop-gw';
const SHOP_ROUTES = 'VirtualService/web/shop';

async function expectShop(page: Page) {
  await expect(graphNode(page, 'gateway', SHOP_GATEWAY)).toBeVisible();
  await expect(graphNode(page, 'virtualService', SHOP_ROUTES)).toBeVisible();
  await expect(graphNode(page, 'subset', 'DestinationRule/web/api')).toHaveCount(2);
  await expect(graphNode(page, 'gateway', EXAMPLE_GATEWAY)).toHaveCount(0);
}

test('pasted YAML replaces the workspace; Undo brings the example back', async ({ page }) => {
  await openApp(page);
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('YAML', { exact: true }).fill(SHOP_YAML);
  await screenshot(page, 'import-dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expectShop(page);
  await screenshot(page, 'import-done');

  await clickButton(page, 'Undo');
  await expect(graphNode(page, 'gateway', EXAMPLE_GATEWAY)).toBeVisible();
  await expect(graphNode(page, 'gateway', SHOP_GATEWAY)).toHaveCount(0);
});

test('files picked in the dialog import together', async ({ page }) => {
  await openApp(page);
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  const [gateway = '', ...rest] = SHOP_YAML.split(/^---\n/m);
  await dialog.locator('input[type="file"]').setInputFiles([
    { name: 'gateway.yaml', mimeType: 'text/yaml', buffer: Buffer.from(gateway) },
    { name: 'routes.yaml', mimeType: 'text/yaml', buffer: Buffer.from(rest.join('---\n')) },
  ]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expectShop(page);
});

test('a file dropped on the page imports', async ({ page }) => {
  await openApp(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'shop.yaml', { type: 'text/yaml' }));
    return transfer;
  }, SHOP_YAML);
  // Dropped on the graph: the whole page takes files, wherever they land.
  const target = graphNode(page, 'client');
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expectShop(page);
});
