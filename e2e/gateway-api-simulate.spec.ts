import type { Page } from '@playwright/test';
import { graphNode, importYaml, openApp, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';

/** A Gateway API shop: one HTTP listener, an HTTPRoute with two rules, two Services with pods. */
const SHOP = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop-gateway
  namespace: shop
spec:
  gatewayClassName: istio
  listeners:
  - name: web
    port: 80
    protocol: HTTP
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: storefront
  namespace: shop
spec:
  parentRefs:
  - name: shop-gateway
  hostnames: [shop.example.com]
  rules:
  - name: api
    matches:
    - path: {type: PathPrefix, value: /api}
    backendRefs:
    - name: api
      port: 8080
  - name: pages
    matches:
    - path: {type: Exact, value: /}
    - path: {type: PathPrefix, value: /products}
    backendRefs:
    - name: frontend
      port: 8080
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: http, port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: frontend, namespace: shop}
spec:
  selector: {app: frontend}
  ports: [{name: http, port: 8080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: shop/api}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec: {containers: [{name: web, image: shop/frontend}]}
`;

const ROUTE = 'HTTPRoute/shop/storefront';

/** Types a URL into the simulator as a person does, and sends it. */
async function send(page: Page, url: string) {
  const region = await showRegion(page, 'Simulate request');
  const field = region.getByLabel('URL', { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(url);
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region;
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await importYaml(page, SHOP);
  await expect(graphNode(page, 'httpRoute', ROUTE)).toBeVisible();
});

test('a request is answered by the HTTPRoute rule that matches, named with its listener and backend', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/api/items');
  const answer = region.locator('[data-outcome="route"]');
  await expect(answer).toContainText(`rule api of ${ROUTE}`);
  await expect(answer).toContainText('api.shop.svc.cluster.local:8080');
  await expect(region.locator('.simulator__via')).toContainText('web (HTTP 80)');
  await expect(region.locator('.simulator__via')).toContainText(`${ROUTE} rules[0]`);
  // The steps say why the other rule's matches did not take the request.
  const steps = region.getByRole('list', { name: 'Steps' });
  await expect(steps.locator('li[data-step="rule"][data-matched="true"]')).toContainText(
    'PathPrefix "/api"',
  );
  // The graph lights the rule that answered, not the other one.
  const rules = graphNode(page, 'httpRoute', ROUTE).locator('[data-kind="route"]');
  await expect(rules.filter({ hasText: 'PathPrefix /api' })).toHaveAttribute('data-lit', 'true');
  await expect(rules.filter({ hasText: 'Exact /' })).toHaveAttribute('data-lit', 'false');
  await screenshot(page, 'gateway-api-simulate-route');

  // Clicking the step of the rule that matched selects that rule on the graph.
  await steps.locator('li[data-step="rule"][data-matched="true"]').getByRole('button').click();
  await expect(
    rules.filter({ hasText: 'PathPrefix /api' }).getByRole('button', { name: /^Rule api:/ }),
  ).toHaveAttribute('aria-pressed', 'true');

  await send(page, 'http://shop.example.com/products/42');
  await expect(region.locator('[data-outcome="route"]')).toContainText(`rule pages of ${ROUTE}`);
  await expect(region.locator('[data-outcome="route"]')).toContainText('frontend');
});

test('a path no rule matches is a 404 from the gateway, and a host the route does not serve too', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/admin');
  const answer = region.locator('[data-outcome]');
  await expect(answer).toHaveAttribute('data-outcome', 'noRoute');
  await expect(answer).toHaveAttribute('data-status', '404');
  await expect(answer).toContainText('no HTTPRoute rule matches on listener web');

  await send(page, 'http://other.example.com/api');
  await expect(region.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'noRoute');
});

test('a request saved as a test passes, and its rule counts in the route coverage', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/');
  await expect(region.locator('[data-outcome="route"]')).toContainText('rule pages');
  await region.getByRole('button', { name: 'Save as test', exact: true }).click();
  const tests = region.getByRole('region', { name: 'Saved tests' });
  await expect(tests.locator('li[data-pass="true"]')).toHaveCount(1);
  await expect(tests).toContainText('route coverage 50% (1/2 rules)');
  // The rule no saved test reaches is marked on the graph; the one the test reaches is not.
  const rules = graphNode(page, 'httpRoute', ROUTE).locator('[data-kind="route"]');
  await expect(rules.filter({ hasText: 'PathPrefix /api' })).toHaveAttribute(
    'data-uncovered',
    'true',
  );
  await expect(rules.filter({ hasText: 'Exact /' })).not.toHaveAttribute('data-uncovered', 'true');
  await screenshot(page, 'gateway-api-simulate-saved-test');
});
