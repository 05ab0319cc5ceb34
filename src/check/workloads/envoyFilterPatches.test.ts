import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { workloadFindings } from '../../testing/workloadChecks.ts';

const filter = (name: string, patches: string[], priority = '') => dedent`
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata:
    name: ${name}
    namespace: bookinfo
  spec:
    ${priority}
    configPatches:
${patches.join('\n')}
`;

const patch = (applyTo: string, operation: string, name = 'envoy.lua', proxyVersion = '') =>
  [
    `    - applyTo: ${applyTo}`,
    '      match:',
    '        context: SIDECAR_INBOUND',
    ...(proxyVersion ? ['        proxy:', `          proxyVersion: '${proxyVersion}'`] : []),
    '      patch:',
    `        operation: ${operation}`,
    `        value: {name: ${name}}`,
  ].join('\n');

const docs = (...texts: string[]) => texts.join('---\n');
const istio = (text: string) =>
  workloadFindings(text)
    .filter((f) => f.code.startsWith('envoyfilter-'))
    .map((f) => `${f.istio} ${f.resource.split('/')[2]}`);

describe('EnvoyFilter patch operations (EnvoyPatchAnalyzer IST0151-IST0155)', () => {
  it('REPLACE of a virtual host is valid, as of HTTP and network filters; of a cluster it is not', () => {
    expect(istio(filter('vhost', [patch('VIRTUAL_HOST', 'REPLACE')], 'priority: 10'))).toEqual([]);
    expect(istio(filter('cluster', [patch('CLUSTER', 'REPLACE')], 'priority: 10'))).toEqual([
      'IST0152 cluster',
    ]);
  });

  it('warns about relative operations without priority (IST0151), once per EnvoyFilter', () => {
    const text = filter('lua', [
      patch('HTTP_FILTER', 'INSERT_BEFORE'),
      patch('HTTP_FILTER', 'INSERT_AFTER', 'other'),
    ]);
    const found = workloadFindings(text).filter((f) => f.istio === 'IST0151');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      path: ['spec', 'configPatches', 0, 'patch', 'operation'],
    });
    expect(found[0]?.message).toContain('Patches 0, 1');
  });

  it('accepts relative operations with a priority, absolute operations and MERGE', () => {
    expect(istio(filter('lua', [patch('HTTP_FILTER', 'INSERT_BEFORE')], 'priority: 10'))).toEqual(
      [],
    );
    expect(
      istio(filter('lua', [patch('HTTP_FILTER', 'INSERT_FIRST'), patch('CLUSTER', 'ADD')])),
    ).toEqual([]);
    expect(istio(filter('lua', [patch('FILTER_CHAIN', 'MERGE')]))).toEqual([]);
  });

  it('reports REPLACE outside HTTP_FILTER and NETWORK_FILTER (IST0152) as an error', () => {
    const found = workloadFindings(
      filter('replace', [patch('CLUSTER', 'REPLACE')], 'priority: 10'),
    );
    expect(found).toMatchObject([{ istio: 'IST0152', severity: 'error' }]);
    expect(istio(filter('replace', [patch('NETWORK_FILTER', 'REPLACE')], 'priority: 10'))).toEqual(
      [],
    );
  });

  it('reports ADD and REMOVE on routes (IST0153, IST0154); REMOVE elsewhere is relative', () => {
    expect(istio(filter('add', [patch('ROUTE_CONFIGURATION', 'ADD')]))).toEqual(['IST0153 add']);
    expect(istio(filter('remove', [patch('HTTP_ROUTE', 'REMOVE')]))).toEqual(['IST0154 remove']);
    expect(istio(filter('remove', [patch('NETWORK_FILTER', 'REMOVE')]))).toEqual([
      'IST0151 remove',
    ]);
  });

  it('reports IST0155 for a relative patch of a filter an earlier patch matched by proxyVersion', () => {
    const text = docs(
      filter('first', [patch('HTTP_FILTER', 'INSERT_AFTER', 'envoy.lua1', '^1\\.11.*')]),
      filter('second', [patch('HTTP_FILTER', 'INSERT_AFTER', 'envoy.lua1')]),
    );
    expect(istio(text)).toEqual(['IST0151 first', 'IST0155 second']);
  });

  it('stops at the first patch without a patch body, as Istio does', () => {
    const text = dedent`
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: stops, namespace: bookinfo}
      spec:
        configPatches:
        - applyTo: NETWORK_FILTER
          patch:
        - applyTo: HTTP_ROUTE
          patch: {operation: REMOVE}
    `;
    expect(istio(text)).toEqual([]);
  });
});
