import { editorText, graphNode, openApp, pasteIntoEditor, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';

/** The canary design with its beta rule sent to a subset no DestinationRule defines. */
const MISSING_SUBSET = CANARY_YAML.replace(
  '        host: shop\n        subset: v2\n  - name: split',
  '        host: shop\n        subset: v3\n  - name: split',
);

test('a route to a missing subset is listed with its istioctl code, badged on its rule, and fixed in one click', async ({
  page,
}) => {
  expect(MISSING_SUBSET).not.toBe(CANARY_YAML);
  await openApp(page);
  await pasteIntoEditor(page, MISSING_SUBSET);
  const problems = await showRegion(page, 'Problems');
  const entry = problems.locator('li[data-istio="IST0101"]', { hasText: 'v3' });
  await expect(entry).toBeVisible();
  await expect(entry).toHaveAttribute('data-severity', 'error');
  // The badge sits on the rule that routes there.
  const beta = graphNode(page, 'virtualService', 'VirtualService/web/shop').locator(
    '[data-kind="route"]',
    { hasText: 'beta' },
  );
  await expect(beta.getByRole('img', { name: /error/ })).toBeVisible();
  await screenshot(page, 'problems-missing-subset');

  await entry.getByRole('button', { name: /subset v3/i }).click();
  await expect(entry).toHaveCount(0);
  expect(await editorText(page)).toMatch(/- name: v3\n\s+labels:\n\s+version: v3/);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(problems.locator('li[data-istio="IST0101"]', { hasText: 'v3' })).toBeVisible();
});

test('a Service the workspace does not hold is "not in this workspace" until it is declared complete', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, CANARY_YAML);
  const problems = await showRegion(page, 'Problems');
  // The canary design has no Service at all: the missing `shop` host is information only.
  const host = problems.locator('li[data-istio="IST0101"]', { hasText: 'shop' }).first();
  await expect(host).toHaveAttribute('data-severity', 'info');
  await expect(host).toContainText('not in this workspace');

  await problems.getByLabel('Workspace is complete').check();
  await expect(host).toHaveAttribute('data-severity', 'error');

  // The severity filter hides what the user does not want to see.
  await problems.getByRole('button', { name: /^Errors \d+$/ }).click();
  await expect(problems.locator('li[data-severity="error"]')).toHaveCount(0);
});
