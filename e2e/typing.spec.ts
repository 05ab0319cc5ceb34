import {
  editorLines,
  graphNode,
  openApp,
  pasteIntoEditor,
  screenshot,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { withVirtualServiceNamed } from './manifests.ts';

test('YAML pasted into the editor redraws the graph', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, withVirtualServiceNamed('storefront'));

  await expect(
    graphNode(page, 'virtualService', 'VirtualService/default/storefront'),
  ).toBeVisible();
  await expect(graphNode(page, 'virtualService', 'VirtualService/default/myapp')).toHaveCount(0);
  // The rest of the path is untouched.
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
  await expect(graphNode(page, 'subset')).toHaveCount(2);
  await screenshot(page, 'typing-pasted');
});

test('keystrokes in the editor redraw the graph', async ({ page }) => {
  await openApp(page);
  await waitForEditor(page);
  // The end of the Gateway's name line, then real key presses.
  await editorLines(page).locator('.view-line', { hasText: 'name: my-gateway' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('-edge', { delay: 30 });

  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway-edge')).toBeVisible();
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toHaveCount(0);
  await expect(editorLines(page)).toContainText('name: my-gateway-edge');
});
