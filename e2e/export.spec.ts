import { parseAllDocuments } from 'yaml';
import { exportYaml, graphNode, openApp, pasteIntoEditor } from './app.ts';
import { expect, test } from './fixtures.ts';
import { EXAMPLE_YAML, withVirtualServiceNamed } from './manifests.ts';

/** `Kind/namespace/name` of every document, the way the graph names resources. */
function resources(text: string): string[] {
  return parseAllDocuments(text).map((doc) => {
    const { kind, metadata } = doc.toJS() as {
      kind: string;
      metadata: { name: string; namespace?: string };
    };
    return `${kind}/${metadata.namespace ?? 'default'}/${metadata.name}`;
  });
}

test('Export downloads the manifests as one YAML file', async ({ page }) => {
  await openApp(page);
  const exported = await exportYaml(page);
  expect(exported.name).toMatch(/\.ya?ml$/);
  expect(resources(exported.text)).toEqual(resources(EXAMPLE_YAML));
  // As written: comments and layout kept, ready for kubectl apply.
  expect(exported.text).toContain('# Istio Designer example');
  expect(exported.text).toContain('matchLabels: {app: myapp, version: v1}');
});

test('Export follows the latest edit', async ({ page }) => {
  await openApp(page);
  const edited = withVirtualServiceNamed('storefront');
  await pasteIntoEditor(page, edited);
  await expect(
    graphNode(page, 'virtualService', 'VirtualService/default/storefront'),
  ).toBeVisible();
  const exported = await exportYaml(page);
  expect(resources(exported.text)).toEqual(resources(edited));
  expect(exported.text.trim()).toBe(edited.trim());
});
