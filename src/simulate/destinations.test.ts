import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, yaml } from '../testing/simulations.ts';

function routeTo(destination: string): string {
  return docs(
    httpGateway(),
    yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: { name: shop, namespace: web }
      spec:
        hosts: [shop.example.com]
        gateways: [istio-system/gw]
        http: [{ route: [{ destination: ${destination} }] }]
    `,
  );
}

const REVIEWS = yaml`
  apiVersion: v1
  kind: Service
  metadata: { name: reviews, namespace: web }
  spec:
    selector: { app: reviews }
    ports: [{ name: http, port: 9080 }]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: reviews-v1, namespace: web }
  spec: { template: { metadata: { labels: { app: reviews, version: v1 } } } }
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: reviews-v2, namespace: web }
  spec: { template: { metadata: { labels: { app: reviews, version: v2 } } } }
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: { name: reviews, namespace: web }
  spec:
    host: reviews
    trafficPolicy:
      loadBalancer: { simple: LEAST_REQUEST }
      connectionPool: { tcp: { maxConnections: 100 } }
      portLevelSettings:
        - port: { number: 9443 }
          loadBalancer: { simple: RANDOM }
    subsets:
      - name: v1
        labels: { version: v1 }
      - name: v2
        labels: { version: v2 }
        trafficPolicy:
          loadBalancer: { simple: ROUND_ROBIN }
`;

const first = (text: string, url = 'http://shop.example.com/') => {
  const d = sim(text, url).destinations[0];
  if (!d) throw new Error('no destination');
  return d;
};

describe('destination host and port', () => {
  test('a short host is a Service of the VirtualService namespace; the Service port is used when it has one', () => {
    const d = first(docs(routeTo('{ host: reviews }'), REVIEWS));
    expect(d).toMatchObject({
      host: 'reviews.web.svc.cluster.local',
      port: 9080,
      service: 'Service/web/reviews',
      problems: [],
    });
  });

  test('a Service with several ports and no destination port: Istio uses the listener port, and says why', () => {
    const text = docs(
      routeTo('{ host: reviews }'),
      REVIEWS.replace(
        'ports: [{ name: http, port: 9080 }]',
        'ports: [{ name: http, port: 9080 }, { name: grpc, port: 9090 }]',
      ),
    );
    const d = first(text);
    expect(d.port).toBe(80);
    expect(d.problems[0]).toContain('several ports');
  });

  test('a destination port the Service lacks is reported', () => {
    expect(
      first(docs(routeTo('{ host: reviews, port: { number: 1234 } }'), REVIEWS)).problems,
    ).toEqual(['Service/web/reviews has no port 1234']);
  });

  test('a host that is neither a Service nor a ServiceEntry is reported; a ServiceEntry host is found', () => {
    // The workspace holds Services, not this one: Envoy has no cluster for it.
    expect(first(docs(routeTo('{ host: api.partner.com }'), REVIEWS))).toMatchObject({
      endpoints: 'none',
      responseFlag: 'NC',
      problems: [expect.stringContaining('no Service or ServiceEntry')],
    });
    // It holds no Services at all: the Service is not in this workspace, nothing is claimed.
    expect(first(routeTo('{ host: api.partner.com }'))).toMatchObject({
      endpoints: 'unknown',
      endpointsNote: 'its Service is not in this workspace',
      problems: [expect.stringContaining('not in this workspace')],
    });
    const entry = yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: { name: partner, namespace: web }
      spec:
        hosts: [api.partner.com]
        ports: [{ number: 443, name: https, protocol: TLS }]
    `;
    expect(first(docs(routeTo('{ host: api.partner.com }'), entry))).toMatchObject({
      service: 'ServiceEntry/web/partner',
      port: 443,
      problems: [],
    });
  });
});

