import { editorLines, graphNode, importYaml, openApp, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';
import { canvasAtRest, nodesOutsidePane, smallestNamePx } from './seen.ts';

/**
 * A shop behind ingress-nginx: one TLS host, two paths (one Service port by number, one by
 * name), both Services in the workspace. Our own manifest, after the Kubernetes docs' fanout.
 */
const SHOP = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /cart
        pathType: Prefix
        backend:
          service:
            name: cart
            port:
              number: 8080
      - path: /api
        pathType: Prefix
        backend:
          service:
            name: api
            port:
              name: http
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector: {app: cart}
  ports:
  - port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector: {app: api}
  ports:
  - name: http
    port: 80
`;

test('an imported Ingress draws its paths as rows to its Services, lights the one a request takes, and a wrong port typed in is listed', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await importYaml(page, SHOP);

  // client → ingress-nginx's load balancer and controller pods (implied) → the Ingress.
  await expect(graphNode(page, 'client')).toBeVisible();
  await expect(graphNode(page, 'loadBalancer')).toContainText('ingress-nginx-controller');
  await expect(graphNode(page, 'gatewayWorkload')).toContainText('ingress-nginx-controller');
  const ingress = graphNode(page, 'ingress', 'Ingress/shop/shop');
  await expect(ingress).toBeVisible();
  await expect(ingress).toHaveAccessibleName(/^Ingress shop/);

  // Each path is a row, named by its host, path and pathType.
  const rows = ingress.locator('[data-kind="route"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('shop.example.com /cart (Prefix)');
  await expect(rows.nth(1)).toContainText('shop.example.com /api (Prefix)');
  await expect(graphNode(page, 'service', 'Service/shop/cart')).toBeVisible();
  await expect(graphNode(page, 'service', 'Service/shop/api')).toBeVisible();
  await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(2);
  await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(1);

  await canvasAtRest(page);
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
  await screenshot(page, 'ingress-shop-1280');

  // A request for /api lights that path's row, not the other.
  const simulator = await showRegion(page, 'Simulate request');
  await simulator.getByLabel('URL', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('https://shop.example.com/api/orders');
  await simulator.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(simulator.locator('[data-outcome="route"]')).toContainText(
    'api.shop.svc.cluster.local',
  );
  await expect(rows.nth(1)).toHaveAttribute('data-lit', 'true');
  await expect(rows.nth(0)).toHaveAttribute('data-lit', 'false');
  await screenshot(page, 'ingress-shop-lit');

  // Nothing wrong with the ports yet.
  const problems = await showRegion(page, 'Problems');
  const portProblem = problems.locator('li[data-code="ingress-service-port-not-found"]');
  await expect(portProblem).toHaveCount(0);

  // The cart's port typed wrong: 8080 → 8081.
  await expect(editorLines(page).locator('span[class*="mtk"]:not(.mtk1)').first()).toBeVisible();
  await editorLines(page).locator('.view-line', { hasText: 'number: 8080' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1', { delay: 30 });

  await expect(portProblem).toHaveCount(1);
  await expect(portProblem).toHaveAttribute('data-severity', 'error');
  await expect(portProblem).toContainText('8081');
  await expect(portProblem).toContainText('cart');
  // Each entry's code stays beside its message, never drawn over it (long Ingress codes once were).
  for (const entry of await problems.locator('li[data-code]').all()) {
    const [message, code] = await Promise.all([
      entry.locator('.message').boundingBox(),
      entry.locator('.code').first().boundingBox(),
    ]);
    expect(message && code && message.x + message.width <= code.x + 1).toBe(true);
  }
  await screenshot(page, 'ingress-shop-port');
});

test('ingress-nginx annotations show on the Ingress: routing ones as row tags, the others listed as not modelled', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const annotated = SHOP.replace(
    '  namespace: shop\nspec:\n  ingressClassName: nginx',
    [
      '  namespace: shop',
      '  annotations:',
      '    nginx.ingress.kubernetes.io/rewrite-target: /$2',
      '    nginx.ingress.kubernetes.io/use-regex: "true"',
      '    nginx.ingress.kubernetes.io/proxy-body-size: 8m',
      'spec:',
      '  ingressClassName: nginx',
    ].join('\n'),
  );
  await importYaml(page, annotated);
  const ingress = graphNode(page, 'ingress', 'Ingress/shop/shop');
  await expect(ingress).toContainText('not modelled: proxy-body-size');
  const rows = ingress.locator('[data-kind="route"]');
  await expect(rows).toHaveCount(2);
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row).toContainText('rewrite /$2');
    await expect(row).toContainText('regex');
  }
  await canvasAtRest(page);
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await screenshot(page, 'ingress-annotations-1280');
});
