import { editorText, openApp, pasteIntoEditor, screenshot, showRegion } from './app.ts';
import { expect, test } from './fixtures.ts';
import { CANARY_YAML } from './manifests.ts';

/** The canary design with its beta rule sent to a subset no DestinationRule defines. */
const MISSING_SUBSET = CANARY_YAML.replace(
  '        host: shop\n        subset: v2\n  - name: split',
  '        host: shop\n        subset: v3\n  - name: split',
);

test('"Suppress" writes the istioctl annotation on the resource, the finding leaves the list and is counted as suppressed; Undo brings it back', async ({
  page,
}) => {
  expect(MISSING_SUBSET).not.toBe(CANARY_YAML);
  await openApp(page);
  await pasteIntoEditor(page, MISSING_SUBSET);
  const problems = await showRegion(page, 'Problems');
  const listed = problems.locator('li:not([data-suppressed])[data-istio="IST0101"]', {
    hasText: 'v3',
  });
  await expect(listed).toBeVisible();
  const suppressedToggle = problems.getByRole('button', { name: /^\d+ suppressed$/ });
  await expect(suppressedToggle).toHaveCount(0);

  await listed.hover();
  await screenshot(page, 'suppress-before');
  await listed.getByRole('button', { name: 'Suppress', exact: true }).click();

  await expect(listed).toHaveCount(0);
  // IST0101 is suppressed on the whole VirtualService, as istioctl reads the annotation: the
  // subset and the hosts this workspace lacks.
  await expect(suppressedToggle).toBeVisible();
  expect(await editorText(page)).toContain(
    'metadata:\n  name: shop\n  namespace: web\n  annotations:\n    galley.istio.io/analyze-suppress: IST0101\nspec:',
  );

  await suppressedToggle.click();
  await expect(suppressedToggle).toHaveAttribute('aria-pressed', 'true');
  const shown = problems.locator('li[data-suppressed][data-istio="IST0101"]', { hasText: 'v3' });
  await expect(shown).toBeVisible();
  // Listed last, and brought into view when asked for.
  await expect(problems.getByRole('heading', { name: /^Suppressed/ })).toBeInViewport();
  await expect(shown.getByRole('button', { name: 'Suppress' })).toHaveCount(0);
  await screenshot(page, 'suppress-shown');
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shown.scrollIntoViewIfNeeded();
    await screenshot(page, `suppress-shown-${width}`);
  }

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(listed).toBeVisible();
  await expect(suppressedToggle).toHaveCount(0);
  expect(await editorText(page)).not.toContain('analyze-suppress');
});
