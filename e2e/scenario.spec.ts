import { editorText, graphNode, openApp, screenshot, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

test('a canary scenario is added in one step with the chosen split, and Undo takes it all back', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);
  const before = await editorText(page);

  await page.getByRole('button', { name: 'Add scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await dialog.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Canary by weight' });
  const name = dialog.getByLabel('Name', { exact: true });
  // A name Kubernetes would refuse is explained next to the field, and Add waits for a good one.
  await name.fill('Shop!');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await name.fill('shop');
  await dialog.getByLabel(/Canary percentage/).fill('20');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  const vs = graphNode(page, 'virtualService').filter({ hasText: 'shop' });
  await expect(vs).toBeVisible();
  const text = await editorText(page);
  expect(text).toMatch(/weight: 80[\s\S]*weight: 20/);
  expect(text.startsWith(before.trimEnd())).toBe(true);
  await screenshot(page, 'scenario-canary');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(vs).toHaveCount(0);
  expect(await editorText(page)).toBe(before);
});

test('from an empty workspace, the keyboard alone builds the HTTPS scenario: the palette, the dialog, Enter', async ({
  page,
}) => {
  await openApp(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('empty workspace');
  await page.keyboard.press('Enter');
  await expect(graphNode(page, 'gateway')).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('add scenario');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Scenario', { exact: true }).focus();
  await dialog
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'HTTPS with redirect' });
  await dialog.getByLabel('Name', { exact: true }).focus();
  await page.keyboard.type('shop');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/shop-gateway')).toBeVisible();
  // The view fits the new design: its first and last nodes are both on screen.
  await expect(graphNode(page, 'client')).toBeInViewport();
  await expect(graphNode(page, 'pods').first()).toBeInViewport();
  const text = await editorText(page);
  expect(text).toContain('httpsRedirect: true');
  expect(text).toContain('credentialName:');
  await screenshot(page, 'scenario-https-from-empty');
});
