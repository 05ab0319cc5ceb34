import type { Page } from '@playwright/test';
import {
  graphNode,
  openApp,
  screenshot,
  settled,
  viewportTransform,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';

/** The canvas's background colour as drawn, and whether it is a dark one. */
async function canvasIsDark(page: Page): Promise<boolean> {
  const colour = await page
    .locator('.react-flow')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 255, g = 255, b = 255] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 80;
}

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test.describe('with the system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the first open is dark; a theme chosen in the toolbar is kept across reloads', async ({
    page,
  }) => {
    await openApp(page);
    expect(await theme(page)).toBe('dark');
    expect(await canvasIsDark(page)).toBe(true);
    const button = page.getByRole('button', { name: 'Dark theme' });
    await expect(button).toHaveAttribute('aria-pressed', 'true');

    await button.click();
    expect(await theme(page)).toBe('light');
    expect(await canvasIsDark(page)).toBe(false);
    // Saved after a short pause, like the workspace.
    await expect
      .poll(() => page.evaluate(() => JSON.stringify(window.localStorage)))
      .toContain('\\"chosenTheme\\":\\"light\\"');
    await page.reload();
    await expect(graphNode(page, 'gateway').first()).toBeVisible();
    expect(await theme(page)).toBe('light');
    expect(await canvasIsDark(page)).toBe(false);
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`first open at ${width}×${height}, dark and light`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openApp(page);
      await waitForEditor(page);
      await settled(() => viewportTransform(page));
      await screenshot(page, `theme-dark-${width}x${height}`);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await canvasIsDark(page)).toBe(false);
      await screenshot(page, `theme-light-${width}x${height}`);
    });
  }
});

test.describe('with the system set to light', () => {
  test.use({ colorScheme: 'light' });

  test('the first open is light until the user picks dark', async ({ page }) => {
    await openApp(page);
    expect(await theme(page)).toBe('light');
    expect(await canvasIsDark(page)).toBe(false);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await theme(page)).toBe('dark');
    expect(await canvasIsDark(page)).toBe(true);
  });
});
