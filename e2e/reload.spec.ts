import type { Page } from '@playwright/test';
import {
  editorLines,
  editorText,
  graphNode,
  openApp,
  pasteIntoEditor,
  showRegion,
  staleNotice,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { BROKEN_NAMESPACE_LINE, BROKEN_YAML, withVirtualServiceNamed } from './manifests.ts';

/**
 * Waits until the browser's storage holds `text` (the app autosaves after a short pause), so
 * the reload tests what was saved rather than racing the save.
 */
async function savedContaining(page: Page, text: string) {
  await expect
    .poll(() =>
      page.evaluate(
        (t) => Object.values(window.localStorage).some((value) => value.includes(t)),
        text,
      ),
    )
    .toBe(true);
}

test('a reload shows the same manifests', async ({ page }) => {
  await openApp(page);
  const edited = withVirtualServiceNamed('storefront');
  await pasteIntoEditor(page, edited);
  await expect(
    graphNode(page, 'virtualService', 'VirtualService/default/storefront'),
  ).toBeVisible();
  await savedContaining(page, 'name: storefront');

  await page.reload();
  await expect(
    graphNode(page, 'virtualService', 'VirtualService/default/storefront'),
  ).toBeVisible();
  await expect(graphNode(page, 'virtualService', 'VirtualService/default/myapp')).toHaveCount(0);
  expect(await editorText(page)).toBe(edited);
});

test('a reload keeps text that does not parse yet', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, BROKEN_YAML);
  await expect(staleNotice(page)).toBeVisible();
  await savedContaining(page, BROKEN_NAMESPACE_LINE);

  await page.reload();
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
  await expect(editorLines(page)).toContainText(BROKEN_NAMESPACE_LINE.trim());
  await expect(staleNotice(page)).toBeVisible();
  const problems = await showRegion(page, 'Problems');
  await expect(problems.locator('[data-code]')).not.toHaveCount(0);
});
