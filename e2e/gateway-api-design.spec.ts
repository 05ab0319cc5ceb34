import {
  clickButton,
  drawConnection,
  editorText,
  graphNode,
  importYaml,
  openApp,
  screenshot,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest, nodesOutsidePane, overlappingNodes } from './seen.ts';

/**
 * A shop behind a Gateway API Gateway: the `web` route on the listener, sending everything to
 * v1; an `api` route attached to nothing yet; a Service per version.
 */
const SHOP = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: shop
spec:
  gatewayClassName: istio
  listeners:
  - name: http
    port: 80
    protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: shop
spec:
  parentRefs:
  - name: gw
  hostnames: [shop.example.com]
  rules:
  - backendRefs:
    - name: web-v1
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: api
  namespace: shop
spec:
  hostnames: [api.example.com]
  rules:
  - backendRefs:
    - name: web-v1
      port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web-v1
  namespace: shop
spec:
  selector: {app: web, version: v1}
  ports:
  - {name: http, port: 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: web-v2
  namespace: shop
spec:
  selector: {app: web, version: v2}
  ports:
  - {name: http, port: 8080}
`;

const GATEWAY = 'Gateway.gateway.networking.k8s.io/shop/gw';

/** The text of one document of the editor, from its `name:` line to the next `---`. */
function documentOf(text: string, name: string): string {
  const start = text.indexOf(`  name: ${name}\n`);
  const end = text.indexOf('---', start);
  return text.slice(start, end === -1 ? undefined : end);
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await importYaml(page, SHOP);
  await expect(graphNode(page, 'httpRoute', 'HTTPRoute/shop/web')).toBeVisible();
  await canvasAtRest(page);
});

test('a Service nothing routes to yet stands in the Services’ column: all in view, nothing drawn over anything', async ({
  page,
}) => {
  await expect(graphNode(page, 'service', 'Service/shop/web-v2')).toBeVisible();
  expect(await nodesOutsidePane(page)).toEqual([]);
  expect(await overlappingNodes(page)).toEqual([]);
  const [v1, v2] = await Promise.all([
    graphNode(page, 'service', 'Service/shop/web-v1').boundingBox(),
    graphNode(page, 'service', 'Service/shop/web-v2').boundingBox(),
  ]);
  // ELK once laid the lone Service out as a graph of its own, on top of the client.
  expect(Math.abs((v2?.x ?? 0) - (v1?.x ?? 0))).toBeLessThan(2);
});

test('a rule dragged to a second Service splits its traffic; the edges show the shares; Undo restores', async ({
  page,
}) => {
  const rule = graphNode(page, 'httpRoute', 'HTTPRoute/shop/web').locator('[data-kind="route"]');
  await drawConnection(page, rule, graphNode(page, 'service', 'Service/shop/web-v2'));
  await expect(page.locator('.notice[role="status"]')).toContainText(
    'now splits its traffic: web-v1 50%, web-v2 50%',
  );
  const web = documentOf(await editorText(page), 'web');
  expect(web).toMatch(/- name: web-v1\n\s+port: 8080\n\s+weight: 50\n/);
  expect(web).toMatch(/- name: web-v2\n\s+port: 8080\n\s+weight: 50\n/);
  await expect(page.locator('.edge-label', { hasText: '50%' })).toHaveCount(2);
  await screenshot(page, 'gateway-api-connect-rule');

  await clickButton(page, 'Undo');
  await expect(page.locator('.edge-label', { hasText: '50%' })).toHaveCount(0);
  expect(documentOf(await editorText(page), 'web')).not.toContain('web-v2');
});

test('a listener dragged to a route attaches it to that listener by sectionName; Undo restores', async ({
  page,
}) => {
  const api = graphNode(page, 'httpRoute', 'HTTPRoute/shop/api');
  await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(1);
  await drawConnection(page, graphNode(page, 'listener', GATEWAY), api);
  await expect(page.locator('.notice[role="status"]')).toContainText(
    'Attached HTTPRoute api to listener http of Gateway shop/gw',
  );
  expect(documentOf(await editorText(page), 'api')).toMatch(
    /parentRefs:\n\s+- name: gw\n\s+sectionName: http\n/,
  );
  await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(2);
  await screenshot(page, 'gateway-api-connect-listener');

  await clickButton(page, 'Undo');
  await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(1);
  expect(documentOf(await editorText(page), 'api')).not.toContain('parentRefs');
});

test('a connection the API cannot express is refused with the reason', async ({ page }) => {
  await drawConnection(
    page,
    graphNode(page, 'listener', GATEWAY),
    graphNode(page, 'service', 'Service/shop/web-v2'),
  );
  await expect(page.locator('.notice[role="alert"]')).toContainText(
    'A Gateway does not send to web-v2 directly',
  );
  expect(documentOf(await editorText(page), 'web')).not.toContain('web-v2');
});