describe('DestinationRule, subset and traffic policy', () => {
  test('the subset traffic policy overrides the DestinationRule one group by group (MergeTrafficPolicy)', () => {
    const d = first(docs(routeTo('{ host: reviews, subset: v2 }'), REVIEWS));
    expect(d.destinationRule).toBe('DestinationRule/web/reviews');
    expect(d.trafficPolicy).toEqual({
      loadBalancer: { simple: 'ROUND_ROBIN' },
      connectionPool: { tcp: { maxConnections: 100 } },
      sources: { loadBalancer: 'subset', connectionPool: 'destinationRule' },
    });
  });

  test('portLevelSettings for the destination port replace the top-level policy, unmerged', () => {
    const d = first(
      docs(routeTo('{ host: reviews, subset: v1, port: { number: 9443 } }'), REVIEWS),
    );
    expect(d.trafficPolicy).toEqual({
      loadBalancer: { simple: 'RANDOM' },
      sources: { loadBalancer: 'destinationRule portLevelSettings' },
    });
  });

  test('the pods are those the Service selector and the subset labels both select', () => {
    expect(first(docs(routeTo('{ host: reviews, subset: v2 }'), REVIEWS)).pods).toEqual([
      'Deployment/web/reviews-v2',
    ]);
    expect(first(docs(routeTo('{ host: reviews }'), REVIEWS)).pods).toEqual([
      'Deployment/web/reviews-v1',
      'Deployment/web/reviews-v2',
    ]);
  });

  test('a subset no DestinationRule defines is a 503 (no cluster), said in problems', () => {
    expect(first(docs(routeTo('{ host: reviews, subset: v3 }'), REVIEWS))).toMatchObject({
      problems: [
        'subset v3 is not defined in DestinationRule/web/reviews: Envoy has no such cluster (503 NC)',
      ],
      endpoints: 'none',
      responseFlag: 'NC',
      // No cluster, so no pod receives the request, whatever the Service selects.
      pods: [],
    });
  });

  test('the trace points at the subset in the DestinationRule', () => {
    const simulation = sim(
      docs(routeTo('{ host: reviews, subset: v2 }'), REVIEWS),
      'http://shop.example.com/',
    );
    expect(stepsOf(simulation, 'policy')[0]).toMatchObject({
      resource: 'DestinationRule/web/reviews',
      path: ['spec', 'subsets', 1],
    });
  });

  test("a DestinationRule in the gateway proxy's namespace is preferred to the service's (push_context destinationRule)", () => {
    const local = yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: reviews-at-gateway, namespace: istio-system }
      spec:
        host: reviews.web.svc.cluster.local
        exportTo: ["."]
        subsets: [{ name: v2, labels: { version: v2 }, trafficPolicy: { loadBalancer: { simple: RANDOM } } }]
    `;
    const d = first(docs(routeTo('{ host: reviews, subset: v2 }'), REVIEWS, local));
    expect(d.destinationRule).toBe('DestinationRule/istio-system/reviews-at-gateway');
  });

  test('a DestinationRule not exported to the gateway proxy namespace does not apply', () => {
    const privateRule = REVIEWS.replace(
      '  host: reviews\n',
      '  host: reviews\n  exportTo: ["."]\n',
    );
    expect(privateRule).toContain('exportTo');
    const d = first(docs(routeTo('{ host: reviews, subset: v2 }'), privateRule));
    expect(d.destinationRule).toBeNull();
    expect(d.problems[0]).toContain('needs a DestinationRule');
  });

  test('DestinationRules for the same host are merged: subsets concatenated, the first traffic policy kept', () => {
    const extra = yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: { name: reviews-v3, namespace: web }
      spec:
        host: reviews.web.svc.cluster.local
        trafficPolicy: { loadBalancer: { simple: RANDOM } }
        subsets: [{ name: v3, labels: { version: v3 } }]
    `;
    const d = first(docs(routeTo('{ host: reviews, subset: v3 }'), REVIEWS, extra));
    expect(d).toMatchObject({
      destinationRule: 'DestinationRule/web/reviews-v3',
      trafficPolicy: { loadBalancer: { simple: 'LEAST_REQUEST' } },
    });
  });
});

describe('endpoints: when Envoy has none (CONTRACT section 4)', () => {
  const noV2Pods = REVIEWS.replace('reviews-v2', 'ratings').replace(
    '{ app: reviews, version: v2 }',
    '{ app: ratings, version: v2 }',
  );

  test('a subset none of the Service pods carry: no endpoints, 503 UH', () => {
    expect(first(docs(routeTo('{ host: reviews, subset: v2 }'), noV2Pods))).toMatchObject({
      endpoints: 'none',
      responseFlag: 'UH',
      pods: [],
      problems: ['subset v2 selects none of the pods of Service/web/reviews (503 UH)'],
    });
  });

  test('another app carrying the subset labels is not an endpoint', () => {
    // ratings carries version: v2 too, but the Service selects app: reviews.
    expect(first(docs(routeTo('{ host: reviews, subset: v2 }'), noV2Pods)).pods).toEqual([]);
  });

  test('a Service whose selector matches no workload of the workspace: 503 UH', () => {
    const other = REVIEWS.replace('selector: { app: reviews }', 'selector: { app: nothing }');
    expect(first(docs(routeTo('{ host: reviews }'), other))).toMatchObject({
      endpoints: 'none',
      responseFlag: 'UH',
      problems: [expect.stringContaining('selects no pods in the workspace')],
    });
  });

  test('a workspace with the Service but no workloads at all cannot tell', () => {
    const serviceOnly = REVIEWS.split('---')[0] ?? '';
    expect(first(docs(routeTo('{ host: reviews }'), serviceOnly))).toMatchObject({
      endpoints: 'unknown',
      endpointsNote: 'its pods are not in this workspace',
      problems: [],
    });
  });

  test('matching pods: some endpoints', () => {
    expect(first(docs(routeTo('{ host: reviews, subset: v1 }'), REVIEWS)).endpoints).toBe('some');
  });
});
