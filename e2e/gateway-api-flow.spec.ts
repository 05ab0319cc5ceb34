import type { Page } from '@playwright/test';
import {
  drawConnection,
  editorText,
  graphNode,
  importYaml,
  openApp,
  screenshot,
  showRegion,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import { BOOKINFO } from './gatewayApiBookinfo.ts';
import { canvasAtRest, nodesOutsidePane, overlappingNodes, smallestNamePx } from './seen.ts';

/** The Gateway API bookinfo with a second version of the product page nothing routes to yet. */
const BOOKINFO_V2 = `${BOOKINFO}---
apiVersion: v1
kind: Service
metadata: {name: productpage-v2, namespace: bookinfo}
spec:
  selector: {app: productpage, version: v2}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: productpage-v2, namespace: bookinfo}
spec:
  selector: {matchLabels: {app: productpage, version: v2}}
  template:
    metadata: {labels: {app: productpage, version: v2}}
    spec: {containers: [{name: productpage, image: istio/examples-bookinfo-productpage-v2}]}
`;

const ROUTE = 'HTTPRoute/bookinfo/bookinfo';

/** Types a URL into the simulator as a person does, and sends it. */
async function send(page: Page, url: string) {
  const region = await showRegion(page, 'Simulate request');
  await region.getByLabel('URL', { exact: true }).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(url);
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region.locator('[data-outcome]');
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`import the Gateway API bookinfo, send the product page to a second version by dragging, and simulate the split (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await importYaml(page, BOOKINFO_V2);
    const route = graphNode(page, 'httpRoute', ROUTE);
    await expect(route).toBeVisible();
    await canvasAtRest(page);
    expect(await nodesOutsidePane(page)).toEqual([]);
    expect(await overlappingNodes(page)).toEqual([]);
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);

    // Before: the rule sends everything to the one product page Service.
    await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(1);

    // The rule row dragged onto the second Service splits the traffic evenly.
    await drawConnection(
      page,
      route.locator('[data-kind="route"]'),
      graphNode(page, 'service', 'Service/bookinfo/productpage-v2'),
    );
    await expect(page.locator('.edge-label', { hasText: '50%' })).toHaveCount(2);
    expect(await editorText(page)).toMatch(
      /- name: productpage-v2\n\s+port: 9080\n\s+weight: 50\n/,
    );

    // The product page request is split half and half, and both Services' pods are lit.
    const after = await send(page, 'http://bookinfo.example/productpage');
    await expect(after).toHaveAttribute('data-outcome', 'route');
    await expect(after).toContainText('productpage-v2.bookinfo.svc.cluster.local:9080');
    await expect(after).toContainText('50%');
    await expect(route.locator('[data-kind="route"]')).toHaveAttribute('data-lit', 'true');
    await expect(page.getByText('50% of requests')).toHaveCount(2);
    // A path outside the rule's matches is the gateway's 404.
    await expect(await send(page, 'http://bookinfo.example/staticfiles')).toHaveAttribute(
      'data-status',
      '404',
    );
    await send(page, 'http://bookinfo.example/productpage');
    await canvasAtRest(page);
    await screenshot(page, `gateway-api-flow-${size.width}`);
  });
}
