import type { Browser, Page } from '@playwright/test';
import {
  editorLines,
  editorText,
  graphNode,
  importFile,
  openApp,
  screenshot,
  showRegion,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest } from './seen.ts';

/** The example's only rule, by what its row shows. */
const rule = (page: Page, match: string) =>
  graphNode(page, 'virtualService', 'VirtualService/default/myapp')
    .locator('[data-kind="route"]')
    .filter({ hasText: match });

/** Types a change into the example as a person does: the rule's prefix /myapp becomes /myapp/v2. */
async function typePrefixChange(page: Page): Promise<void> {
  // Wait for the YAML language (colours and indentation rules) as a person waits to see it.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  // The line is below the editor's fold on a laptop screen: found with Find, as a person would.
  await editorLines(page).click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('prefix: /myapp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
  await page.keyboard.type('/v2', { delay: 40 });
  await expect(rule(page, 'prefix /myapp/v2')).toBeVisible();
}

/** Opens Share…, returns the link it shows (and checks it was copied), and closes it. */
async function shareLink(page: Page, keepOpen = false): Promise<string> {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog.getByText('Copied to the clipboard.')).toBeVisible();
  const link = await dialog.getByLabel('Link').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  if (!keepOpen) {
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
  }
  return link;
}

/** A fresh browser profile (no storage), as a colleague's browser is; its requests recorded. */
async function freshProfile(browser: Browser, baseURL: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, page: await context.newPage(), requests };
}

/**
 * Where each node stands on the canvas (graph coordinates, whatever the zoom), by node id, in
 * whole pixels (as a link carries them).
 */
async function nodePlaces(page: Page): Promise<Record<string, number[]>> {
  await canvasAtRest(page);
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => [
        el.dataset.id ?? '',
        (el.style.transform.match(/-?[\d.]+/g) ?? []).map((n) => Math.round(Number(n))),
      ]),
    ),
  );
}

const askDialog = (page: Page) => page.getByRole('dialog', { name: 'Open the shared design?' });

