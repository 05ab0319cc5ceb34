import type { Page } from '@playwright/test';
import {
  clickButton,
  editorLines,
  graphNode,
  openApp,
  pasteIntoEditor,
  screenshot,
} from './app.ts';
import { BOOKSTORE_YAML, manyHostsYaml } from './bookstore.ts';
import { expect, test } from './fixtures.ts';
import { nodesOutsidePane, smallestNamePx, spanOfPane } from './seen.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Imports files through the Import dialog's file picker, as a person picks them. */
async function importFile(page: Page, name: string, text: string): Promise<void> {
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog
    .locator('input[type="file"]')
    .setInputFiles([{ name, mimeType: 'text/yaml', buffer: Buffer.from(text) }]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Names readable (≥ 12 px on screen) and every node inside the pane, once the fit settles. */
async function expectReadableAndWhole(page: Page): Promise<void> {
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
}

for (const size of SIZES) {
  test(`first open at ${size.width}×${size.height}: names readable, the graph fills the pane`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await expectReadableAndWhole(page);
    // Not a strip across the middle: the drawing uses the pane's height as well as its width.
    const span = await spanOfPane(page);
    expect(span.x).toBeGreaterThan(0.6);
    expect(span.y).toBeGreaterThan(0.5);
    // Everything is in view, so no minimap covers nodes.
    await expect(page.getByLabel('Minimap')).toHaveCount(0);
    await screenshot(page, `readable-first-${size.width}`);
  });

  test(`a Bookinfo-sized import at ${size.width}×${size.height} is fitted readably`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await importFile(page, 'bookstore.yaml', BOOKSTORE_YAML);
    await expect(graphNode(page, 'pods', 'Deployment/bookstore/reviews-v3')).toBeVisible();
    if (size.width > 1280) await expectReadableAndWhole(page);
    else {
      // Six subsets with their pods are too tall for 720 px at a readable size: the first
      // rule's request path is shown whole, and the minimap says where the rest is.
      await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
      const path = [
        'Client client',
        'Gateway bookstore-gateway',
        'VirtualService bookstore',
        'Service storefront',
        'Pods storefront-v1',
      ];
      await expect.poll(async () => inPane(page, path)).toBe(true);
      await expect(page.getByLabel('Minimap')).toBeVisible();
    }
    await screenshot(page, `readable-bookstore-${size.width}`);
  });
}

/** Whether the nodes of these accessible names are all wholly inside the pane. */
async function inPane(page: Page, names: readonly string[]): Promise<boolean> {
  const outside = await nodesOutsidePane(page);
  return names.every((name) => !outside.includes(name));
}

test('a workspace too large to read whole shows the first host’s path; Fit all shows the rest', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await importFile(page, 'apps.yaml', manyHostsYaml(40));
  const first = graphNode(page, 'virtualService', 'VirtualService/apps/app0');
  await expect(first).toBeVisible();
  await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
  // The first host's path is in view: its VirtualService and what it routes to.
  await expect
    .poll(() => inPane(page, ['VirtualService app0', 'Service app0', 'Pods app0']))
    .toBe(true);
  expect((await nodesOutsidePane(page)).length).toBeGreaterThan(10);
  // The minimap shows where the rest is.
  await expect(page.getByLabel('Minimap')).toBeVisible();
  await screenshot(page, 'readable-large-path');

  await page.getByRole('button', { name: 'Fit all' }).click();
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await expect(page.getByLabel('Minimap')).toHaveCount(0);
});

test('YAML pasted into the editor that brings new resources is fitted into view', async ({
  page,
}) => {
  await openApp(page);
  await expectReadableAndWhole(page);
  // Replacing the whole text: a new graph, fitted whole.
  await pasteIntoEditor(page, BOOKSTORE_YAML);
  await expect(graphNode(page, 'pods', 'Deployment/bookstore/reviews-v3')).toBeVisible();
  await expectReadableAndWhole(page);

  // Appending a few resources at the end of the text: they are brought into view.
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.evaluate((t) => navigator.clipboard.writeText(t), `\n---\n${manyHostsYaml(2)}`);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(graphNode(page, 'virtualService', 'VirtualService/apps/app1')).toBeVisible();
  await expect.poll(() => inPane(page, ['VirtualService app1', 'Gateway edge'])).toBe(true);
  await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
});

test('a smaller window that would cut nodes off refits the view', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await expectReadableAndWhole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectReadableAndWhole(page);
});

test('long names are cut in the middle, the full name on hover', async ({ page }) => {
  await openApp(page);
  const balancer = graphNode(page, 'loadBalancer');
  const name = balancer.getByTitle('istio-ingressgateway', { exact: true });
  await expect(name).toHaveText(/^istio-.*….*gateway$/);
});
