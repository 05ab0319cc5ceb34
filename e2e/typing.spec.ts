import { editorLines, editorText, graphNode, openApp, pasteIntoEditor, screenshot } from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML, withVirtualServiceNamed } from './manifests.ts';

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

test('a multi-line edit typed in the editor, with the auto-indent a user gets, redraws the graph', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  const split = graphNode(page, 'virtualService', 'VirtualService/web/shop').getByRole('button', {
    name: /^Rule split:/,
  });
  await expect(split).toBeVisible();
  // Wait for the YAML language (colours and indentation rules) as a person waits to see it.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();

  await editorLines(page).locator('.view-line', { hasText: '- name: split' }).click();
  await page.keyboard.press('End');
  // Enter keeps the list item's indent: two more spaces line up under `name`. After a key that
  // ends in ":" the editor indents by itself.
  await page.keyboard.press('Enter');
  await page.keyboard.type('  timeout: 5s\nretries:\nattempts: 3\nperTryTimeout: 2s', {
    delay: 40,
  });

  await expect(split).toContainText('timeout 5s');
  await expect(split).toContainText('retries 3');
  const text = await editorText(page);
  expect(text).toContain(
    [
      '  - name: split',
      '    timeout: 5s',
      '    retries:',
      '      attempts: 3',
      '      perTryTimeout: 2s',
      '    route:',
    ].join('\n'),
  );
  await screenshot(page, 'typing-multi-line');
});

test('renaming a Gateway by typing keeps every key where it was typed, while the graph follows each pause', async ({
  page,
}) => {
  await openApp(page);
  await editorLines(page).locator('.view-line', { hasText: 'name: my-gateway' }).click();
  await page.keyboard.press('End');
  // A key, a pause long enough for the graph to redraw, then more keys at the same place.
  await page.keyboard.type('-a');
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway-a')).toBeVisible();
  await page.keyboard.type('b');
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway-ab')).toBeVisible();
  await page.keyboard.type('c');
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway-abc')).toBeVisible();
  const text = await editorText(page);
  expect(text).toContain('  name: my-gateway-abc\n');
});
