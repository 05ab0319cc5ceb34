import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, node, yaml } from '../testing/graphs.ts';

const MYAPP_RULE = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: { name: myapp, namespace: default }
  spec:
    host: myapp
    subsets:
      - { name: v1, labels: { version: v1 } }
      - { name: v2, labels: { version: v2 } }
`;

// Another app's pods that carry the same version labels as myapp's subsets.
const SHOP_PODS = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: shop-v1, namespace: default }
  spec: { template: { metadata: { labels: { app: shop, version: v1 } } } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: shop-v2, namespace: default }
  spec: { template: { metadata: { labels: { app: shop, version: v2 } } } }
`;

const MYAPP_SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata: { name: myapp, namespace: default }
  spec:
    selector: { app: myapp }
    ports: [{ name: http, port: 8080 }]
`;

const v1 = 'subset:DestinationRule/default/myapp:v1';
const v2 = 'subset:DestinationRule/default/myapp:v2';

describe('pods of a subset', () => {
  test("without the host's Service, another app's pods with the same labels are not drawn as the subset's", () => {
    const graph = graphOf(MYAPP_RULE, SHOP_PODS);
    expect(invariantProblems(graph)).toEqual([]);
    expect(edgeList(graph, 'select')).toEqual([
      `${v1} -> pods:implied:${v1}|version=v1`,
      `${v2} -> pods:implied:${v2}|version=v2`,
    ]);
    expect(node(graph, `pods:implied:${v1}|version=v1`)).toMatchObject({
      kind: 'pods',
      label: 'pods with version=v1 of myapp (Service not in this workspace)',
      implied: true,
    });
    // shop's pods are still drawn, joined to nothing of myapp's.
    expect(node(graph, 'pods:Deployment/default/shop-v1')?.kind).toBe('pods');
  });

  test("with the Service, a subset selects the Service's pods that carry its labels, never another app's", () => {
    const mine = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: myapp-v1, namespace: default }
      spec: { template: { metadata: { labels: { app: myapp, version: v1 } } } }
    `;
    const graph = graphOf(MYAPP_RULE, MYAPP_SERVICE, SHOP_PODS, mine);
    expect(edgeList(graph, 'select')).toEqual([
      `${v1} -> pods:Deployment/default/myapp-v1`,
      // No pod of myapp carries version=v2: one implied node says what is missing (IST0173).
      `${v2} -> pods:implied:${v2}|app=myapp,version=v2`,
    ]);
  });

  test('the node ids do not depend on the order or number of other documents', () => {
    const a = graphOf(MYAPP_RULE, SHOP_PODS);
    const b = graphOf(SHOP_PODS, MYAPP_SERVICE.replace('myapp', 'other'), MYAPP_RULE);
    const ofSubsets = (edges: string[]) => edges.filter((e) => e.startsWith('subset:'));
    expect(ofSubsets(edgeList(b, 'select'))).toEqual(edgeList(a, 'select'));
  });

  test('a Service without selector (hand-made endpoints) draws no pods for its subsets', () => {
    const manual = MYAPP_SERVICE.replace('selector: { app: myapp }\n', '');
    expect(edgeList(graphOf(MYAPP_RULE, manual, SHOP_PODS), 'select')).toEqual([]);
  });
});
