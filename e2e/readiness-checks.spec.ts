import { editorText, graphNode, importFile, openApp, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';

/**
 * A gateway Deployment of our own that fails the ingress guide's checklist twice: its
 * autoscaler keeps a single pod, and its proxy's CPU limit is below its request.
 */
const GATEWAY_YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: edge}
spec:
  selector: {istio: edge}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: istio-edge, namespace: edge}
spec:
  selector: {matchLabels: {istio: edge}}
  template:
    metadata: {labels: {istio: edge, app: istio-edge}}
    spec:
      containers:
      - name: istio-proxy
        image: auto
        resources:
          requests: {cpu: "1", memory: 256Mi}
          limits: {cpu: 500m, memory: 1Gi}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: istio-edge, namespace: edge}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: istio-edge}
  minReplicas: 1
  maxReplicas: 4
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: istio-edge, namespace: edge}
spec:
  maxUnavailable: 1
  selector: {matchLabels: {istio: edge}}
`;

const HPA = 'HorizontalPodAutoscaler/edge/istio-edge';

test("a gateway that fails the production checklist is listed in Problems, badged, and each finding's fix clears it", async ({
  page,
}) => {
  await openApp(page);
  await importFile(page, 'edge.yaml', GATEWAY_YAML);
  const problems = await showRegion(page, 'Problems');

  const single = problems.locator('li[data-code="readiness-hpa-min-replicas"]');
  await expect(single).toHaveAttribute('data-severity', 'warning');
  await expect(single).toContainText('keeps as few as 1 pod of the gateway istio-edge');
  const limit = problems.locator('li[data-code="readiness-limit-below-request"]');
  await expect(limit).toHaveAttribute('data-severity', 'error');
  await expect(limit).toContainText('cpu limit (500m) below its request (1)');
  // The autoscaler carries its warning on the canvas.
  await expect(
    graphNode(page, 'autoscaler', HPA).getByRole('img', { name: /warning/ }),
  ).toBeVisible();
  await screenshot(page, 'readiness-checks');

  await single.getByRole('button', { name: 'Set minReplicas to 2', exact: true }).click();
  await expect(single).toHaveCount(0);
  expect(await editorText(page)).toContain('minReplicas: 2');
  await limit
    .getByRole('button', { name: 'Raise the cpu limit of istio-proxy to 1', exact: true })
    .click();
  await expect(limit).toHaveCount(0);
  await expect(
    problems.locator('li[data-code^="readiness-"]:not([data-code="readiness-no-monitoring"])'),
  ).toHaveCount(0);

  // One undo step brings the limit back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(problems.locator('li[data-code="readiness-limit-below-request"]')).toBeVisible();
});
