import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  clickButton,
  editorLines,
  editorText,
  exportYaml,
  graphNode,
  importYaml,
  manifests,
  openApp,
  screenshot,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';

const SHOP = 'VirtualService/web/shop';

/** Saves what a person looks at: into E2E_OUT when a run names one, else with the other screens. */
async function shot(page: Page, name: string): Promise<void> {
  const out = process.env.E2E_OUT;
  if (out) await page.screenshot({ path: join(out, 'screens', `${name}.png`) });
  else await screenshot(page, name);
}

/**
 * Puts the cursor at the end of the line holding `text`: a click in the editor, Ctrl+F to find
 * the line (it may be out of view), Escape, End — as a person goes to a line.
 */
async function endOfLine(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+F');
  const find = manifests(page).getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await find.fill('');
  await page.keyboard.type(text);
  await expect(manifests(page).getByText(/^1 of \d+$/)).toBeVisible();
  await page.keyboard.press('Escape');
  // The keys go to the text once Escape has given the focus back from the find field.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const at = document.activeElement;
        return !!at?.closest('.monaco-editor') && !at.closest('.find-widget');
      }),
    )
    .toBe(true);
  // The found text stays selected until End reaches the editor; a person sees the selection
  // go before typing over it (a key pressed while Find was still closing was lost).
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(manifests(page).locator('.monaco-editor .selected-text')).toHaveCount(0, {
      timeout: 500,
    });
  }).toPass();
}

/** Puts the cursor at the end of a line in view: a click on it, then End. */
async function atEndOf(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  await editorLines(page).locator('.view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

/** Replaces the number at the end of an editor line by typing: two Backspaces, then the digits. */
async function retype(page: Page, line: string, value: string): Promise<void> {
  await endOfLine(page, line);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value, { delay: 30 });
  await expect(editorLines(page)).toContainText(`${line.slice(0, -2)}${value}`);
}

async function openCompare(page: Page) {
  await clickButton(page, 'Compare…');
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`a weight typed in the editor: Compare shows the traffic that moves, v1 90% → 70% (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    // The design as the team has it: imported, so it is the workspace "as opened".
    await importYaml(page, CANARY_YAML);
    const split = graphNode(page, 'virtualService', SHOP).getByRole('button', {
      name: /^Rule split:/,
    });
    await expect(split).toBeVisible();

    await retype(page, 'weight: 90', '70');
    await retype(page, 'weight: 10', '30');
    // Something else selected on the graph, so the change clicked later visibly selects its rule.
    await graphNode(page, 'gateway', 'Gateway/istio-system/shop-gw').click();
    await expect(split).toHaveAttribute('aria-pressed', 'false');

    const dialog = await openCompare(page);
    await expect(dialog.getByRole('radio', { name: 'The workspace as opened' })).toBeChecked();
    await expect(dialog.getByRole('status')).toHaveText(
      /^1 resource changed, \d+ requests? answered differently, 0 findings new or gone$/,
    );

    // What changes for traffic, in a reviewer's words: the requests the split answers move.
    const traffic = dialog.getByRole('region', { name: 'Traffic' });
    const moved = traffic.getByRole('listitem').filter({ hasText: 'v1 90% → 70%, v2 10% → 30%' });
    await expect(moved.first()).toBeVisible();
    await expect(moved.first()).toContainText(/^GET shop\.example\.com\//);
    // The beta header's requests still go to v2 alone: not listed.
    await expect(traffic.getByText(/with x-beta: 1:/)).toHaveCount(0);
    const fontSize = await moved
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);

    const resources = dialog.getByRole('region', { name: 'Resources' });
    await expect(resources).toContainText('spec.http[1].route[0].weight');
    await expect(resources).toContainText('spec.http[1].route[1].weight');
    await expect(dialog.getByRole('region', { name: 'Findings' })).toContainText(
      'No finding appears or goes away.',
    );
    await shot(page, `compare-weight-${size.width}`);

    // The change, clicked: the dialog gives way to the rule, selected on the graph.
    await resources.getByRole('button', { name: `changed ${SHOP}` }).click();
    await expect(dialog).toBeHidden();
    await expect(split).toHaveAttribute('aria-pressed', 'true');
  });
}

test('a reformatting typed in the editor (comments, a blank line) is "No differences" (Compare from Ctrl+K)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  // Both lines are in view: the person clicks them, as they would.
  await atEndOf(page, 'name: my-gateway');
  await page.keyboard.type('   # the edge of the mesh', { delay: 20 });
  await expect(editorLines(page)).toContainText('name: my-gateway   # the edge of the mesh');
  await atEndOf(page, 'kind: VirtualService');
  await page.keyboard.press('Enter');
  await page.keyboard.type('# reviewed by ops', { delay: 20 });
  await expect(editorLines(page)).toContainText('# reviewed by ops');
  expect(await editorText(page)).toContain('kind: VirtualService\n# reviewed by ops\nmetadata:');

  // This time from the command palette, as a keyboard user opens it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await page.keyboard.type('compare with');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await expect(dialog.getByRole('status')).toHaveText('No differences');
  await expect(dialog.getByRole('region', { name: 'Traffic' })).toHaveCount(0);
  await shot(page, 'compare-reformat-1280');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('compare with an uploaded file and with the last export', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await importYaml(page, CANARY_YAML);
  await exportYaml(page);
  // After the export, the split goes half and half.
  await retype(page, 'weight: 90', '50');
  await retype(page, 'weight: 10', '50');

  const dialog = await openCompare(page);
  await dialog.getByRole('radio', { name: 'The last export' }).check();
  await expect(
    dialog.getByRole('region', { name: 'Traffic' }).getByText('v1 90% → 50%, v2 10% → 50%').first(),
  ).toBeVisible();

  // A colleague's version, as a file: theirs already sends 30% to v2.
  await dialog.getByLabel('File to compare with').setInputFiles({
    name: 'theirs.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(
      CANARY_YAML.replace('weight: 90', 'weight: 70').replace('weight: 10', 'weight: 30'),
    ),
  });
  await expect(dialog.getByRole('radio', { name: 'The file theirs.yaml' })).toBeChecked();
  await expect(
    dialog.getByRole('region', { name: 'Traffic' }).getByText('v1 70% → 50%, v2 30% → 50%').first(),
  ).toBeVisible();
  await shot(page, 'compare-file-1920');
});
