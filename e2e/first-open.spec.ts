import { editorLines, graphNode, openApp, screenshot, showRegion, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

test('first open shows the example request path, then its manifests', async ({ page }) => {
  await openApp(page);

  // The whole path of the seed's example, each part once (CONTRACT section 5).
  const once = [
    ['client'],
    ['loadBalancer', 'Service/istio-system/istio-ingressgateway'],
    ['gatewayWorkload'],
    ['gateway', 'Gateway/istio-system/my-gateway'],
    ['virtualService', 'VirtualService/default/myapp'],
    ['service', 'Service/default/myapp'],
    ['pods', 'Deployment/default/myapp-v1'],
    ['pods', 'Deployment/default/myapp-v2'],
    ['autoscaler', 'HorizontalPodAutoscaler/istio-system/istio-ingressgateway'],
    ['disruptionBudget', 'PodDisruptionBudget/istio-system/istio-ingressgateway'],
  ] as const;
  for (const [kind, resource] of once) {
    await expect(graphNode(page, kind, resource), `${kind} ${resource ?? ''}`).toHaveCount(1);
    await expect(graphNode(page, kind, resource)).toBeVisible();
  }

  // The rule is a row of its VirtualService, not a node of its own.
  const virtualService = graphNode(page, 'virtualService', 'VirtualService/default/myapp');
  await expect(virtualService.locator('[data-kind="route"]')).toHaveCount(1);
  await expect(graphNode(page, 'route')).toHaveCount(1);

  const subsets = graphNode(page, 'subset', 'DestinationRule/default/myapp');
  await expect(subsets).toHaveCount(2);
  await expect(subsets.filter({ hasText: 'v1' })).toHaveCount(1);
  await expect(subsets.filter({ hasText: 'v2' })).toHaveCount(1);

  // The editor arrives after the graph, with the example's text.
  await waitForEditor(page);
  await expect(editorLines(page)).toContainText('my-gateway');
  // A working example: nothing for Problems to list.
  const problems = await showRegion(page, 'Problems');
  await expect(problems.locator('[data-code]')).toHaveCount(0);
  await screenshot(page, 'first-open');

  const dark = page.getByRole('button', { name: 'Dark theme' });
  await dark.click();
  await expect(dark).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'first-open-dark');
});
