import type { Locator, Page } from '@playwright/test';
import {
  drawConnection,
  editorText,
  graphNode,
  openApp,
  pasteIntoEditor,
  screenshot,
  settled,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';
import { canvasAtRest } from './seen.ts';

const SHOP = 'VirtualService/web/shop';

function rule(page: Page, name: string): Locator {
  return graphNode(page, 'virtualService', SHOP).locator('[data-kind="route"]', {
    has: page.getByRole('button', { name: new RegExp(`^Rule ${name}:`) }),
  });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  await expect(graphNode(page, 'virtualService', SHOP)).toBeVisible();
});

test('connecting a rule to a subset adds that destination and splits the weights', async ({
  page,
}) => {
  await drawConnection(
    page,
    rule(page, 'beta'),
    graphNode(page, 'subset', 'DestinationRule/web/shop').filter({ hasText: 'v1' }),
  );
  await expect(page.locator('.notice[role="status"]')).toContainText(/v1/);
  const text = await editorText(page);
  const beta = text.slice(text.indexOf('- name: beta'), text.indexOf('- name: split'));
  expect(beta).toContain('subset: v1');
  expect(beta).toContain('subset: v2');
  expect(beta).toMatch(/weight: 50[\s\S]*weight: 50/);
  await screenshot(page, 'gesture-connect');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  const undone = await editorText(page);
  expect(
    undone.slice(undone.indexOf('- name: beta'), undone.indexOf('- name: split')),
  ).not.toContain('subset: v1');
});

test('dragging a rule row above another reorders the rules in the YAML; Alt+↓ moves it back', async ({
  page,
}) => {
  // By hand: press on the row, move in steps (the browser starts its drag), let go on the other.
  await settled(() => rule(page, 'beta').boundingBox());
  const from = await rule(page, 'split').boundingBox();
  const to = await rule(page, 'beta').boundingBox();
  if (!from || !to) throw new Error('rules not visible');
  await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 3, from.y + from.height / 2 - 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 3, to.y + to.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('.notice[role="status"]')).toContainText('Moved rule split');
  let text = await editorText(page);
  expect(text.indexOf('- name: split')).toBeLessThan(text.indexOf('- name: beta'));
  // The catch-all now comes first: the checks say the beta rule can no longer be reached.
  await expect(rule(page, 'beta').getByRole('img', { name: /warning/ })).toBeVisible();
  await screenshot(page, 'gesture-reorder');

  await rule(page, 'split')
    .getByRole('button', { name: /^Rule split:/ })
    .focus();
  await page.keyboard.press('Alt+ArrowDown');
  text = await editorText(page);
  expect(text.indexOf('- name: beta')).toBeLessThan(text.indexOf('- name: split'));
});

test('the palette adds a Gateway; Ctrl+D duplicates the selected VirtualService; F2 renames a Gateway and its bindings follow', async ({
  page,
}) => {
  await page.getByRole('button', { name: '+ Add' }).click();
  await page.getByRole('menuitem', { name: 'Add a Gateway' }).click();
  await expect(graphNode(page, 'gateway')).toHaveCount(2);

  await graphNode(page, 'virtualService', SHOP).locator('.cnode__header').click();
  await page.keyboard.press('ControlOrMeta+D');
  await expect(graphNode(page, 'virtualService', 'VirtualService/web/shop-copy')).toBeVisible();
  // The copy is laid out and the view follows it: a person clicks once the canvas is still.
  await canvasAtRest(page);

  await graphNode(page, 'gateway', 'Gateway/istio-system/shop-gw')
    .locator('.cnode__header')
    .click();
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: /Rename/ });
  await rename.getByLabel('New name').fill('edge-gw');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/edge-gw')).toBeVisible();
  const text = await editorText(page);
  expect(text).not.toContain('istio-system/shop-gw');
  expect(text).toContain('- istio-system/edge-gw');
  await screenshot(page, 'gesture-palette-duplicate-rename');
});

test('changing a split in the inspector rewrites the weights and says what share each destination gets', async ({
  page,
}) => {
  await rule(page, 'split')
    .getByRole('button', { name: /^Rule split:/ })
    .click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const weights = inspector.getByLabel('Weight', { exact: true });
  await expect(weights).toHaveCount(2);
  await weights.nth(0).fill('70');
  await weights.nth(1).fill('30');
  await expect(inspector.getByText('Receives 70% of requests (weight 70 of 100)')).toBeVisible();
  await expect(inspector.getByText('Receives 30% of requests (weight 30 of 100)')).toBeVisible();
  const text = await editorText(page);
  expect(text).toMatch(/subset: v1\n\s+weight: 70\n[\s\S]*subset: v2\n\s+weight: 30\n/);
  // The graph labels the branches with the new split.
  await expect(graphNode(page, 'virtualService', SHOP)).toBeVisible();
  await expect(page.locator('.edge-label', { hasText: '70%' })).toBeVisible();
});

test('Alt-dragging a rule to a subset mirrors the rule’s traffic there instead', async ({
  page,
}) => {
  await drawConnection(
    page,
    rule(page, 'beta'),
    graphNode(page, 'subset', 'DestinationRule/web/shop').filter({ hasText: 'v1' }),
    { alt: true },
  );
  await expect(page.locator('.notice[role="status"]')).toContainText('mirrors');
  const text = await editorText(page);
  const beta = text.slice(text.indexOf('- name: beta'), text.indexOf('- name: split'));
  expect(beta).toMatch(/mirror:\n\s+host: shop\n\s+subset: v1/);
  expect(beta).not.toContain('weight');
});
