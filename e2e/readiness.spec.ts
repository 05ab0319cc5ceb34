import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { editorText, graphNode, manifests, openApp, screenshot, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';

/**
 * The ingress guide's production checklist for the example's gateway, as a person uses it: select
 * the gateway pods, read what is missing, add monitoring and the zero-downtime pack through "Add
 * scenario" and the rest with the checklist's own buttons, and watch each item turn ✓.
 */

const TOPICS = [
  'Autoscaling',
  'Resource requests and limits',
  'Cloud load balancer',
  'Rate limiting',
  'Monitoring and alerts',
  'Zero-downtime rollout',
] as const;

function checklist(page: Page): Locator {
  return page.getByRole('region', { name: 'Gateway readiness' });
}

/** One consideration of the checklist, found by its title as a person reads it. */
function item(page: Page, title: (typeof TOPICS)[number]): Locator {
  return checklist(page).getByRole('listitem').filter({ hasText: title }).first();
}

async function expectReady(page: Page, title: (typeof TOPICS)[number]): Promise<void> {
  const row = item(page, title);
  await expect(row.getByText('ready', { exact: true })).toBeVisible();
  await expect(row.getByText('✓', { exact: true })).toBeVisible();
  await expect(row.getByRole('button')).toHaveCount(0);
}

async function expectMissing(page: Page, title: (typeof TOPICS)[number]): Promise<void> {
  const row = item(page, title);
  await expect(row.getByText('missing', { exact: true })).toBeVisible();
  await expect(row.getByText('✗', { exact: true })).toBeVisible();
}

/**
 * Clicks the gateway pods on the canvas. The view follows what was added last, so when the pods
 * are out of view, "Fit all" first brings them back, as a person would.
 */
async function selectGatewayPods(page: Page): Promise<void> {
  const pods = graphNode(page, 'gatewayWorkload');
  await expect(pods).toHaveCount(1);
  if (!(await inPane(pods)))
    await page.getByRole('button', { name: 'Fit all', exact: true }).click();
  await expect(async () => expect(await inPane(pods)).toBe(true)).toPass();
  await pods.click();
  await expect(checklist(page)).toBeVisible();
}

/** Whether a node lies wholly inside the canvas's pane. */
function inPane(node: Locator): Promise<boolean> {
  return node.evaluate((el) => {
    const pane = el.closest('.react-flow')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return (
      pane !== undefined &&
      r.left >= pane.left &&
      r.right <= pane.right &&
      r.top >= pane.top &&
      r.bottom <= pane.bottom
    );
  });
}

/** Adds a scenario through the toolbar's dialog, its defaults for the example's gateway. */
async function addScenario(
  page: Page,
  title: string,
  typed: Readonly<Record<string, string>> = {},
): Promise<void> {
  await page.getByRole('button', { name: 'Add scenario', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add scenario' });
  await dialog.getByLabel('Scenario', { exact: true }).selectOption({ label: title });
  for (const [label, value] of Object.entries(typed)) {
    await dialog.getByLabel(label, { exact: true }).click();
    await page.keyboard.type(value);
  }
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** A screenshot for a person to look at, also kept in E2E_OUT when set. */
async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const out = process.env.E2E_OUT;
  if (!out) return;
  await mkdir(join(out, 'screens'), { recursive: true });
  await page.screenshot({ path: join(out, 'screens', `${name}.png`) });
}

test('monitoring, the zero-downtime pack and a rate limit turn the gateway checklist green; one Undo brings back what was missing', async ({
  page,
}) => {
  // Four scenarios, three Adds and the editor read back: more steps than most flows.
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await waitForEditor(page);

  // The example's gateway: an autoscaler and a budget, but no monitoring, rate limit or rollout.
  await selectGatewayPods(page);
  await expect(checklist(page)).toContainText(
    'Production readiness of istio-system/istio-ingressgateway',
  );
  for (const title of TOPICS) await expect(item(page, title)).toBeVisible();
  await expectMissing(page, 'Monitoring and alerts');
  await expectMissing(page, 'Zero-downtime rollout');
  await expectMissing(page, 'Rate limiting');
  await expect(item(page, 'Monitoring and alerts')).toContainText('PodMonitor');
  await shot(page, 'readiness-missing-1280');

  // Monitoring and alerts, with a P99 threshold of its own typed into the dialog.
  await addScenario(page, 'Gateway monitoring and alerts', { 'P99 latency (ms)': '800' });
  await expectReady(page, 'Monitoring and alerts');
  await expectMissing(page, 'Zero-downtime rollout');

  // The monitoring hangs off the gateway pods on the canvas, as the autoscaler does.
  for (const [kind, resource] of [
    ['monitor', 'PodMonitor/istio-system/istio-ingressgateway-monitor'],
    ['alertRules', 'PrometheusRule/istio-system/istio-ingressgateway-alerts'],
    ['dashboard', 'ConfigMap/istio-system/istio-ingressgateway-dashboard'],
  ] as const) {
    await expect(graphNode(page, kind, resource)).toBeVisible();
    const name = resource.split('/')[2];
    await expect(
      page.getByRole('group', {
        name: new RegExp(`^attach from istio-ingressgateway .*to ${name}$`),
      }),
    ).toHaveCount(1);
  }
  await shot(page, 'readiness-monitoring-1280');

  // The zero-downtime pack writes the gateway Deployment: its pods are now the Deployment's, and
  // the selection follows them, so the checklist stays where the person was reading it.
  await addScenario(page, 'Zero-downtime pack');
  await expect(graphNode(page, 'gatewayWorkload')).toHaveAttribute(
    'data-resource',
    'Deployment/istio-system/istio-ingressgateway',
  );
  await expectReady(page, 'Zero-downtime rollout');
  await expectReady(page, 'Monitoring and alerts');

  // What is left, added with the checklist's own buttons.
  for (const title of TOPICS) {
    const add = item(page, title).getByRole('button', { name: /^Add/ });
    if ((await add.count()) === 0) continue;
    await add.click();
    await expectReady(page, title);
  }
  for (const title of TOPICS) await expectReady(page, title);
  await expect(checklist(page)).toContainText('6 of 6 ready');
  await expect(checklist(page).getByRole('button', { name: 'Add all missing' })).toHaveCount(0);
  await shot(page, 'readiness-all-ready-1280');

  // The alert rules are in the manifests, with the threshold typed (800 ms at P99). On this
  // short window the panels took the side column: the editor unfolds from its bar.
  await manifests(page).getByRole('button', { name: 'Show editor' }).click();
  const text = await editorText(page);
  expect(text).toContain('kind: PrometheusRule');
  expect(text).toMatch(/histogram_quantile\(0\.99,[^\n]*> 800/);

  // One Undo takes the last Add back: the rate limit is missing again, the rest stays ready.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  // Reading the editor moved the selection to its cursor: back to the gateway pods.
  await selectGatewayPods(page);
  await expectMissing(page, 'Rate limiting');
  await expectReady(page, 'Monitoring and alerts');
  await expectReady(page, 'Zero-downtime rollout');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(checklist(page)).toBeVisible();
  await shot(page, 'readiness-undone-1920');
});

test('"Add all missing" from the palette\'s "Gateway readiness…" is one undo step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page);
  await waitForEditor(page);
  const before = await editorText(page);

  // By keyboard: the palette selects the gateway and puts the keyboard on the checklist.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.type('gateway readiness');
  await page.keyboard.press('Enter');
  await expect(checklist(page)).toBeFocused();
  await expectMissing(page, 'Monitoring and alerts');
  await shot(page, 'readiness-missing-1920');

  // Tab reaches the heading (it folds the list) and then "Add all missing" beside it.
  await page.keyboard.press('Tab');
  await expect(
    checklist(page).getByRole('button', { name: /^Production readiness of istio-system/ }),
  ).toHaveAttribute('aria-expanded', 'true');
  await expect(
    checklist(page).getByRole('button', { name: /^Production readiness of istio-system/ }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(checklist(page).getByRole('button', { name: 'Add all missing' })).toBeFocused();
  await page.keyboard.press('Enter');
  await selectGatewayPods(page);
  for (const title of TOPICS) await expectReady(page, title);
  await expect(graphNode(page, 'alertRules')).toBeVisible();
  await shot(page, 'readiness-all-ready-1920');

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(graphNode(page, 'alertRules')).toHaveCount(0);
  expect(await editorText(page)).toBe(before);
});
