import { describe, expect, test } from 'vitest';
import { edgeList, graphOf, invariantProblems, node, yaml } from '../testing/graphs.ts';

describe('host resolution', () => {
  test('a short host resolves in the VirtualService namespace, not the DestinationRule one', () => {
    const graph = graphOf(yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: { name: r, namespace: bookinfo }
      spec:
        hosts: [reviews]
        http:
          - route:
              - destination: { host: reviews, subset: v1 }
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: other, namespace: other }
      spec:
        host: reviews
        subsets: [{ name: v1, labels: { version: v1 } }]
    `);
    expect(edgeList(graph, 'route')).toEqual([
      `route:VirtualService/bookinfo/r:http[0] -> service:reviews.bookinfo.svc.cluster.local`,
    ]);
    expect(node(graph, 'service:reviews.other.svc.cluster.local')?.label).toBe('reviews');
    expect(invariantProblems(graph)).toEqual([]);
  });

  test('the DestinationRule in the VirtualService namespace wins over an earlier one', () => {
    const rule = (ns: string) => yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: reviews, namespace: ${ns} }
      spec:
        host: reviews.bookinfo.svc.cluster.local
        subsets: [{ name: v1, labels: { version: v1 } }]
    `;
    const graph = graphOf(
      rule('elsewhere'),
      rule('bookinfo'),
      yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: r, namespace: bookinfo }
        spec:
          hosts: [reviews]
          http: [{ route: [{ destination: { host: reviews, subset: v1 } }] }]
      `,
    );
    expect(edgeList(graph, 'route')).toEqual([
      'route:VirtualService/bookinfo/r:http[0] -> subset:DestinationRule/bookinfo/reviews:v1',
    ]);
  });

  test('external hosts keep their name and take their ServiceEntry as resource', () => {
    const graph = graphOf(yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: { name: ext, namespace: web }
      spec:
        hosts: [api.example.com]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: { name: r, namespace: web }
      spec:
        hosts: [x.example.com]
        tcp: [{ route: [{ destination: { host: api.example.com } }] }]
    `);
    expect(node(graph, 'service:api.example.com')).toMatchObject({
      label: 'api.example.com',
      resource: 'ServiceEntry/web/ext',
    });
    expect(node(graph, 'route:VirtualService/web/r:tcp[0]')).toMatchObject({
      section: 'tcp',
      index: 0,
      label: 'tcp[0]',
    });
  });
});
