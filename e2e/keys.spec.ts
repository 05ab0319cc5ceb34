import type { Page } from '@playwright/test';
import {
  editorLines,
  editorText,
  graphNode,
  manifests,
  openApp,
  pasteIntoEditor,
  screenshot,
  settled,
  viewportTransform,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';

/** Puts the cursor at the end of the first editor line holding `text`, with a click and End. */
async function cursorAtEndOf(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  // The YAML language (colours, and the indentation rules with them) loads after the editor.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  await editorLines(page).locator('.view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

/** The editor line (as drawn) that holds `text`, spaces as the user sees them. */
async function lineWith(page: Page, text: string): Promise<string> {
  const line = editorLines(page).locator('.view-line', { hasText: text }).first();
  return ((await line.textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** The x and y of a `translate(…px, …px) scale(…)` transform. */
function translation(transform: string): [number, number] {
  const [, x, y] = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\)/.exec(transform) ?? [];
  return [Number(x), Number(y)];
}

test('typing in the editor: spaces, Enter with its auto-indent, Tab, Shift+Tab, Ctrl+Z, Ctrl+F', async ({
  page,
}) => {
  await openApp(page);
  await cursorAtEndOf(page, 'name: my-gateway');
  // At a person's pace: Monaco colours a line (and so knows a comment has ended) between keys.
  await page.keyboard.type(' # a b c\n', { delay: 40 });
  // YAML's indentation: the new line keeps the key's indent, a key ending in ":" adds a level.
  await page.keyboard.type('labels:\nteam: edge', { delay: 40 });
  await expect.poll(() => lineWith(page, 'team: edge')).toBe('    team: edge');

  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect.poll(() => lineWith(page, 'team: edge')).toBe('      team: edge');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => lineWith(page, 'team: edge')).toBe('  team: edge');
  await page.keyboard.press('ControlOrMeta+Z');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => lineWith(page, 'team: edge')).toBe('      team: edge');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => lineWith(page, 'team: edge')).toBe('  team: edge');
  await page.keyboard.press('Tab');

  await page.keyboard.press('ControlOrMeta+F');
  const find = manifests(page).getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.type('a b c');
  await expect(manifests(page).getByText(/1 of 1/)).toBeVisible();
  await screenshot(page, 'keys-editor-find');
  await page.keyboard.press('Escape');

  const text = await editorText(page);
  expect(text).toContain(
    '  name: my-gateway # a b c\n  labels:\n    team: edge\n  namespace: istio-system\n',
  );
  // The text parses: the graph follows and shows nothing stale.
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
});

test('Ctrl+K, Ctrl+Shift+P and F1 open the command palette from inside the editor', async ({
  page,
}) => {
  await openApp(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  for (const key of ['ControlOrMeta+K', 'ControlOrMeta+Shift+P', 'F1']) {
    await cursorAtEndOf(page, 'name: my-gateway');
    await page.keyboard.press(key);
    await expect(palette, key).toBeVisible();
    await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  }
  // Nothing was typed into the text meanwhile.
  await expect.poll(() => lineWith(page, 'name: my-gateway')).toBe('  name: my-gateway');
});

test('Ctrl+P goes to a resource by name: selected, centred on the canvas, shown in the Inspector', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  const subset = graphNode(page, 'subset').filter({ hasText: 'v2' });
  await expect(subset).toBeVisible();
  // Far off to the side first, so going there has to move the view.
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 10, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 10, { steps: 5 });
  await page.mouse.up();

  await page.keyboard.press('ControlOrMeta+P');
  const goTo = page.getByRole('dialog', { name: 'Go to resource' });
  await expect(goTo).toBeVisible();
  await page.keyboard.type('shop v2');
  await expect(goTo.getByRole('option').first()).toContainText('v2');
  await page.keyboard.press('Enter');
  await expect(goTo).toBeHidden();

  await expect(subset).toHaveClass(/selected/);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 3 })).toContainText('v2');
  // Centred: its box inside the canvas's pane, its middle near the pane's.
  await expect
    .poll(async () => {
      const node = await subset.boundingBox();
      if (!node) return false;
      const inside =
        node.x >= box.x &&
        node.y >= box.y &&
        node.x + node.width <= box.x + box.width &&
        node.y + node.height <= box.y + box.height;
      const dx = Math.abs(node.x + node.width / 2 - (box.x + box.width / 2));
      return inside && dx < 20;
    })
    .toBe(true);
  // The keyboard is on the node found: Delete would act on it, as after a click.
  await expect(subset).toBeFocused();
  await screenshot(page, 'keys-go-to-resource');
});

test('Space held on the canvas pans it, even over a node; Space in the editor types', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);
  const gateway = graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway');
  const placeOf = () => gateway.evaluate((el) => (el as HTMLElement).style.transform);
  await gateway.click();
  await settled(() => viewportTransform(page));
  const before = await viewportTransform(page);
  const place = await placeOf();
  const start = await gateway.boundingBox();
  if (!start) throw new Error('no gateway');
  await page.keyboard.down('Space');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 80, start.y + start.height / 2 + 40, {
    steps: 8,
  });
  await page.mouse.up();
  await page.keyboard.up('Space');
  // The view moved, not the node within it (without Space, this drag moves the node).
  const [x0] = translation(before);
  const [x1] = translation(await viewportTransform(page));
  expect(x1 - x0).toBeGreaterThan(40);
  expect(await placeOf()).toBe(place);

  await cursorAtEndOf(page, 'name: my-gateway');
  const during = await viewportTransform(page);
  await page.keyboard.type(' x y');
  await expect.poll(() => lineWith(page, 'name: my-gateway')).toBe('  name: my-gateway x y');
  expect(await viewportTransform(page)).toBe(during);
});

test('Tab walks the toolbar, then the nodes in the path order, then the edges, each named by what it joins', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  await expect(graphNode(page, 'virtualService', 'VirtualService/web/shop')).toBeVisible();
  await page.getByRole('button', { name: 'Dark theme' }).focus();

  const walked: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.closest('.react-flow__viewport')) return null;
      const kind = el.getAttribute('data-kind');
      return `${kind ? 'node' : el.classList.contains('react-flow__edge') ? 'edge' : 'part'}: ${el.getAttribute('aria-label')}`;
    });
    if (name === null) {
      if (walked.length > 0) break;
      continue;
    }
    walked.push(name);
  }
  const nodes = walked.filter((w) => w.startsWith('node: '));
  expect(nodes.slice(0, 3)).toEqual([
    'node: Client client',
    'node: Load balancer istio-ingressgateway (implied)',
    'node: Gateway pods istio-ingressgateway (implied)',
  ]);
  expect(walked.indexOf('node: Gateway shop-gw')).toBeLessThan(
    walked.indexOf('node: VirtualService shop'),
  );
  const firstEdge = walked.findIndex((w) => w.startsWith('edge: '));
  expect(firstEdge).toBeGreaterThan(walked.lastIndexOf(nodes.at(-1) ?? ''));
  expect(walked).toContain('edge: route 90% from shop http[1] to shop v1');
  expect(walked).toContain('edge: bind from shop-gw to shop');
  expect(walked).toContain('edge: flow from client to istio-ingressgateway (implied)');
});
