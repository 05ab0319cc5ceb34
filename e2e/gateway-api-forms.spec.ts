import {
  editorLines,
  editorText,
  graphNode,
  importYaml,
  manifests,
  openApp,
  screenshot,
  showRegion,
  waitForEditor,
} from './app.ts';
import { expect, test } from './fixtures.ts';

/** A Gateway API design: one HTTP listener, a route with one rule for /cart, its Service. */
const SHOP = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shop-gateway
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
  name: shop
  namespace: shop
spec:
  parentRefs:
  - name: shop-gateway
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /cart
    backendRefs:
    - name: cart
      port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector:
    app: cart
  ports:
  - name: http
    port: 8080
`;

async function importShop(page: Parameters<typeof openApp>[0]): Promise<void> {
  await openApp(page);
  // The Import dialog's text area is where a manifest is pasted: pasting is the feature.
  await importYaml(page, SHOP);
}

test('a rule’s path typed in the Inspector is written to the YAML; a path without its slash says why and writes nothing', async ({
  page,
}) => {
  await importShop(page);
  await waitForEditor(page);
  const before = await editorText(page);

  const route = graphNode(page, 'httpRoute', 'HTTPRoute/shop/shop');
  const rule = route.locator('[data-kind="route"]');
  await rule.getByRole('button').click();
  const inspector = await showRegion(page, 'Inspector');

  const path = inspector.getByLabel('Path', { exact: true });
  await expect(path).toHaveValue('/cart');
  await expect(inspector.getByLabel('Path match type', { exact: true })).toHaveValue('PathPrefix');
  await path.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('/cart/v2', { delay: 20 });
  await expect(rule).toContainText('/cart/v2');
  await expect(path).not.toHaveAttribute('aria-invalid', 'true');

  // The CRD's rule: an Exact or PathPrefix value is an absolute path.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('api', { delay: 20 });
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  await expect(path).toHaveAccessibleDescription(/A path must start with "\/"/);
  await screenshot(page, 'gateway-api-forms-path');

  // Only the path's line changed, to the valid value; `api` was never written.
  const after = await editorText(page);
  expect(after).toBe(before.replace('value: /cart\n', 'value: /cart/v2\n'));
  expect(after).not.toContain('value: api');
});

test('the editor completes and documents an HTTPRoute’s fields from the Gateway API schema', async ({
  page,
}) => {
  await importShop(page);
  await waitForEditor(page);
  // Wait for the YAML language (its indentation rules) as a person waits to see the colours.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();

  // The HTTPRoute's `spec:` is the second document's: a new line under it, then Ctrl+Space.
  await editorLines(page)
    .locator('.view-line', { hasText: /^\s*parentRefs:\s*$/ })
    .click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('  ');
  await page.keyboard.press('ControlOrMeta+Space');

  const suggestions = manifests(page).locator('.suggest-widget .monaco-list-row');
  await expect(suggestions.first()).toBeVisible();
  const offered = manifests(page).locator('.suggest-widget');
  await expect(offered.locator('.monaco-list-row', { hasText: 'hostnames' })).toBeVisible();
  // The Gateway API's fields, not an Istio VirtualService's.
  await expect(offered.locator('.monaco-list-row', { hasText: /^http$/ })).toHaveCount(0);
  await screenshot(page, 'gateway-api-forms-completion');

  // Typing narrows it to `hostnames`; Enter takes it.
  await page.keyboard.type('hostn', { delay: 30 });
  await expect(suggestions.first()).toContainText('hostnames');
  await page.keyboard.press('Enter');
  const line = editorLines(page).locator('.view-line', { hasText: 'hostnames' });
  await expect(line).toBeVisible();

  // Hovering the key shows its documentation from the API reference.
  await line.locator('span', { hasText: 'hostnames' }).last().hover();
  const hover = manifests(page).locator('.monaco-hover:not(.hidden)');
  await expect(hover).toContainText('Hostnames defines a set of hostnames');
  await screenshot(page, 'gateway-api-forms-hover');
});
