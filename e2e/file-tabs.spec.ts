import {
  clickButton,
  editorText,
  graphNode,
  manifests,
  openApp,
  pasteIntoEditor,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { SHOP_YAML, withVirtualServiceNamed } from './manifests.ts';

const tab = (page: import('@playwright/test').Page) =>
  manifests(page).getByRole('tab', { selected: true });

test('the file tab names what was imported: the file, untitled.yaml for pasted text and New', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);
  await expect(tab(page)).toHaveText('myapp.yaml');

  await clickButton(page, 'Import');
  let dialog = page.getByRole('dialog');
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'shop.yaml', mimeType: 'text/yaml', buffer: Buffer.from(SHOP_YAML) });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(graphNode(page, 'gateway', 'Gateway/web/shop-gw')).toBeVisible();
  await expect(tab(page)).toHaveText('shop.yaml');

  await clickButton(page, 'Import');
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('YAML', { exact: true }).fill(withVirtualServiceNamed('pasted'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(tab(page)).toHaveText('untitled.yaml');

  await clickButton(page, 'Undo');
  await expect(tab(page)).toHaveText('shop.yaml');
  await clickButton(page, 'New');
  await expect(tab(page)).toHaveText('untitled.yaml');
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
});

test('replacing the whole text makes it untitled.yaml; Ctrl+Z in the editor brings the text back', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, withVirtualServiceNamed('storefront'));
  await expect(
    graphNode(page, 'virtualService', 'VirtualService/default/storefront'),
  ).toBeVisible();
  await expect(tab(page)).toHaveText('untitled.yaml');
  await expect(manifests(page).getByRole('tab')).toHaveCount(1);

  // The editor kept its history through the new name.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(graphNode(page, 'virtualService', 'VirtualService/default/myapp')).toBeVisible();
  expect(await editorText(page)).toContain('name: myapp\n');
});
