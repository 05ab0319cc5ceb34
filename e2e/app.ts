/**
 * How the flows drive the designer, through what CONTRACT section 5 promises (roles, names,
 * `data-kind` / `data-resource`) and what a user sees, never through the app's internals.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';

/** A graph node by kind (CONTRACT section 2), optionally by the resource it stands for. */
export function graphNode(page: Page, kind: string, resource?: string): Locator {
  // Names come from YAML and may hold quotes: escaped for the CSS attribute selector.
  const byResource =
    resource === undefined ? '' : `[data-resource="${resource.replace(/["\\]/g, '\\$&')}"]`;
  return page.locator(`[data-kind="${kind}"]${byResource}`);
}

/** Opens the app and waits for the graph, which comes before the (lazy) editor. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(graphNode(page, 'gateway').first()).toBeVisible();
}

export function manifests(page: Page): Locator {
  return page.getByRole('region', { name: 'Manifests' });
}

/** Monaco's rendered lines: only those in view are in the DOM. */
export function editorLines(page: Page): Locator {
  return manifests(page).locator('.monaco-editor .view-lines');
}

export async function waitForEditor(page: Page): Promise<void> {
  await expect(editorLines(page)).toBeVisible();
}

/**
 * Replaces the editor's text by pasting, as a user would paste a whole manifest (typing it
 * would get the editor's auto-indent on every line: tests about typing type, see typing.spec).
 */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/**
 * The editor's whole text, copied out with Ctrl+A, Ctrl+C (the DOM holds only the lines in
 * view). A marker written first makes sure the text read is the copy, not an older clipboard.
 */
export async function editorText(page: Page): Promise<string> {
  await waitForEditor(page);
  const marker = `not copied yet ${Math.random()}`;
  await page.evaluate((m) => navigator.clipboard.writeText(m), marker);
  // Ctrl+A outside the editor would select (and copy) the whole page: the keys go only once
  // the click has put focus in the editor (a notice or a selection may still be settling).
  await expect(async () => {
    await editorLines(page).click();
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(
      true,
    );
  }).toPass();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  let text = marker;
  await expect
    .poll(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text;
    })
    .not.toBe(marker);
  return text;
}

/**
 * A region by name (CONTRACT section 5), shown first when it sits behind a tab or a button of
 * the same name.
 */
export async function showRegion(page: Page, name: string): Promise<Locator> {
  const region = page.getByRole('region', { name, exact: true });
  if (!(await region.isVisible())) {
    const opener = page
      .getByRole('tab', { name, exact: true })
      .or(page.getByRole('button', { name, exact: true }));
    await opener.first().click();
  }
  await expect(region).toBeVisible();
  return region;
}

/**
 * The notice that the graph shows the last text that parsed, not the current one (its wording
 * is the app's: "stale", "out of date", "showing the last valid version"…).
 */
export function staleNotice(page: Page): Locator {
  return page.getByText(/stale|out of date|last (valid|good)/i);
}

/** Clicks the toolbar button of that exact name. */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
}

/**
 * Exports through "Export" (directly, or through its menu item naming YAML that is not the
 * clipboard copy) and returns the downloaded file's name and text.
 */
export async function exportYaml(page: Page): Promise<{ name: string; text: string }> {
  const downloaded = page.waitForEvent('download');
  await clickButton(page, 'Export');
  const item = page
    .getByRole('menuitem', { name: /YAML/ })
    .filter({ hasNotText: /clipboard/i })
    .first();
  const direct = await Promise.race([downloaded, item.waitFor().then(() => null)]);
  const download = direct ?? (await Promise.all([downloaded, item.click()]))[0];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/**
 * Picks a file in the Import dialog, as a person with a file does, and presses Import; returns
 * the dialog (a big file is still being read).
 */
export async function startFileImport(page: Page, name: string, text: string): Promise<Locator> {
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Files').setInputFiles({
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'text/yaml',
    buffer: Buffer.from(text),
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  return dialog;
}

/** Imports a file through the Import dialog and waits until it is read. */
export async function importFile(page: Page, name: string, text: string): Promise<void> {
  const dialog = await startFileImport(page, name, text);
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** Imports manifests by pasting them into the Import dialog's YAML field (the feature there). */
export async function importYaml(page: Page, text: string): Promise<void> {
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('YAML', { exact: true }).fill(text);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Saves a full-page screenshot as test-results/screens/NAME.png, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(test.info().project.outputDir, 'screens');
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Waits until what `read` measures stops changing (a layout, a fit or a placement has landed). */
export async function settled(read: () => Promise<unknown>): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await read());
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** The canvas's pan and zoom, as React Flow draws them. */
export async function viewportTransform(page: Page): Promise<string> {
  return page
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
}

/**
 * Draws an edge with the mouse as a hand does: presses on the source's handle, moves in steps
 * and lets go on the middle of the target node's body (not on a handle). With `alt`, Alt is held
 * while dragging (a mirror instead of a route).
 */
export async function drawConnection(
  page: Page,
  from: Locator,
  to: Locator,
  { alt = false } = {},
): Promise<void> {
  await settled(() => to.boundingBox());
  const start = await from.locator('.react-flow__handle-right').boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('handle or node not visible');
  const [x, y] = [end.x + end.width / 2, end.y + end.height / 2];
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(x - 40, y + 20, { steps: 8 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}
