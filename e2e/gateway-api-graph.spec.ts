import type { Page } from '@playwright/test';
import { graphNode, importYaml, openApp, screenshot } from './app.ts';
import { expect, test } from './fixtures.ts';
import { BOOKINFO } from './gatewayApiBookinfo.ts';
import { canvasAtRest, nodesOutsidePane, smallestNamePx } from './seen.ts';

/** Istio's tcp-echo sample: a TCP listener and a TCPRoute bound to it by its name. */
const TCP_ECHO = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: tcp-echo-gateway
  namespace: echo
spec:
  gatewayClassName: istio
  listeners:
  - name: tcp-31400
    protocol: TCP
    port: 31400
    allowedRoutes:
      kinds:
      - kind: TCPRoute
---
apiVersion: v1
kind: Service
metadata:
  name: tcp-echo-v1
  namespace: echo
spec:
  selector: {app: tcp-echo, version: v1}
  ports:
  - name: tcp
    port: 9000
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tcp-echo-v1
  namespace: echo
spec:
  selector:
    matchLabels: {app: tcp-echo, version: v1}
  template:
    metadata:
      labels: {app: tcp-echo, version: v1}
    spec:
      containers:
      - name: tcp-echo
        image: docker.io/istio/tcp-echo-server:1.3
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: tcp-echo
  namespace: echo
spec:
  parentRefs:
  - name: tcp-echo-gateway
    sectionName: tcp-31400
  rules:
  - backendRefs:
    - name: tcp-echo-v1
      port: 9000
`;

const GATEWAY = 'Gateway.gateway.networking.k8s.io/bookinfo/bookinfo-gateway';

/** Every node inside the pane and every name at least 12 px tall, once the view has settled. */
async function expectReadableAndWhole(page: Page): Promise<void> {
  await canvasAtRest(page);
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await expect.poll(() => smallestNamePx(page)).toBeGreaterThanOrEqual(12);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`bookinfo in the Gateway API draws its whole path at ${size.width}×${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await importYaml(page, BOOKINFO);

    // client → the load balancer and pods Istio creates for the Gateway → the Gateway.
    await expect(graphNode(page, 'client')).toBeVisible();
    const balancer = graphNode(page, 'loadBalancer');
    await expect(balancer).toHaveAccessibleName(/^Load balancer bookinfo-gateway-istio /);
    await expect(balancer.locator('.cnode__name')).toHaveText('bookinfo-gateway-istio');
    await expect(balancer).toContainText('created by Istio for Gateway bookinfo-gateway');
    const pods = graphNode(page, 'gatewayWorkload');
    await expect(pods).toHaveAccessibleName(/^Gateway pods bookinfo-gateway-istio /);
    await expect(pods.locator('.cnode__name')).toHaveText('bookinfo-gateway-istio');
    await expect(pods).toContainText('pods created by Istio');
    const gateway = graphNode(page, 'gateway', GATEWAY);
    await expect(gateway).toBeVisible();
    await expect(gateway).toContainText('class istio');

    // The listener is a row of the Gateway, with its port, protocol and what it admits.
    const listener = gateway.locator('[data-kind="listener"]');
    await expect(listener).toHaveCount(1);
    await expect(listener).toContainText('http');
    await expect(listener).toContainText('80 HTTP');
    await expect(listener).toContainText('from Same · HTTPRoute, GRPCRoute');

    // The HTTPRoute with its one rule as a row: the five matches summed up.
    const route = graphNode(page, 'httpRoute', 'HTTPRoute/bookinfo/bookinfo');
    await expect(route).toBeVisible();
    const rule = route.locator('[data-kind="route"]');
    await expect(rule).toHaveCount(1);
    await expect(rule).toContainText('Exact /productpage, PathPrefix /static +3');

    // The backendRef goes to the Service, and the Service to its pods.
    await expect(graphNode(page, 'service', 'Service/bookinfo/productpage')).toBeVisible();
    await expect(graphNode(page, 'pods', 'Deployment/bookinfo/productpage-v1')).toBeVisible();
    await expect(page.locator('[data-edge-kind="flow"]')).toHaveCount(3);
    await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(1);
    await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(1);
    await expect(page.locator('[data-edge-kind="select"]')).toHaveCount(1);
    await expect(
      page.locator('[aria-label="bind from bookinfo-gateway listener http to bookinfo"]'),
    ).toHaveCount(1);

    await expectReadableAndWhole(page);
    await screenshot(page, `gateway-api-bookinfo-${size.width}`);
  });
}

test('tcp-echo: the TCP listener binds the TCPRoute, whose rule reaches tcp-echo-v1', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await importYaml(page, TCP_ECHO);
  const gateway = graphNode(
    page,
    'gateway',
    'Gateway.gateway.networking.k8s.io/echo/tcp-echo-gateway',
  );
  const listener = gateway.locator('[data-kind="listener"]');
  await expect(listener).toContainText('tcp-31400');
  await expect(listener).toContainText('31400 TCP');
  await expect(listener).toContainText('TCPRoute');
  const route = graphNode(page, 'tcpRoute', 'TCPRoute/echo/tcp-echo');
  await expect(route.locator('[data-kind="route"]')).toContainText('any connection');
  await expect(graphNode(page, 'service', 'Service/echo/tcp-echo-v1')).toBeVisible();
  await expect(graphNode(page, 'pods', 'Deployment/echo/tcp-echo-v1')).toBeVisible();
  await expect(page.locator('[data-edge-kind="bind"]')).toHaveCount(1);
  await expect(page.locator('[data-edge-kind="route"]')).toHaveCount(1);
  await expectReadableAndWhole(page);
  await screenshot(page, 'gateway-api-tcp-echo-1280');
});

test('a backendRef into another namespace without a ReferenceGrant is drawn broken, with the reason', async ({
  page,
}) => {
  await openApp(page);
  await importYaml(
    page,
    BOOKINFO.replace(
      '- name: productpage\n      port: 9080',
      '- name: productpage\n      namespace: shop\n      port: 9080',
    ).replace('name: productpage\n  namespace: bookinfo', 'name: productpage\n  namespace: shop'),
  );
  const broken = page.locator('[data-edge-kind="route"][data-broken="RefNotPermitted"]');
  await expect(broken).toHaveCount(1);
  await expect(page.locator('.edge-label', { hasText: 'RefNotPermitted' })).toBeVisible();
  await canvasAtRest(page);
  await screenshot(page, 'gateway-api-broken-ref');
});
