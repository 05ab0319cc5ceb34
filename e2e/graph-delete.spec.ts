import { editorText, graphNode, openApp, screenshot, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

const GATEWAY = 'Gateway/istio-system/my-gateway';

test('deleting a node on the graph removes its manifest; Undo restores it', async ({ page }) => {
  await openApp(page);
  await waitForEditor(page);
  const before = await editorText(page);
  expect(before).toMatch(/^kind: Gateway$/m);

  await graphNode(page, 'gateway', GATEWAY).click();
  await page.keyboard.press('Delete');
  await expect(graphNode(page, 'gateway', GATEWAY)).toHaveCount(0);
  await screenshot(page, 'graph-delete');

  const after = await editorText(page);
  expect(after).not.toMatch(/^kind: Gateway$/m);
  // Only the Gateway's lines went: every later manifest stays exactly as written.
  const rest = before.slice(
    before.indexOf('apiVersion: networking.istio.io/v1\nkind: VirtualService'),
  );
  expect(after).toContain(rest);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(graphNode(page, 'gateway', GATEWAY)).toBeVisible();
  expect(await editorText(page)).toBe(before);
});

test('deleting a route row removes that rule from its VirtualService', async ({ page }) => {
  await openApp(page);
  await waitForEditor(page);
  const virtualService = graphNode(page, 'virtualService', 'VirtualService/default/myapp');
  await virtualService.locator('[data-kind="route"]').click();
  await page.keyboard.press('Delete');

  await expect(virtualService.locator('[data-kind="route"]')).toHaveCount(0);
  await expect(virtualService).toBeVisible();
  const text = await editorText(page);
  expect(text).toMatch(/^kind: VirtualService$/m);
  expect(text).not.toContain('prefix: /myapp');
});
