import type { Locator, Page } from '@playwright/test';
import {
  editorText,
  graphNode,
  openApp,
  pasteIntoEditor,
  screenshot,
  settled,
  showRegion,
} from './app.ts';
import { expect, test } from './fixtures.ts';

const MYAPP = 'VirtualService/default/myapp';
const SUBSETS = 'DestinationRule/default/myapp';

/**
 * The built-in example's path with an 80/20 canary: the rule's two routes pass the Service
 * node on their way to the subsets (where the labels once hid), and a third subset, v3, no
 * rule routes to yet. Both destinations name port 8080.
 */
const CANARY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: my-gateway
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - myapp.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: myapp
  namespace: default
spec:
  hosts:
  - myapp.example.com
  gateways:
  - istio-system/my-gateway
  http:
  - name: myapp
    route:
    - destination:
        host: myapp
        subset: v1
        port:
          number: 8080
      weight: 80
    - destination:
        host: myapp
        subset: v2
        port:
          number: 8080
      weight: 20
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: myapp
  namespace: default
spec:
  host: myapp
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
  - name: v3
    labels:
      version: v3
---
apiVersion: v1
kind: Service
metadata:
  name: myapp
  namespace: default
spec:
  selector:
    app: myapp
  ports:
  - name: http
    port: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp-v1
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: myapp, version: v1}
  template:
    metadata:
      labels: {app: myapp, version: v1}
    spec:
      containers:
      - name: myapp
        image: example/myapp:1.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: myapp-v2
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels: {app: myapp, version: v2}
  template:
    metadata:
      labels: {app: myapp, version: v2}
    spec:
      containers:
      - name: myapp
        image: example/myapp:2.0
`;

function subset(page: Page, name: string): Locator {
  return graphNode(page, 'subset', SUBSETS).filter({ hasText: new RegExp(`\\b${name}\\b`) });
}

function ruleHandle(page: Page): Locator {
  return graphNode(page, 'virtualService', MYAPP)
    .locator('[data-kind="route"]')
    .first()
    .locator('.react-flow__handle');
}

/** Each edge label as drawn: its text, its box, and whether it is the top element at its centre. */
async function labels(page: Page) {
  return page.locator('.edge-label').evaluateAll((elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        text: element.textContent ?? '',
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
        onTop: top !== null && element.contains(top),
      };
    }),
  );
}

/** Every label is the top element at its centre, and no two labels' boxes overlap. */
async function expectReadable(page: Page, texts: readonly string[]): Promise<void> {
  await settled(() => labels(page));
  const drawn = await labels(page);
  expect(drawn.map((l) => l.text).sort()).toEqual([...texts].sort());
  for (const label of drawn)
    expect(label, `${label.text} is covered`).toMatchObject({ onTop: true });
  for (const [i, a] of drawn.entries())
    for (const b of drawn.slice(i + 1)) {
      const apart =
        a.box.x + a.box.width <= b.box.x ||
        b.box.x + b.box.width <= a.box.x ||
        a.box.y + a.box.height <= b.box.y ||
        b.box.y + b.box.height <= a.box.y;
      expect(apart, `${a.text} and ${b.text} overlap`).toBe(true);
    }
}

/** The on-screen size of an element's text: its font size times the canvas's zoom. */
async function textPixels(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const zoom = element.getBoundingClientRect().width / (element as HTMLElement).offsetWidth;
    return Number.parseFloat(getComputedStyle(element).fontSize) * zoom;
  });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses on `from`'s centre and moves, in steps as a hand does, to the centre of `to`. */
async function dragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  const start = await centre(from);
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2 + 30, { steps: 6 });
  await page.mouse.move(end.x, end.y, { steps: 6 });
}

/** `expectReadable` at 1280×720 and 1920×1080, the whole graph in view; a screenshot of each. */
async function expectReadableAtEachSize(page: Page, texts: readonly string[], name: string) {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expectReadable(page, texts);
    await screenshot(page, `${name}-${size.width}`);
  }
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY);
  await expect(subset(page, 'v3')).toBeVisible();
});

test('weight labels are drawn above the nodes, each readable and apart, at 1280×720 and 1920×1080', async ({
  page,
}) => {
  // At the fit the graph opens with, labels are as large on screen as node names (≥ 12 px).
  await settled(() => labels(page));
  const [label, name] = await Promise.all([
    textPixels(page.locator('.edge-label').first()),
    textPixels(graphNode(page, 'service').locator('.cnode__name')),
  ]);
  expect(label).toBeGreaterThanOrEqual(Math.min(12, name));
  await expectReadableAtEachSize(page, ['80%', '20%'], 'edges-weights');
});

test('the simulator’s shares are drawn above the nodes and apart, at 1280×720 and 1920×1080', async ({
  page,
}) => {
  const region = await showRegion(page, 'Simulate request');
  await region.getByLabel('URL', { exact: true }).fill('http://myapp.example.com/');
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.edge-label', { hasText: '80% of requests' })).toBeVisible();
  await expectReadableAtEachSize(page, ['80% of requests', '20% of requests'], 'edges-shares');
});

test('dropping a rule’s connection on the body of a subset routes there: the port is copied, the notice says the split, and its Undo takes it back', async ({
  page,
}) => {
  await settled(() => centre(subset(page, 'v3')));
  // The handle grows under the pointer; its hit area reaches past the dot.
  const handle = ruleHandle(page);
  const dot = await centre(handle);
  await page.mouse.move(dot.x + 5, dot.y + 5);
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x as number, y as number)?.className ?? '',
    [dot.x + 5, dot.y + 5],
  );
  expect(hit).toContain('react-flow__handle');

  await dragTo(page, handle, subset(page, 'v3'));
  await screenshot(page, 'edges-connect-dragging');
  await page.mouse.up();

  const notice = page.locator('.notice[role="status"]');
  await expect(notice).toContainText('myapp v1 54%, myapp v2 13%, myapp v3 33%');
  await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(3);
  await expect(page.locator('.edge-label', { hasText: '33%' })).toBeVisible();
  const text = await editorText(page);
  expect(text).toMatch(
    /subset: v2\n\s+port:\n\s+number: 8080\n\s+weight: 13\n\s+- destination:\n\s+host: myapp\n\s+subset: v3\n\s+port:\n\s+number: 8080\n\s+weight: 33\n/,
  );
  await screenshot(page, 'edges-connect-done');

  await notice.getByRole('button', { name: 'Undo this change' }).click();
  await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(2);
  const undone = await editorText(page);
  expect(undone).not.toContain('subset: v3\n        port');
  expect(undone).toContain('weight: 80');
});

test('while dragging over a node that refuses the connection, it says why; a drop there changes nothing', async ({
  page,
}) => {
  await settled(() => centre(subset(page, 'v3')));
  const gateway = graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway');
  await dragTo(page, gateway.locator('.react-flow__handle.source'), subset(page, 'v3'));
  const hint = page.locator('.connect-hint');
  await expect(hint).toContainText('A Gateway cannot route to a subset directly');
  await screenshot(page, 'edges-connect-refused');
  await page.mouse.up();
  await expect(hint).toBeHidden();
  await expect(page.locator('.notice[role="alert"]')).toContainText(
    'A Gateway cannot route to a subset',
  );
  await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(2);
});
