import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { clickButton, editorText, graphNode, manifests, openApp, screenshot } from './app.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest, nodesOutsidePane } from './seen.ts';

/** A shop behind ingress-nginx: /api rewritten to /, 20% and `x-canary: always` to v2. */
const SHOP = readFileSync(join(import.meta.dirname, 'data', 'shop-ingress.yaml'));
const INGRESS = 'Ingress/shop/shop';
const CANARY = 'Ingress/shop/shop-canary';
const ROUTE = 'HTTPRoute/shop/shop';
const GATEWAY = 'Gateway.gateway.networking.k8s.io/shop/nginx';

/** Imports the shop the way a team has it: a file picked in the Import dialog. */
async function importShop(page: Page) {
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Files').setInputFiles({
    name: 'shop-ingress.yaml',
    mimeType: 'text/yaml',
    buffer: SHOP,
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(graphNode(page, 'ingress', INGRESS)).toBeVisible();
}

/** Every part of the element is inside the window: nothing a person must reach is cut off. */
async function expectInWindow(
  page: Page,
  name: string,
  box: Promise<{ x: number; y: number; width: number; height: number } | null>,
) {
  const b = await box;
  const size = page.viewportSize();
  expect(b, name).not.toBeNull();
  if (!b || !size) return;
  expect(b.x, name).toBeGreaterThanOrEqual(0);
  expect(b.y, name).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, name).toBeLessThanOrEqual(size.width);
  expect(b.y + b.height, name).toBeLessThanOrEqual(size.height);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`an Ingress with canary and rewrite annotations converts to the Gateway API, proven request by request, applied and undone (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await importShop(page);

    await clickButton(page, 'Convert');
    const dialog = page.getByRole('dialog', { name: 'Convert to another API' });
    await expect(dialog).toBeVisible();
    // A workspace of Ingresses moves to the Gateway API unless the user says otherwise.
    await expect(dialog.getByRole('radio', { name: 'Gateway API' })).toBeChecked();

    // The source as written beside what it becomes: the canary's weight is now a backend weight.
    const source = dialog.getByRole('region', { name: 'Source' });
    const converted = dialog.getByRole('region', { name: 'Converted to the Gateway API' });
    await expect(source).toContainText('nginx.ingress.kubernetes.io/canary-weight: "20"');
    await expect(converted).toContainText('kind: HTTPRoute');
    await expect(converted).toContainText('replaceFullPath: /');
    await expect(converted).toContainText(/name: api-v2\s+port: 80\s+weight: 20/);

    // The comparison, in words: every request derived from the paths (each path, just outside
    // it, with and without the canary header) goes where it went.
    const summary = dialog.getByRole('status');
    await expect(summary).toHaveText(/^(\d+) of \1 requests go where they went; no differences$/);
    const total = Number(/^(\d+)/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(6);
    await expect(dialog.getByRole('region', { name: 'Differences' })).toContainText(
      `Requests · ${total} of ${total} the same`,
    );
    // What the Gateway API cannot say as nginx does is in the loss report, by field.
    const losses = dialog.getByRole('region', { name: 'Loss report' }).getByRole('listitem');
    await expect(losses.filter({ hasText: 'spec.rules[0].http.paths[0].path' })).toHaveCount(1);
    await expect(losses.first()).toContainText(INGRESS);

    // Readable and whole at this size: code at 12px or more, the buttons in the window.
    const codeSize = await converted
      .locator('pre')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(codeSize).toBeGreaterThanOrEqual(12);
    await expectInWindow(page, 'dialog', dialog.boundingBox());
    await expectInWindow(
      page,
      'Apply',
      dialog.getByRole('button', { name: 'Apply' }).boundingBox(),
    );
    await screenshot(page, `convert-dialog-${size.width}`);

    await dialog.getByRole('radio', { name: /Replace the 2 converted resources/ }).check();
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();

    // The graph now draws the Gateway API path, and the Ingresses are gone.
    await expect(graphNode(page, 'httpRoute', ROUTE)).toBeVisible();
    await expect(graphNode(page, 'gateway', GATEWAY)).toBeVisible();
    await expect(graphNode(page, 'ingress')).toHaveCount(0);
    await expect(manifests(page).getByRole('tab', { selected: true })).toContainText(
      'converted-from-ingress.yaml',
    );
    expect(await editorText(page)).toContain('kind: HTTPRoute');
    await canvasAtRest(page);
    expect(await nodesOutsidePane(page)).toEqual([]);
    await screenshot(page, `convert-applied-${size.width}`);

    // One undo step takes it all back.
    await clickButton(page, 'Undo');
    await expect(graphNode(page, 'ingress', INGRESS)).toBeVisible();
    await expect(graphNode(page, 'ingress', CANARY)).toHaveCount(1);
    await expect(graphNode(page, 'httpRoute')).toHaveCount(0);
    await expect(manifests(page).getByRole('tab', { name: /converted-from-ingress/ })).toHaveCount(
      0,
    );
  });
}

test('the same Ingress converts to Istio too, and Cancel changes nothing', async ({ page }) => {
  await openApp(page);
  await importShop(page);
  await clickButton(page, 'Convert');
  const dialog = page.getByRole('dialog', { name: 'Convert to another API' });
  await dialog.getByRole('radio', { name: 'Istio API' }).check();
  // The canary header is a rule of its own, ahead of the weighted one, and keeps the rewrite.
  const converted = dialog.getByRole('region', { name: 'Converted to the Istio API' });
  await expect(converted).toContainText('kind: VirtualService');
  await expect(converted).toContainText(/x-canary:\s+exact: always\s+rewrite:/);
  await expect(dialog.getByRole('status')).toHaveText(/^(\d+) of \1 requests go where they went/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(graphNode(page, 'ingress', INGRESS)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  await clickButton(page, 'Undo');
  // Undo takes back the import, not a conversion that was never applied.
  await expect(graphNode(page, 'ingress')).toHaveCount(0);
});

test("the example, already in Istio's API, has nothing to convert to it: Apply stays off", async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Convert to another');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Convert to another API' });
  await dialog.getByRole('radio', { name: 'Istio API' }).check();
  await expect(dialog.getByRole('status')).toHaveText(/^Nothing to convert to the Istio API/);
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
