import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { graphNode, openApp, pasteIntoEditor, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';

const SHOP = 'VirtualService/web/shop';

async function send(page: Page, url: string, headers = '') {
  const region = await showRegion(page, 'Simulate request');
  await region.getByLabel('URL', { exact: true }).fill(url);
  await region.getByLabel('Headers', { exact: true }).fill(headers);
  await region.getByRole('button', { name: 'Send', exact: true }).click();
  return region;
}

function rule(page: Page, name: string) {
  return graphNode(page, 'virtualService', SHOP).locator('[data-kind="route"]', {
    has: page.getByRole('button', { name: new RegExp(`^Rule ${name}:`) }),
  });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  await expect(graphNode(page, 'virtualService', SHOP)).toBeVisible();
});

test('a request with the beta header takes the beta rule to v2, and the graph lights that rule', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/cart', 'x-beta: 1');
  await expect(region.locator('[data-outcome="route"]')).toContainText('beta');
  await expect(region.locator('[data-outcome="route"]')).toContainText('v2');
  await expect(rule(page, 'beta')).toHaveAttribute('data-lit', 'true');
  await expect(rule(page, 'split')).toHaveAttribute('data-lit', 'false');
  await screenshot(page, 'simulate-beta');
});

test('without the header the step list says why the beta rule did not match and shows the 90/10 split', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/cart');
  const steps = region.getByRole('list', { name: 'Steps' });
  const skipped = steps.locator('li[data-step="rule"][data-matched="false"]');
  await expect(skipped.first()).toContainText('beta');
  await expect(skipped.first()).toContainText('x-beta');
  await expect(region.locator('[data-outcome="route"]')).toContainText('90%');
  await expect(region.locator('[data-outcome="route"]')).toContainText('10%');
  await expect(rule(page, 'split')).toHaveAttribute('data-lit', 'true');
  // Each weighted branch is labelled on the graph with its share of the requests.
  await expect(page.getByText('90% of requests')).toBeVisible();
  await expect(page.getByText('10% of requests')).toBeVisible();
  await screenshot(page, 'simulate-split');
});

test('clicking a step selects its rule on the graph', async ({ page }) => {
  const region = await send(page, 'http://shop.example.com/cart');
  await region
    .locator('li[data-step="rule"][data-matched="false"]')
    .first()
    .getByRole('button')
    .click();
  await expect(rule(page, 'beta').getByRole('button', { name: /^Rule beta:/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a host no server takes is answered as such, and an unreadable URL says what is wrong', async ({
  page,
}) => {
  const region = await send(page, 'http://other.example.com/');
  await expect(region.locator('[data-outcome]')).toHaveAttribute(
    'data-outcome',
    /noRoute|noServer/,
  );
  await send(page, 'http://exa mple.com:99999/');
  await expect(region.getByRole('alert')).toBeVisible();
});

test('a saved test runs on every change: it passes, then fails when an edit changes the answer; coverage marks unreached rules', async ({
  page,
}) => {
  const region = await send(page, 'http://shop.example.com/cart', 'x-beta: 1');
  await region.getByRole('button', { name: 'Save as test', exact: true }).click();
  const tests = region.getByRole('region', { name: 'Saved tests' });
  await expect(tests.locator('li[data-pass="true"]')).toHaveCount(1);
  await expect(tests).toContainText('route coverage 50% (1/2 rules)');
  await expect(rule(page, 'split')).toHaveAttribute('data-uncovered', 'true');
  await expect(rule(page, 'beta')).not.toHaveAttribute('data-uncovered', 'true');

  // Beta users now go to v1: the saved test says what changed.
  await pasteIntoEditor(
    page,
    CANARY_YAML.replace(
      '        host: shop\n        subset: v2\n  - name: split',
      '        host: shop\n        subset: v1\n  - name: split',
    ),
  );
  await expect(tests.locator('li[data-pass="false"]')).toContainText('v2');
  await screenshot(page, 'simulate-saved-test-fails');
});

test('saved tests export as a YAML file and import back', async ({ page }) => {
  const region = await send(page, 'http://shop.example.com/cart', 'x-beta: 1');
  await region.getByRole('button', { name: 'Save as test', exact: true }).click();
  const tests = region.getByRole('region', { name: 'Saved tests' });
  const downloaded = page.waitForEvent('download');
  await tests.getByRole('button', { name: 'Export tests', exact: true }).click();
  const file = await (await downloaded).path();
  const text = await readFile(file, 'utf8');
  expect(text).toMatch(/^tests:\n/);
  expect(text).toContain('x-beta');

  await tests.getByRole('button', { name: /^Delete / }).click();
  await expect(tests.locator('li')).toHaveCount(0);
  await tests.getByLabel('Tests file').setInputFiles({
    name: 'tests.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(text),
  });
  await expect(tests.locator('li[data-pass="true"]')).toHaveCount(1);
});
