import type { Page } from '@playwright/test';
import { graphNode, importYaml, openApp, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';

/**
 * A shop behind ingress-nginx, written by us: a regex path with rewrite-target, a catch-all
 * path, a tls entry (so plain HTTP is redirected) and a canary Ingress chosen by a header.
 */
const SHOP = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/rewrite-target: /$2
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service:
            name: api
            port:
              number: 8080
      - path: /()(.*)
        pathType: ImplementationSpecific
        backend:
          service:
            name: frontend
            port:
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop-canary
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
    nginx.ingress.kubernetes.io/canary-by-header: x-beta
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api(/|$)(.*)
        pathType: ImplementationSpecific
        backend:
          service:
            name: api-beta
            port:
              number: 8080
`;

/** Types a URL (and a header) into the simulator as a person does, and sends it. */
async function send(page: Page, url: string, header?: string) {
  const region = await showRegion(page, 'Simulate request');
  const field = region.getByLabel('URL', { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(url);
  if (header !== undefined) {
    const headers = region.getByLabel('Headers', { exact: true });
    await headers.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(header);
  }
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region;
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await importYaml(page, SHOP);
  await expect(graphNode(page, 'ingress', 'Ingress/web/shop')).toBeVisible();
});

test('an HTTPS request is routed by the Ingress path that matches, rewritten as rewrite-target says', async ({
  page,
}) => {
  const region = await send(page, 'https://shop.example.com/api/orders/7');
  const answer = region.locator('[data-outcome="route"]');
  await expect(answer).toContainText('rule rules[0] of Ingress/web/shop');
  await expect(answer).toContainText('api.web.svc.cluster.local:8080');
  const steps = region.getByRole('list', { name: 'Steps' });
  await expect(steps.locator('li[data-step="rewrite"]')).toContainText('/api/orders/7 → /orders/7');
  await screenshot(page, 'ingress-simulate-route');

  await send(page, 'https://shop.example.com/cart');
  await expect(region.locator('[data-outcome="route"]')).toContainText(
    'rule rules[1] of Ingress/web/shop',
  );
  await expect(region.locator('[data-outcome="route"]')).toContainText('frontend');
});

test('plain HTTP to a host with a tls entry is redirected with 308 to HTTPS', async ({ page }) => {
  const region = await send(page, 'http://shop.example.com/api/orders/');
  const answer = region.locator('[data-outcome]');
  await expect(answer).toHaveAttribute('data-outcome', 'redirect');
  await expect(answer).toContainText('308 redirect to https://shop.example.com/api/orders');
});

test('the canary header sends the request to the canary Ingress’s backend', async ({ page }) => {
  const region = await send(page, 'https://shop.example.com/api/x', 'x-beta: always');
  await expect(region.locator('[data-outcome="route"]')).toContainText(
    'api-beta.web.svc.cluster.local:8080',
  );
  const steps = region.getByRole('list', { name: 'Steps' });
  await expect(steps).toContainText('canary Ingress/web/shop-canary: header x-beta: always');
});

test('an Ingress of class istio is answered by the Istio ingress gateway, which ignores nginx annotations', async ({
  page,
}) => {
  await importYaml(page, SHOP.replaceAll('ingressClassName: nginx', 'ingressClassName: istio'));
  await expect(graphNode(page, 'ingress', 'Ingress/web/shop')).toBeVisible();
  // Istio reads ImplementationSpecific /api(/|$)(.*) as an exact path: /api/orders matches no
  // path, and the gateway answers 404 where ingress-nginx routed it.
  const region = await send(page, 'https://shop.example.com/api/orders');
  await expect(region.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'noRoute');
  const steps = region.getByRole('list', { name: 'Steps' });
  await expect(steps).toContainText('Istio ignores ingress-nginx annotations');
  await expect(steps).toContainText('gateway pods port 8443');
});
