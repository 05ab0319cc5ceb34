import { editorText, graphNode, openApp, screenshot, showRegion, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

/**
 * Monitoring the example's gateway as a person does it: "Add scenario" → Gateway monitoring and
 * alerts with a tighter P99, the monitor, alert rules and dashboard drawn on the gateway pods;
 * then a slip typed into an alert's PromQL is an error in Problems until it is undone.
 */
test('gateway monitoring is added with a P99 threshold, hangs off the gateway pods, and a PromQL slip is an error', async ({
  page,
}) => {
  await openApp(page);
  await waitForEditor(page);

  await page.getByRole('button', { name: 'Add scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await dialog
    .getByLabel('Scenario', { exact: true })
    .selectOption({ label: 'Gateway monitoring and alerts' });
  const p99 = dialog.getByLabel('P99 latency (ms)', { exact: true });
  await p99.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Below the P95 threshold: the field says so and Add waits.
  await page.keyboard.type('300');
  await expect(p99).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('800');
  await expect(p99).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Drawn attached to the gateway pods, as HPA and PDB are.
  await expect(graphNode(page, 'monitor')).toHaveCount(1);
  await expect(graphNode(page, 'alertRules')).toHaveCount(1);
  await expect(graphNode(page, 'dashboard')).toHaveCount(1);
  const text = await editorText(page);
  expect(text).toMatch(
    /alert: GatewayLatencyP99High\n\s+expr: histogram_quantile\(0\.99,.*> 800\n/,
  );
  expect(text).toContain('port: http-envoy-prom');
  expect(text).toContain('grafana_dashboard: "1"');

  const problems = await showRegion(page, 'Problems');
  const promql = problems.locator('li[data-code="monitoring-promql-invalid"]');
  await expect(promql).toHaveCount(0);
  await screenshot(page, 'monitoring-added');

  // A slip at the end of the P95 alert's expression, typed in the editor.
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('alert: GatewayLatencyP95High');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' >');
  await expect(promql).toHaveCount(1);
  await expect(promql).toHaveAttribute('data-severity', 'error');
  await expect(promql).toContainText('GatewayLatencyP95High');
  await expect(promql).toContainText('ends too early');
  await screenshot(page, 'monitoring-promql-error');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(promql).toHaveCount(0);
});
