import { openApp } from './app.ts';
import { expect, test } from './fixtures.ts';

test('Ctrl+K lists every command by name; typing filters, Enter runs the first match', async ({
  page,
}) => {
  await openApp(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('option', { name: /Undo/ })).toBeVisible();
  await expect(palette.getByRole('option', { name: /Add scenario/ })).toBeVisible();

  await page.keyboard.type('dark theme');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('simulate');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Simulate request' })).toBeVisible();

  // Escape closes the palette without running anything.
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
