import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { graphNode, openApp, pasteIntoEditor, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';

// Istio's Bookinfo as its docs run it: the Gateway server on 8080, the ingress Service's port
// 80 targeting 8080, and `curl http://$INGRESS_HOST/productpage`.
const BOOKINFO = readFile(
  new URL('../src/simulate/fixtures/bookinfo-8080.yaml', import.meta.url),
  'utf8',
);

/** Types the URL into the Simulate request panel, as a person would, and sends it. */
async function typeAndSend(page: Page, url: string) {
  const region = await showRegion(page, 'Simulate request');
  const field = region.getByLabel('URL', { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(url);
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region;
}

test('Bookinfo answers on port 80: the load balancer carries 80 to the server on 8080', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, await BOOKINFO);
  const balancer = graphNode(page, 'loadBalancer', 'Service/istio-system/istio-ingressgateway');
  await expect(balancer).toContainText('80 → 8080');

  const region = await typeAndSend(page, 'http://203.0.113.7/productpage');
  await expect(region.locator('[data-outcome="route"]')).toContainText('productpage');
  const hop = region.locator('li[data-step="loadBalancer"]');
  await expect(hop).toContainText(
    'load balancer port 80 → gateway pods port 8080 (Service istio-system/istio-ingressgateway)',
  );
  await expect(region.locator('li[data-step="server"]').first()).toContainText(
    'HTTP server on port 8080',
  );
  await screenshot(page, 'ports-bookinfo');
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(balancer).toContainText('80 → 8080');
    await screenshot(page, `ports-bookinfo-${width}`);
  }

  // A port the Service does not expose: the connection fails, and the answer says why.
  await typeAndSend(page, 'http://203.0.113.7:8080/productpage');
  await expect(region.locator('[data-outcome="noServer"]')).toBeVisible();
  await expect(region.locator('li[data-step="server"]').last()).toContainText(
    'the load balancer has no port 8080',
  );
});

test("the first example's own load balancer Service carries 80 to 80", async ({ page }) => {
  await openApp(page);
  const balancer = graphNode(page, 'loadBalancer', 'Service/istio-system/istio-ingressgateway');
  await expect(balancer).toContainText('ports 80 · 443');
  const region = await typeAndSend(page, 'http://myapp.example.com/myapp');
  await expect(region.locator('[data-outcome="route"]')).toBeVisible();
  await expect(region.locator('li[data-step="loadBalancer"]')).toContainText(
    'load balancer port 80 → gateway pods port 80 (Service istio-system/istio-ingressgateway)',
  );
});

test('a Gateway on port 80 with the implied ingress: the load balancer shows 80 → 8080 and :80 routes', async ({
  page,
}) => {
  await openApp(page);
  // Only the Gateway and its route: the ingress pods and their Service are istioctl's implied ones.
  await pasteIntoEditor(
    page,
    (await BOOKINFO)
      .split('\n---\n')
      .slice(0, 2)
      .join('\n---\n')
      .replace('number: 8080', 'number: 80'),
  );
  await expect(graphNode(page, 'loadBalancer').first()).toContainText('80 → 8080');
  const region = await typeAndSend(page, 'http://203.0.113.7/productpage');
  await expect(region.locator('[data-outcome="route"]')).toBeVisible();
  await expect(region.locator('li[data-step="server"]').first()).toContainText(
    'port 80, listening on 8080',
  );
  await screenshot(page, 'ports-implied-ingress');
});
