import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { generateIssueWorkspaceText } from '../scripts/generateWorkspace.ts';
import { graphNode, importFile, openApp, screenshot } from './app.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest } from './seen.ts';

interface Choice {
  readonly format?: 'SVG' | 'PNG';
  readonly area?: 'Whole graph' | 'Current view';
  readonly colours?: 'Light' | 'Dark';
}

/** Export → "Export diagram…", the choices clicked, Export; the downloaded file's bytes. */
async function exportDiagram(
  page: Page,
  choice: Choice = {},
): Promise<{ name: string; bytes: Buffer; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Export diagram/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  if (choice.format)
    await dialog.getByRole('radio', { name: new RegExp(`^${choice.format}`) }).check();
  if (choice.area) await dialog.getByRole('radio', { name: choice.area }).check();
  if (choice.colours) await dialog.getByRole('radio', { name: choice.colours }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  // Saved under its own name, so a browser opening it knows its type by the extension.
  const path = test.info().outputPath(`${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: await readFile(path), path };
}

/** The names the canvas shows on its nodes (whole, from their tooltip; no "(implied)" note). */
async function shownNames(page: Page): Promise<string[]> {
  const titles = await page
    .locator('.react-flow__node .cnode__name')
    .evaluateAll((els) => els.map((el) => el.getAttribute('title') ?? ''));
  return titles.map((t) => t.replace(/ \([^()]*\)$/, ''));
}

/** Opens an SVG file as Chromium opens a file (a context of its own: a file is no page of the app). */
async function openSvg(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number },
) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`file://${path}`);
  return { context, page };
}

/** A PNG's size from its IHDR chunk, after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const svgSize = (svg: string) => {
  const match = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(match?.[1]), height: Number(match?.[2]) };
};

test('the graph exported as SVG opens in Chromium with every node name readable', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await canvasAtRest(page);
  const names = await shownNames(page);
  expect(names).toEqual(expect.arrayContaining(['my-gateway', 'myapp', 'v1', 'v2']));

  const { name, path } = await exportDiagram(page);
  expect(name).toMatch(/\.svg$/);
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    const shown = await openSvg(browser, path, viewport);
    for (const nodeName of names) {
      const text = shown.page.locator('svg text').filter({ hasText: new RegExp(`^${nodeName}$`) });
      await expect(text.first()).toBeVisible();
      // Legible at the exported size: names are drawn at 10.5 px or more.
      const px = await text
        .first()
        .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(10.5);
    }
    await expect(
      shown.page.locator('svg text').filter({ hasText: /^prefix \/myapp$/ }),
    ).toBeVisible();
    await screenshot(shown.page, `diagram-svg-${viewport.width}x${viewport.height}`);
    await shown.context.close();
  }
});

test('PNG export: a PNG at twice the SVG size; the current view is the part the canvas shows', async ({
  page,
}) => {
  await openApp(page);
  await canvasAtRest(page);
  const svg = (await exportDiagram(page)).bytes.toString('utf8');
  const png = await exportDiagram(page, { format: 'PNG', colours: 'Dark' });
  expect(png.name).toMatch(/\.png$/);
  const size = pngSize(png.bytes);
  const drawn = svgSize(svg);
  expect(size.width).toBe(drawn.width * 2);
  expect(size.height).toBe(drawn.height * 2);
  expect(size.width).toBeGreaterThan(800);

  // Zoomed in on the canvas, the current view holds only some nodes, at the pane's shape.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await canvasAtRest(page);
  const view = (await exportDiagram(page, { area: 'Current view' })).bytes.toString('utf8');
  const pane = await page.locator('.react-flow').boundingBox();
  const shape = svgSize(view);
  expect(
    Math.abs(shape.width / shape.height - (pane?.width ?? 0) / (pane?.height ?? 1)),
  ).toBeLessThan(0.02);
  const countNodes = (file: string) => (file.match(/class="node"/g) ?? []).length;
  expect(countNodes(view)).toBeGreaterThan(0);
  expect(countNodes(view)).toBeLessThan(countNodes(svg));
  await expect(graphNode(page, 'gateway')).toHaveCount(1);
});

test('a large grouped graph exports every resource, ungrouped, and says the current view cannot be matched', async ({
  page,
}) => {
  await openApp(page);
  await importFile(page, 'teams.yaml', generateIssueWorkspaceText(200));
  await expect(graphNode(page, 'group').first()).toBeVisible();

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /Export diagram/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export diagram' });
  await expect(dialog.getByRole('radio', { name: 'Current view' })).toBeDisabled();
  await expect(dialog).toContainText('ungrouped');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const svg = (await exportDiagram(page)).bytes.toString('utf8');
  // 40 namespaces of a Gateway, a VirtualService, two subsets and their pods each, all drawn.
  for (const gateway of ['gw-0', 'gw-17', 'gw-39'])
    expect(svg.includes(`>${gateway}</text>`), gateway).toBe(true);
  expect((svg.match(/class="node"/g) ?? []).length).toBeGreaterThan(200);
});
