/**
 * The screenshots a person looks at before calling the screen done (test-results/screens/):
 * each size the issue names, light and dark, at first open and after a Bookinfo-sized import.
 * Each also checks what must hold in every one of them: the system's theme, readable names.
 */
import { clickButton, graphNode, openApp, screenshot, waitForEditor } from './app.ts';
import { BOOKSTORE_YAML } from './bookstore.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest, nodesOutsidePane, smallestNamePx } from './seen.ts';

const SIZES = [
  [1280, 720],
  [1440, 900],
  [1920, 1080],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} system theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [width, height] of SIZES) {
      test(`${width}×${height}: first open and a Bookinfo-sized import`, async ({ page }) => {
        await page.setViewportSize({ width, height });
        await openApp(page);
        await waitForEditor(page);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
        // The quick columns stand still too until the layout arrives: wait for the fit.
        await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
        await canvasAtRest(page);
        expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
        expect(await nodesOutsidePane(page)).toEqual([]);
        await screenshot(page, `screen-${width}x${height}-${scheme}-first`);

        await clickButton(page, 'Import');
        const dialog = page.getByRole('dialog');
        await dialog
          .locator('input[type="file"]')
          .setInputFiles([
            { name: 'bookstore.yaml', mimeType: 'text/yaml', buffer: Buffer.from(BOOKSTORE_YAML) },
          ]);
        await dialog.getByRole('button', { name: 'Import', exact: true }).click();
        await expect(
          graphNode(page, 'virtualService', 'VirtualService/bookstore/bookstore'),
        ).toBeVisible();
        // The file tab names what was imported.
        await expect(page.getByRole('tab', { name: /bookstore\.yaml/ })).toBeVisible();
        // Wait for the layout's fit: the whole graph, or (1280×720) the first path, in view.
        await expect
          .poll(async () => (await nodesOutsidePane(page)).includes('VirtualService bookstore'))
          .toBe(false);
        if (width > 1280) await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
        await canvasAtRest(page);
        expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
        // Whole where it reads whole (at 1280×720 the first request path shows: readable.spec).
        if (width > 1280) expect(await nodesOutsidePane(page)).toEqual([]);
        await screenshot(page, `screen-${width}x${height}-${scheme}-bookstore`);
      });
    }
  });
}