test('a shared link opened in a fresh browser profile shows the same design', async ({
  page,
  browser,
  baseURL,
}) => {
  await openApp(page);
  await typePrefixChange(page);
  const typed = await editorText(page);
  // A saved test goes with the design.
  const simulator = await showRegion(page, 'Simulate request');
  await simulator.getByLabel('URL', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('http://myapp.example.com/myapp/v2/cart');
  await simulator.getByRole('button', { name: 'Send', exact: true }).click();
  await simulator.getByRole('button', { name: 'Save as test', exact: true }).click();
  await expect(
    simulator.getByRole('region', { name: 'Saved tests' }).locator('li[data-pass="true"]'),
  ).toHaveCount(1);
  // Arranged by hand: the Gateway dragged below its place.
  const gateway = graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway');
  const box = await gateway.boundingBox();
  if (!box) throw new Error('no gateway on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 160, { steps: 8 });
  await page.mouse.up();
  const arranged = await nodePlaces(page);
  const link = await shareLink(page);
  const origin = new URL(baseURL ?? '').origin;
  expect(link.startsWith(`${origin}/#d1=`)).toBe(true);
  // The design is in the fragment only: the part a browser never sends to a server.
  expect(new URL(link).search).toBe('');

  const fresh = await freshProfile(browser, baseURL ?? '');
  await fresh.page.goto(link);
  // A fresh profile holds only the example: nothing to lose, so nothing is asked.
  await expect(rule(fresh.page, 'prefix /myapp/v2')).toBeVisible();
  await expect(askDialog(fresh.page)).toHaveCount(0);
  // Arranged as it was: every node where the sender left it, the dragged Gateway too.
  expect(await nodePlaces(fresh.page)).toEqual(arranged);
  expect(await editorText(fresh.page)).toBe(typed);
  const freshTests = (await showRegion(fresh.page, 'Simulate request')).getByRole('region', {
    name: 'Saved tests',
  });
  await expect(freshTests.locator('li[data-pass="true"]')).toHaveCount(1);
  await expect(freshTests).toContainText('/myapp/v2/cart');
  // The fragment is gone from the address: a reload opens the saved workspace, asks nothing.
  await expect.poll(() => new URL(fresh.page.url()).hash).toBe('');
  await fresh.page.reload();
  await expect(rule(fresh.page, 'prefix /myapp/v2')).toBeVisible();
  await expect(askDialog(fresh.page)).toHaveCount(0);
  // Every request of the colleague's browser went to the app's own origin.
  expect(fresh.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  await fresh.context.close();
});

test('a link opened over edited work asks first: Keep mine keeps them, Open replaces as one undo step', async ({
  page,
}) => {
  await openApp(page);
  // A link to the example as it opens, then work of one's own.
  const link = await shareLink(page);
  await typePrefixChange(page);
  const mine = await editorText(page);

  await page.goto(link);
  await expect(askDialog(page)).toBeVisible();
  await askDialog(page).getByRole('button', { name: 'Keep mine' }).click();
  await expect(askDialog(page)).toBeHidden();
  await expect(rule(page, 'prefix /myapp/v2')).toBeVisible();
  expect(await editorText(page)).toBe(mine);
  expect(new URL(page.url()).hash).toBe('');

  await page.goto(link);
  await askDialog(page).getByRole('button', { name: 'Open shared design' }).click();
  await expect(rule(page, 'prefix /myapp')).toHaveText(/prefix \/myapp(?!\/v2)/);
  await expect(rule(page, 'prefix /myapp/v2')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(rule(page, 'prefix /myapp/v2')).toBeVisible();
  expect(await editorText(page)).toBe(mine);
});

test('a damaged link says so and leaves the example, or the work, as it was', async ({ page }) => {
  await openApp(page);
  const link = await shareLink(page);
  const cut = link.slice(0, link.length - 25);

  // Opened in a new tab: the example is there, and a message says why the link was not opened.
  const tab = await page.context().newPage();
  await tab.goto(cut);
  await expect(
    tab.getByRole('alert').filter({ hasText: 'Your workspace is unchanged' }),
  ).toContainText('damaged or incomplete');
  await expect(graphNode(tab, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
  await expect(rule(tab, 'prefix /myapp')).toBeVisible();
  await tab.close();

  // Over work: the work stays.
  await typePrefixChange(page);
  const mine = await editorText(page);
  await page.goto(`${new URL(link).origin}/#d1=${'x'.repeat(40)}`);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Your workspace is unchanged' }),
  ).toContainText('Your workspace is unchanged');
  await expect(askDialog(page)).toHaveCount(0);
  await expect(rule(page, 'prefix /myapp/v2')).toBeVisible();
  expect(await editorText(page)).toBe(mine);
});

test('Share from the command palette; a design too large for a link offers the file instead', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('share');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await expect(dialog.getByLabel('Link')).toHaveValue(/#d1=/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A ConfigMap of 60 kB that does not compress (a pseudo-random text, as a bundled cert is).
  let seed = 12345;
  let blob = '';
  while (blob.length < 60_000) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    blob += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(seed >>> 0) % 64];
  }
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bundle\ndata:\n  blob: ${blob}\n`;
  await importFile(page, 'bundle.yaml', big);
  await page.getByRole('button', { name: 'Share…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('too large for a link');
  await expect(dialog.getByLabel('Link')).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download YAML' }).click();
  expect((await downloading).suggestedFilename()).toBe('manifests.yaml');
});

test('screens: the share dialog at 1280×720 and 1920×1080', async ({ page }) => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openApp(page);
    await shareLink(page, true);
    await screenshot(page, `share-dialog-${width}x${height}`);
    await page.getByRole('button', { name: 'Done' }).click();
  }
});
