/**
 * A workspace of a thousand resources a person can use: it opens grouped by namespace, a group
 * opens with the mouse, Go to resource finds what a collapsed group hides, and a focus shows one
 * host's path alone. Measured as a person sees it: names readable, what is shown in the pane.
 */
import type { Page } from '@playwright/test';
import { generateIssueWorkspaceText } from '../scripts/generateWorkspace.ts';
import { graphNode, importFile, openApp, screenshot, settled, viewportTransform } from './app.ts';
import { manyHostsYaml } from './bookstore.ts';
import { expect, test } from './fixtures.ts';
import { nodesOutsidePane, smallestNamePx } from './seen.ts';

const RESOURCES = 1000;

/** The graph's nodes drawn (in view: only those are rendered), by accessible name. */
function drawnNames(page: Page): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
}

/** Nodes drawn across the pane's left or right edge, by accessible name. */
function cutAtTheSides(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return ['(no canvas)'];
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < pane.left - 1 || r.right > pane.right + 1;
      })
      .map((el) => el.getAttribute('aria-label') ?? '?');
  });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`${RESOURCES} resources at ${size.width}×${size.height}: groups, Go to resource, focus`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openApp(page);
    await importFile(page, 'teams.yaml', generateIssueWorkspaceText(RESOURCES));

    // Collapsed namespaces, one node each, readable at the fitted view.
    const groups = page.locator('[data-kind="group"][data-expanded="false"]');
    await expect(groups.first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveValue('namespace');
    await expect(graphNode(page, 'virtualService')).toHaveCount(0);
    await settled(() => viewportTransform(page));
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
    const team0 = page.locator('[data-group="namespace:team-0"]');
    await expect(team0).toHaveAttribute('aria-label', 'Namespace team-0, 5 resources');
    // Too many to show at once: the view scrolls down only, no group cut at the sides.
    expect(await cutAtTheSides(page)).toEqual([]);
    await screenshot(page, `big-graph-groups-${size.width}`);

    // Open team-1 with the mouse (zoomed out, the whole node is its button): its nodes show,
    // readable, in the pane.
    await page.locator('[data-group="namespace:team-1"]').click();
    const vs1 = graphNode(page, 'virtualService', 'VirtualService/team-1/vs-1');
    await expect(vs1).toBeVisible();
    await settled(() => viewportTransform(page));
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
    const outside = await nodesOutsidePane(page);
    expect(outside.filter((name) => /vs-1|gw-1|svc-1/.test(name))).toEqual([]);
    await screenshot(page, `big-graph-open-group-${size.width}`);
    // The header collapses it again.
    await page.getByRole('button', { name: 'Collapse namespace team-1' }).click();
    await expect(vs1).toHaveCount(0);
    // Enter on a group's node opens it too, and Enter on its header collapses it.
    const team2 = page.locator('[data-group="namespace:team-2"]');
    await team2.focus();
    await page.keyboard.press('Enter');
    await expect(team2).toHaveAttribute('data-expanded', 'true');
    await expect(graphNode(page, 'gateway', 'Gateway/team-2/gw-2')).toBeVisible();
    await team2.focus();
    await page.keyboard.press('Enter');
    await expect(team2).toHaveAttribute('data-expanded', 'false');

    // Go to resource finds a host's VirtualService hidden in a collapsed group, and shows it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+P');
    const goTo = page.getByRole('dialog', { name: 'Go to resource' });
    await page.keyboard.type('app-150.example.com virtualservice');
    await expect(goTo.getByRole('option')).toHaveCount(1);
    await expect(goTo.getByRole('option').first()).toContainText('vs-150');
    await page.keyboard.press('Enter');
    const vs150 = graphNode(page, 'virtualService', 'VirtualService/team-150/vs-150');
    await expect(vs150).toBeVisible();
    await expect(vs150).toHaveClass(/selected/);
    await settled(() => viewportTransform(page));
    expect(await nodesOutsidePane(page)).not.toContain('VirtualService vs-150');

    // Focus on a host: only its path, from the client to its pods; Escape shows everything.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.type('Focus on host');
    await page.keyboard.press('Enter');
    const hosts = page.getByRole('dialog', { name: 'Focus on host' });
    await expect(hosts).toBeVisible();
    await page.keyboard.type('app-42.example.com');
    await page.keyboard.press('Enter');
    const banner = page.getByRole('status', { name: 'Focus' });
    await expect(banner).toContainText('app-42.example.com');
    await expect(page.locator('[data-kind="group"]')).toHaveCount(0);
    await settled(() => viewportTransform(page));
    const shown = await drawnNames(page);
    expect(shown).toContain('Client client');
    expect(shown).toContain('VirtualService vs-42');
    expect(shown).toContain('Gateway gw-42');
    expect(shown.filter((name) => /(vs|gw)-\d+/.test(name) && !/-42\b/.test(name))).toEqual([]);
    expect(await nodesOutsidePane(page)).toEqual([]);
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
    await screenshot(page, `big-graph-focus-${size.width}`);

    // Go to resource reaches outside the focus: the focus is left to show it.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+P');
    await page.keyboard.type('vs-7');
    await expect(goTo.getByRole('option').first()).toContainText('vs-7');
    await page.keyboard.press('Enter');
    await expect(banner).toBeHidden();
    const vs7 = graphNode(page, 'virtualService', 'VirtualService/team-7/vs-7');
    await expect(vs7).toHaveClass(/selected/);

    // The selected VirtualService's own button focuses on its host; Escape shows everything.
    await page.getByRole('button', { name: 'Focus on this path' }).click();
    await expect(banner).toContainText('app-7.example.com');
    await expect(graphNode(page, 'virtualService')).toHaveCount(1);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect(banner).toBeHidden();
    await expect(groups.first()).toBeVisible();

    // Grouped by host instead: one group per host.
    await page.getByRole('combobox', { name: 'Group by' }).selectOption('host');
    await expect(page.locator('[data-group="host:app-0.example.com"]')).toBeVisible();
    await expect(page.locator('[data-group^="namespace:"]')).toHaveCount(0);
    await settled(() => viewportTransform(page));
    expect(await smallestNamePx(page)).toBeGreaterThanOrEqual(12);
    await screenshot(page, `big-graph-by-host-${size.width}`);
  });
}

test('a small workspace shows no groups, no grouping bar; a focus shows one path', async ({
  page,
}) => {
  await openApp(page);
  await importFile(page, 'apps.yaml', manyHostsYaml(4));
  await expect(graphNode(page, 'virtualService').first()).toBeVisible();
  await expect(page.locator('[data-kind="group"]')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveCount(0);
  // A selected VirtualService offers its path alone; Escape shows everything again.
  const before = await page.locator('.react-flow__node').count();
  await graphNode(page, 'virtualService', 'VirtualService/apps/app1').click();
  await page.getByRole('button', { name: 'Focus on this path' }).click();
  await expect(page.getByRole('status', { name: 'Focus' })).toBeVisible();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(before);
  await expect.poll(() => nodesOutsidePane(page)).toEqual([]);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status', { name: 'Focus' })).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
});
