/**
 * Importing what a platform team has: a multi-megabyte paste or file is read in slices, with its
 * progress shown and a Cancel that changes nothing, and the page never stops answering.
 */
import type { Page } from '@playwright/test';
import { generateIssueWorkspaceText } from '../scripts/generateWorkspace.ts';
import { clickButton, graphNode, importFile, openApp, screenshot, startFileImport } from './app.ts';
import { expect, test } from './fixtures.ts';

const EXAMPLE_GATEWAY = 'Gateway/istio-system/my-gateway';

/** Puts `text` on the clipboard and pastes it with the keys a person presses. */
async function paste(page: Page, into: ReturnType<Page['getByLabel']>, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await into.click();
  await page.keyboard.press('Control+V');
}

test('a 2 MB paste is taken whole, read with its progress shown, and drawn as groups', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const text = generateIssueWorkspaceText(5000);
  expect(text.length).toBeGreaterThan(2_000_000);
  await openApp(page);
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  const yaml = dialog.getByLabel('YAML', { exact: true });
  await paste(page, yaml, text);
  // The text area says what it holds rather than taking seconds to show 2 MB.
  await expect(yaml).toHaveValue(/^Pasted 2\.\d MB \(5,000 documents\)/);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(dialog.getByText(/^Reading 2\.\d MB… \d+%$/)).toBeVisible();
  await screenshot(page, 'big-import-progress');
  // While it reads, the page answers: a frame is drawn within a moment.
  const frame = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );
  expect(frame).toBeLessThan(250);
  await expect(dialog).toBeHidden({ timeout: 90_000 });
  await expect(page.locator('[data-kind="group"]').first()).toBeVisible({ timeout: 60_000 });
  await expect(graphNode(page, 'gateway', EXAMPLE_GATEWAY)).toHaveCount(0);
  // Until the checks answer for the new workspace, Problems does not claim there are none.
  await expect(page.getByText('No problems found.')).toHaveCount(0);
  await screenshot(page, 'big-import-done');
});

test('Cancel while a big file is read leaves the workspace as it was', async ({ page }) => {
  await openApp(page);
  const dialog = await startFileImport(page, 'teams.yaml', generateIssueWorkspaceText(5000));
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // The dialog stays, ready to import again; nothing was replaced.
  await expect(dialog.getByRole('progressbar')).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(graphNode(page, 'gateway', EXAMPLE_GATEWAY)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('hundreds of findings are listed a page at a time', async ({ page }) => {
  await openApp(page);
  await importFile(page, 'teams.yaml', generateIssueWorkspaceText(500));
  const problems = page.getByRole('region', { name: 'Problems' });
  const more = problems.getByRole('button', { name: /^Show 50 more \(\d+ not shown\)$/ });
  await expect(more).toBeVisible({ timeout: 30_000 });
  await expect(problems.getByRole('listitem')).toHaveCount(50);
  const hiddenBefore = Number(/\((\d+) not shown\)/.exec((await more.textContent()) ?? '')?.[1]);
  await more.click();
  await expect(problems.getByRole('listitem')).toHaveCount(50 + Math.min(50, hiddenBefore));
});
