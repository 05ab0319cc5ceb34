import type { Locator, Page } from '@playwright/test';
import { graphNode, manifests, openApp, screenshot, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });

/** Whether `inner`'s box lies wholly inside `outer`'s. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  if (!a || !b) return false;
  return (
    a.x >= b.x - 1 &&
    a.y >= b.y - 1 &&
    a.x + a.width <= b.x + b.width + 1 &&
    a.y + a.height <= b.y + b.height + 1
  );
}

async function selectVirtualService(page: Page): Promise<Locator> {
  await graphNode(page, 'virtualService', 'VirtualService/default/myapp')
    .locator('.cnode__header')
    .click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toContainText('myapp');
  return inspector;
}

test('at 1280×720 the Inspector shows the whole form; the editor folds to its tabs and comes back', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);
  const inspector = await selectVirtualService(page);
  const panel = page.getByRole('tabpanel');
  const fields = inspector.locator('input, select, textarea');
  await expect(fields.first()).toBeVisible();
  const count = await fields.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible())) continue;
    expect(await inside(field, panel), `field ${i} in view`).toBe(true);
  }
  // The editor is folded to its file tabs, which say where the YAML went.
  await expect(manifests(page).getByRole('tab', { name: 'myapp.yaml' })).toBeVisible();
  await expect(manifests(page).locator('.monaco-editor')).toBeHidden();
  await screenshot(page, 'small-inspector-1280x720');

  await manifests(page).getByRole('button', { name: 'Show editor' }).click();
  await expect(manifests(page).locator('.monaco-editor')).toBeVisible();
  // The panels' own button maximises them again, by keyboard too.
  const maximize = page.getByRole('button', { name: 'Maximize panels' });
  await expect(maximize).toHaveAttribute('aria-pressed', 'false');
  await maximize.focus();
  await page.keyboard.press('Enter');
  await expect(manifests(page).locator('.monaco-editor')).toBeHidden();
  await expect(maximize).toHaveAttribute('aria-pressed', 'true');

  // Problems is a list: there the editor stays. The simulator is a form: it gets the column.
  await page.getByRole('tab', { name: 'Problems' }).click();
  await expect(manifests(page).locator('.monaco-editor')).toBeVisible();
  await page.getByRole('tab', { name: 'Simulate request' }).click();
  const simulate = page.getByRole('region', { name: 'Simulate request' });
  await expect(manifests(page).locator('.monaco-editor')).toBeHidden();
  for (const name of ['URL', 'Method', 'Headers']) {
    expect(await inside(simulate.getByLabel(name, { exact: true }), panel), name).toBe(true);
  }
  expect(await inside(simulate.getByRole('button', { name: 'Send' }), panel)).toBe(true);
  await screenshot(page, 'small-simulate-1280x720');
});
