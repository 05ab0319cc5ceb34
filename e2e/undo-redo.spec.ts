import type { Page } from '@playwright/test';
import { clickButton, editorText, graphNode, openApp, pasteIntoEditor } from './app.ts';
import { expect, test } from './fixtures.ts';
import { withVirtualServiceNamed } from './manifests.ts';

const GATEWAY = 'Gateway/istio-system/my-gateway';
const RENAMED = 'VirtualService/default/storefront';
const ORIGINAL = 'VirtualService/default/myapp';

/** What the three states look like: the example, after the text edit, after the graph edit. */
async function expectState(page: Page, vs: string, gateway: boolean) {
  await expect(graphNode(page, 'virtualService', vs)).toBeVisible();
  await expect(graphNode(page, 'gateway', GATEWAY)).toHaveCount(gateway ? 1 : 0);
  // The editor follows too (read whole: a paste leaves it scrolled to the end).
  expect(await editorText(page)).toContain(
    `kind: VirtualService\nmetadata:\n  name: ${vs.split('/')[2]}\n`,
  );
}

test('one history covers text and graph edits, by buttons and by keys', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await pasteIntoEditor(page, withVirtualServiceNamed('storefront'));
  await expectState(page, RENAMED, true);
  await graphNode(page, 'gateway', GATEWAY).click();
  await page.keyboard.press('Delete');
  await expectState(page, RENAMED, false);

  await clickButton(page, 'Undo');
  await expectState(page, RENAMED, true);
  await clickButton(page, 'Undo');
  await expectState(page, ORIGINAL, true);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  await clickButton(page, 'Redo');
  await expectState(page, RENAMED, true);
  await clickButton(page, 'Redo');
  await expectState(page, RENAMED, false);
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();

  // Outside the editor, Ctrl+Z and Ctrl+Shift+Z do the same (focus on the graph each time:
  // reading the editor's text put it in the editor, which has its own undo).
  await graphNode(page, 'client').click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expectState(page, RENAMED, true);
  await graphNode(page, 'client').click();
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expectState(page, RENAMED, false);
});
