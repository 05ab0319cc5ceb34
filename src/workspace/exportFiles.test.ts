import { describe, expect, it, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { listJson, listYaml } from '../testing/clusterDump.ts';
import { dedent } from '../testing/dedent.ts';
import { EXAMPLE_YAML } from './example.ts';
import { joinedYaml, resourceFiles } from './exportFiles.ts';
import { entries, loadWorkspace } from './workspace.ts';

const A = dedent`
  # gateway of the shop
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: shop, namespace: web}
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop  # same name, other kind
    namespace: web
`;
const B = 'apiVersion: v1\nkind: Service\nmetadata: {name: shop, namespace: web}';

describe('export', () => {
  test('one YAML file holds every document of every file, as written', () => {
    const text = joinedYaml(
      loadWorkspace([
        { name: 'a.yaml', text: A },
        { name: 'b.yaml', text: B },
      ]),
    );
    expect(text).toBe(`${A}---\n${B}`);
    expect(parseAllDocuments(text).map((d) => d.toJS().kind)).toEqual([
      'Gateway',
      'VirtualService',
      'Service',
    ]);
  });

  test('a file that starts with its own --- gets no second one', () => {
    const text = joinedYaml(
      loadWorkspace([
        { name: 'a.yaml', text: A },
        { name: 'b.yaml', text: `---\n${B}` },
      ]),
    );
    expect(text).toBe(`${A}---\n${B}`);
  });

  test('one file per resource, comments kept, and a kustomization listing them', () => {
    const files = resourceFiles(
      loadWorkspace([
        { name: 'a.yaml', text: A },
        { name: 'b.yaml', text: B },
      ]),
    );
    expect(files.map((f) => f.name)).toEqual([
      'gateway-web-shop.yaml',
      'virtualservice-web-shop.yaml',
      'service-web-shop.yaml',
      'kustomization.yaml',
    ]);
    expect(files[0]?.text.startsWith('# gateway of the shop\napiVersion')).toBe(true);
    expect(files[1]?.text).toContain('name: shop  # same name, other kind');
    expect(files[1]?.text.startsWith('apiVersion')).toBe(true);
    expect(files[3]?.text).toBe(
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- gateway-web-shop.yaml\n- virtualservice-web-shop.yaml\n- service-web-shop.yaml\n',
    );
  });

  test('repeated names get a number', () => {
    const files = resourceFiles(
      loadWorkspace([
        { name: 'a.yaml', text: B },
        { name: 'b.yaml', text: B },
      ]),
    );
    expect(files.map((f) => f.name).slice(0, 2)).toEqual([
      'service-web-shop.yaml',
      'service-web-shop-2.yaml',
    ]);
  });
});

describe('the ZIP of a List dump', () => {
  it.each([
    ['YAML', listYaml(EXAMPLE_YAML)],
    ['JSON', listJson(EXAMPLE_YAML)],
  ])('has one file per item of the %s List, each the item alone', (_, dump) => {
    const files = resourceFiles(loadWorkspace([{ name: 'dump', text: dump }]));
    const names = files.map((f) => f.name);
    expect(names).toContain('gateway-istio-system-my-gateway.yaml');
    expect(names).toHaveLength(
      entries(loadWorkspace([{ name: 'a', text: EXAMPLE_YAML }])).length + 1,
    );
    for (const file of files.filter((f) => f.name !== 'kustomization.yaml')) {
      const [resource] = entries(loadWorkspace([file]));
      expect(resource?.base).toEqual([]);
      expect(file.name.startsWith(`${resource?.object.kind.toLowerCase()}-`)).toBe(true);
    }
  });
});
