import { clickButton, editorLines, openApp, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';

/** A Gateway API design that is accepted: one HTTP listener `http`, a route, its Service. */
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
    - path: {type: PathPrefix, value: /cart}
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
  selector: {app: cart}
  ports:
  - name: http
    port: 8080
`;

test('a sectionName typed into a parentRef that names no listener is listed where it is written, and goes when typed right', async ({
  page,
}) => {
  await openApp(page);
  await clickButton(page, 'Import');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('YAML', { exact: true }).fill(SHOP);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  const problems = await showRegion(page, 'Problems');
  const gatewayApiErrors = problems.locator('li[data-code^="gwapi-"][data-severity="error"]');
  await expect(problems.locator('li[data-code="gwapi-route-no-parent"]')).toHaveCount(0);
  await expect(gatewayApiErrors).toHaveCount(0);

  // Wait for the YAML language (its indentation rules) as a person waits to see the colours.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  await editorLines(page).locator('.view-line', { hasText: '- name: shop-gateway' }).click();
  await page.keyboard.press('End');
  // Enter keeps the list item's indent; two spaces line the new key up under `name`.
  await page.keyboard.press('Enter');
  await page.keyboard.type('  sectionName: https', { delay: 30 });

  const lines = SHOP.split('\n');
  const sectionLine = lines.indexOf('  - name: shop-gateway') + 2;
  const finding = problems.locator('li[data-code="gwapi-section-not-found"]');
  await expect(finding).toBeVisible();
  await expect(finding).toHaveAttribute('data-severity', 'error');
  await expect(finding).toContainText('sectionName "https" names no listener');
  await expect(finding).toContainText(`:${sectionLine}:`);
  await screenshot(page, 'gateway-api-checks-section');

  // Typed back to the listener's name, the route is accepted again.
  await page.keyboard.press('Backspace');
  await expect(finding).toHaveCount(0);
  await expect(gatewayApiErrors).toHaveCount(0);
});
