import {
  editorText,
  graphNode,
  openApp,
  pasteIntoEditor,
  screenshot,
  showRegion,
  staleNotice,
} from './app.ts';
import { expect, test } from './fixtures.ts';
import {
  BROKEN_NAMESPACE_LINE,
  BROKEN_YAML,
  lineOf,
  withVirtualServiceNamed,
} from './manifests.ts';

test('unparsable YAML is listed with its line; the graph keeps the last good state', async ({
  page,
}) => {
  await openApp(page);
  await pasteIntoEditor(page, BROKEN_YAML);

  // Listed in Problems as `line N` or `file:N:col` (CONTRACT section 5).
  const line = lineOf(BROKEN_YAML, BROKEN_NAMESPACE_LINE);
  const problems = await showRegion(page, 'Problems');
  await expect(problems.locator('[data-code]')).not.toHaveCount(0);
  await expect(problems).toContainText(new RegExp(`line ${line}\\b|:${line}:\\d+`));

  // The graph still shows the example, and says it is not up to date; the text is kept.
  await expect(staleNotice(page)).toBeVisible();
  await expect(graphNode(page, 'gateway', 'Gateway/istio-system/my-gateway')).toBeVisible();
  await expect(graphNode(page, 'virtualService', 'VirtualService/default/myapp')).toBeVisible();
  expect(await editorText(page)).toBe(BROKEN_YAML);
  await screenshot(page, 'bad-yaml');

  // Fixed text (with a change, to see the graph follow again) clears both.
  await pasteIntoEditor(page, withVirtualServiceNamed('fixed'));
  await expect(graphNode(page, 'virtualService', 'VirtualService/default/fixed')).toBeVisible();
  await expect(staleNotice(page)).toHaveCount(0);
  const after = await showRegion(page, 'Problems');
  await expect(after.locator('[data-code]')).toHaveCount(0);
});
