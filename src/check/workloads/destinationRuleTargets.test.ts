import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode, workspaceOf } from '../../testing/workloadChecks.ts';
import { lint } from '../lint.ts';

const rule = (host: string, subsets = '', extra = '') => dedent`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata:
    name: reviews
    namespace: shop
  spec:
    host: "${host}"
    ${extra}
    subsets: ${subsets || '[]'}
`;

const service = (name = 'reviews', namespace = 'shop', annotations = '') => dedent`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: ${namespace}
    ${annotations}
  spec:
    selector: {app: ${name}}
    ports: [{name: http, port: 9080}]
`;

const pod = (labels: string, nodeName = '', namespace = 'shop') => dedent`
  apiVersion: v1
  kind: Pod
  metadata:
    name: reviews-v1
    namespace: ${namespace}
    labels: {${labels}}
  spec:
    ${nodeName ? `nodeName: ${nodeName}` : ''}
    containers: [{name: app, image: reviews}]
`;

const docs = (...texts: string[]) => texts.join('---\n');
const hostNotFound = (text: string) => withCode(text, 'destinationrule-host-not-found');
const noPods = (text: string) => withCode(text, 'destinationrule-subset-no-pods');

describe('DestinationRule host (PodNotSelectedAnalyzer IST0174, Kiali KIA0202)', () => {
  it('warns about a host that is no Service or ServiceEntry, at spec.host', () => {
    const [finding] = hostNotFound(rule('fake.shop.svc.cluster.local'));
    expect(finding).toMatchObject({
      severity: 'warning',
      istio: 'IST0174',
      kiali: 'KIA0202',
      missing: 'Service',
      path: ['spec', 'host'],
    });
  });

  it('finds short names, FQDNs and ServiceEntry hosts', () => {
    expect(hostNotFound(docs(rule('reviews'), service()))).toEqual([]);
    expect(hostNotFound(docs(rule('reviews.shop.svc.cluster.local'), service()))).toEqual([]);
    const entry = dedent`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: api, namespace: other}
      spec:
        hosts: [api.example.com]
        ports: [{number: 443, name: https, protocol: TLS}]
    `;
    expect(hostNotFound(docs(rule('api.example.com'), entry))).toEqual([]);
  });

  it('does not see a Service exported to other namespaces only', () => {
    const hidden = service(
      'reviews',
      'backend',
      'annotations: {networking.istio.io/exportTo: "."}',
    );
    expect(hostNotFound(docs(rule('reviews.backend.svc.cluster.local'), hidden))).toHaveLength(1);
  });

  it('accepts a wildcard host that covers a known Service (a mesh-wide rule)', () => {
    expect(hostNotFound(docs(rule('*.local'), service()))).toEqual([]);
    expect(hostNotFound(docs(rule('*.example.org'), service()))).toHaveLength(1);
  });

  it('is information when the workspace holds no Services (unless --complete)', () => {
    const workspace = workspaceOf(rule('reviews'));
    const [partial] = lint(workspace).filter((d) => d.code === 'destinationrule-host-not-found');
    expect(partial).toMatchObject({ severity: 'info', line: 7 });
  });
});

describe('DestinationRule subsets (PodNotSelectedAnalyzer IST0173, Kiali KIA0203, KIA0209)', () => {
  const subsets = '[{name: v1, labels: {version: v1}}, {name: v3, labels: {version: v3}}]';

  it('reports a subset whose labels select no pod, as an error at its labels', () => {
    const found = noPods(
      docs(rule('reviews', subsets), service(), pod('app: reviews, version: v1')),
    );
    expect(found).toMatchObject([
      {
        severity: 'error',
        istio: 'IST0173',
        kiali: 'KIA0203',
        missing: 'Workload',
        path: ['spec', 'subsets', 1, 'labels'],
      },
    ]);
    expect(found[0]?.message).toContain('v3');
  });

  it('does not check subsets of a host it cannot find', () => {
    expect(noPods(rule('unknown', subsets))).toEqual([]);
  });

  it('matches Node topology labels a Pod gets from its Node, but not empty ones', () => {
    const node = (region: string) => dedent`
      apiVersion: v1
      kind: Node
      metadata:
        name: node-1
        labels: {topology.kubernetes.io/region: "${region}"}
    `;
    const regional = '[{name: west, labels: {topology.kubernetes.io/region: us-west-1}}]';
    const withNode = docs(
      rule('reviews', regional),
      service(),
      pod('app: reviews', 'node-1'),
      node('us-west-1'),
    );
    expect(noPods(withNode)).toEqual([]);
    const empty = '[{name: none, labels: {topology.kubernetes.io/region: ""}}]';
    expect(
      noPods(docs(rule('reviews', empty), service(), pod('app: reviews', 'node-1'), node(''))),
    ).toHaveLength(1);
  });

  it('warns about a subset without labels, and only informs when another subset selects pods', () => {
    const alone = withCode(
      docs(rule('reviews', '[{name: all}]'), service()),
      'destinationrule-subset-no-labels',
    );
    expect(alone).toMatchObject([
      { severity: 'warning', kiali: 'KIA0209', path: ['spec', 'subsets', 0, 'name'] },
    ]);
    expect(alone[0]?.istio).toBeUndefined();
    const withVersion = withCode(
      docs(
        rule('reviews', '[{name: all}, {name: v1, labels: {version: v1}}]'),
        service(),
        pod('app: reviews, version: v1'),
      ),
      'destinationrule-subset-no-labels',
    );
    expect(withVersion.map((f) => f.severity)).toEqual(['info']);
  });
});
