import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { formFor } from './formFor.ts';
import {
  addItem,
  applyChecked,
  editField,
  fieldIds,
  fieldOf,
  formOf,
  groupOf,
  nodeOf,
  refusal,
} from './testForms.ts';
import { GATEWAY_NODE, SHOP, VS_NODE } from './testManifests.ts';

describe('formFor', () => {
  test('implied nodes have no form: the workspace does not hold them', () => {
    const editor = TestEditor.load(SHOP);
    const implied = nodeOf(
      editor.workspace,
      'gatewayWorkload:implied:istio-system/istio-ingressgateway',
    );
    expect(formFor(editor.workspace, implied)).toEqual([]);
  });

  test('a Gateway of another API (Gateway API) gets no Istio form', () => {
    const yaml = dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: web}
      spec: {gatewayClassName: istio}
    `;
    const editor = TestEditor.load(`${SHOP}---\n${yaml}`);
    const node = {
      id: 'x',
      kind: 'gateway' as const,
      label: 'edge',
      parent: null,
      resource: 'Gateway/web/edge',
    };
    expect(formFor(editor.workspace, node)).toEqual([]);
  });

  test('every field of a node’s form is bound to a distinct place or named by its role', () => {
    const ids = fieldIds(formOf(TestEditor.load(SHOP), `route:VirtualService/shop/shop:http[0]`));
    expect(new Set(ids).size).toBe(ids.length);
    expect(fieldIds(formOf(TestEditor.load(SHOP), GATEWAY_NODE))).toContain(
      'spec.servers[0].tls.mode',
    );
  });
});

describe('VirtualService form', () => {
  test('hosts are added one by one; a wildcard is quoted; a host is removed', () => {
    const added = addItem(SHOP, VS_NODE, 'group:spec.hosts', {
      'spec.hosts#new': '*.shop.example.com',
    });
    expect(added.diff).toEqual({ removed: [], added: ['  - "*.shop.example.com"'] });
    const hosts = groupOf(formOf(added.editor, VS_NODE), 'group:spec.hosts');
    expect(hosts.add?.({ 'spec.hosts#new': 'shop.example.com' })).toEqual({
      ok: false,
      error: 'shop.example.com is already in the list',
    });
    const remove = hosts.items[1]?.remove;
    if (!remove) throw new Error('expected a remove');
    expect(applyChecked(added.editor, remove).after).toBe(SHOP);
  });

  test('gateways are picked from the workspace’s Gateways and mesh', () => {
    const gateways = fieldOf(formOf(TestEditor.load(SHOP), VS_NODE), 'spec.gateways');
    expect(gateways.options?.map((o) => o.value)).toEqual(['mesh', 'istio-system/shop-gateway']);
    const { diff, graph } = editField(SHOP, VS_NODE, 'spec.gateways', [
      'mesh',
      'istio-system/shop-gateway',
    ]);
    expect(diff).toEqual({ removed: [], added: ['  - mesh'] });
    expect(graph.edges.some((e) => e.kind === 'bind')).toBe(true);
    const unbound = editField(SHOP, VS_NODE, 'spec.gateways', []);
    expect(unbound.diff.removed).toEqual(['  gateways:', '  - istio-system/shop-gateway']);
    expect(unbound.graph.edges.some((e) => e.kind === 'bind')).toBe(false);
  });

  test('a Gateway written by its bare name shows as chosen', () => {
    const yaml = SHOP.replace(
      'kind: VirtualService\nmetadata:\n  name: shop\n  namespace: shop',
      'kind: VirtualService\nmetadata:\n  name: shop\n  namespace: istio-system',
    ).replace('  - istio-system/shop-gateway\n', '  - shop-gateway\n');
    const gateways = fieldOf(
      formOf(TestEditor.load(yaml), 'virtualService:VirtualService/istio-system/shop'),
      'spec.gateways',
    );
    expect(gateways.options?.map((o) => o.value)).toEqual(['mesh', 'shop-gateway']);
  });

  test('exportTo takes ".", "*" or namespaces', () => {
    expect(editField(SHOP, VS_NODE, 'spec.exportTo', '., istio-system').diff.added).toEqual([
      '  exportTo:',
      '  - "."',
      '  - istio-system',
    ]);
    expect(refusal(SHOP, VS_NODE, 'spec.exportTo', 'team/a')).toMatch(/not "\."/);
  });
});
