/**
 * Nothing false on the screen (issue 10, point 5): the pods drawn for a subset are its
 * Service's, the simulator's headline agrees with its steps (503 when nothing answers), the graph
 * lights only the pods that receive the request, and the prefix-rewrite double slash is flagged
 * and fixed in one click.
 */
import type { Locator, Page } from '@playwright/test';
import { editorText, graphNode, openApp, pasteIntoEditor, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_YAML } from './manifests.ts';

/** The example's Gateway (myapp.example.com on port 80), then a split over two subsets. */
const ROUTE = `${EXAMPLE_YAML.split('\n---\n')[0]}
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
  - name: split
    route:
    - destination:
        host: myapp
        subset: v1
      weight: 80
    - destination:
        host: myapp
        subset: v2
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
`;

function deployment(name: string, app: string, version: string): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: default
spec:
  selector:
    matchLabels: {app: ${app}, version: ${version}}
  template:
    metadata:
      labels: {app: ${app}, version: ${version}}
`;
}

/** Another app whose pods carry the same version labels as myapp's subsets. */
const SHOP_PODS = deployment('shop-v1', 'shop', 'v1') + deployment('shop-v2', 'shop', 'v2');

const MYAPP_SERVICE = `---
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
`;

const SHOP_V1 = 'Deployment/default/shop-v1';
const SHOP_V2 = 'Deployment/default/shop-v2';
const MYAPP_V1 = 'Deployment/default/myapp-v1';

/** Types the URL into the simulator as a person would and sends it. */
async function send(page: Page, url: string): Promise<Locator> {
  const region = await showRegion(page, 'Simulate request');
  const field = region.getByLabel('URL', { exact: true });
  await field.click();
  await field.press('ControlOrMeta+A');
  await page.keyboard.type(url);
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region;
}

test("a subset's pods are never another app's: without the Service, the graph says so", async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, ROUTE + SHOP_PODS);
  await expect(graphNode(page, 'pods', SHOP_V1)).toBeVisible();

  const implied = page.locator('[data-kind="pods"][aria-label*="Service not in this workspace"]');
  await expect(implied).toHaveCount(2);
  await expect(implied.first()).toHaveAttribute(
    'aria-label',
    /pods with version=v1 of myapp \(Service not in this workspace\)/,
  );
  // Each subset selects its implied node; nothing joins myapp's subsets to shop's pods.
  const selects = page.locator('[data-edge-kind="select"]');
  await expect(selects).toHaveCount(2);
  for (const label of await selects.evaluateAll((edges) =>
    edges.map((e) => e.getAttribute('aria-label') ?? ''),
  ))
    expect(label).not.toContain('shop');
  await screenshot(page, 'truth-no-service');

  // The simulator cannot tell either: it routes, says why it cannot tell, and lights no shop pod.
  const region = await send(page, 'http://myapp.example.com/');
  const headline = region.locator('[data-outcome]');
  await expect(headline).toContainText('its Service is not in this workspace');
  await expect(graphNode(page, 'pods', SHOP_V1)).toHaveClass(/sim-dim/);
  await expect(graphNode(page, 'pods', SHOP_V2)).toHaveClass(/sim-dim/);
});

test('a route whose pods none match answers 503, in the headline as in the steps, and lights no pods', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, ROUTE + MYAPP_SERVICE + SHOP_PODS);
  await expect(graphNode(page, 'service', 'Service/default/myapp')).toBeVisible();

  const region = await send(page, 'http://myapp.example.com/api');
  const headline = region.locator('[data-outcome]');
  await expect(headline).toHaveText('503 from the gateway: no endpoints for myapp v1, v2 (UH)');
  await expect(headline).toHaveAttribute('data-status', '503');
  await expect(headline).toHaveAttribute('data-tone', 'failed');
  // Not green: the headline is in the error colour.
  const color = await headline.evaluate((e) => getComputedStyle(e).color);
  expect(color).not.toBe('rgb(22, 163, 74)');
  // The steps say the same of each destination, and nothing claims a backend received it.
  const steps = region.getByRole('list', { name: 'Steps' }).locator('li[data-step="destination"]');
  await expect(steps).toHaveCount(2);
  for (const step of await steps.all()) {
    await expect(step).toContainText('503 UH');
    // Marked as failing (✗), not as a success.
    await expect(step).toHaveAttribute('data-matched', 'false');
  }
  await expect(region.getByText('Backend receives')).toHaveCount(0);
  // No pod receives the request: none is lit.
  await expect(page.locator('[data-kind="pods"].sim-lit')).toHaveCount(0);
  await expect(graphNode(page, 'pods', SHOP_V1)).toHaveClass(/sim-dim/);
  await screenshot(page, 'truth-503');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(headline).toBeVisible();
  await screenshot(page, 'truth-503-1280');
  await page.setViewportSize({ width: 1440, height: 900 });

  // With myapp's v1 pods added, v1 answers and the 20% sent to v2 fail: the headline says which.
  await pasteIntoEditor(
    page,
    ROUTE + MYAPP_SERVICE + SHOP_PODS + deployment('myapp-v1', 'myapp', 'v1'),
  );
  await expect(graphNode(page, 'pods', MYAPP_V1)).toBeVisible();
  await send(page, 'http://myapp.example.com/api');
  await expect(headline).toContainText('v1 (80%); 20% fail with 503: myapp v2 has no endpoints');
  await expect(headline).toHaveAttribute('data-tone', 'partial');
  // Exactly the receiving pods are lit.
  await expect(graphNode(page, 'pods', MYAPP_V1)).toHaveClass(/sim-lit/);
  await expect(page.locator('[data-kind="pods"].sim-lit')).toHaveCount(1);
  await expect(graphNode(page, 'pods', SHOP_V1)).toHaveClass(/sim-dim/);
  await screenshot(page, 'truth-partial');
});

test('the example has no problem; a prefix rewrite that doubles the slash is flagged and fixed in one click', async ({
  page,
}) => {
  await openApp(page);
  const problems = await showRegion(page, 'Problems');
  await expect(problems.getByText('No problems found.')).toBeVisible();

  // The example as it was before issue 10: prefix /myapp rewritten to /.
  const doubled = EXAMPLE_YAML.replace(
    '        prefix: /myapp\n',
    '        prefix: /myapp\n    rewrite:\n      uri: /\n',
  );
  expect(doubled).not.toBe(EXAMPLE_YAML);
  await pasteIntoEditor(page, doubled);
  const entry = problems.locator('li[data-code="vs-rewrite-double-slash"]');
  await expect(entry).toBeVisible();
  await expect(entry).toHaveAttribute('data-severity', 'warning');
  await expect(entry).toContainText(
    'prefix /myapp rewritten to / sends /myapp/api as //api to the backend',
  );
  // The simulator shows the same path reaching the backend.
  const simulator = await send(page, 'http://myapp.example.com/myapp/api/items');
  await expect(simulator.getByText('Backend receives')).toContainText('GET //api/items');
  await showRegion(page, 'Problems');
  await screenshot(page, 'truth-double-slash');

  await entry.getByRole('button', { name: /^Match prefix \/myapp\// }).click();
  await expect(entry).toHaveCount(0);
  await expect(problems.getByText('No problems found.')).toBeVisible();
  const text = await editorText(page);
  expect(text).toContain('prefix: /myapp/');
  expect(text).toContain('exact: /myapp');
  await send(page, 'http://myapp.example.com/myapp/api/items');
  await expect(simulator.getByText('Backend receives')).toContainText('GET /api/items');
});
