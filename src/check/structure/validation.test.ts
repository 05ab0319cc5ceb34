import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { seen, structureFindings } from '../../testing/structureFindings.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { lint } from '../lint.ts';

describe('structure findings in the editor', () => {
  it('places the marker on the offending field, with the Istio code', () => {
    const text = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: shop
      spec:
        hosts: [web]
        http:
        - redirect:
            uri: /new
          route:
          - destination:
              host: web
    `;
    const diagnostics = lint(loadWorkspace([{ name: 'vs.yaml', text }])).filter(
      (d) => d.code === 'vs-redirect-with-route',
    );
    expect(diagnostics).toMatchObject([
      {
        file: 'vs.yaml',
        line: 9,
        column: 7,
        path: 'spec.http[0].redirect',
        istio: 'IST0106',
        severity: 'error',
      },
    ]);
    expect(diagnostics[0]?.message).toContain('use one of route, redirect or directResponse');
  });

  it('points at the nearest written node when the field is missing', () => {
    const text = dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: web
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: ["*"]
    `;
    const [diagnostic] = lint(loadWorkspace([{ name: 'gw.yaml', text }])).filter(
      (d) => d.code === 'gateway-tls-missing',
    );
    expect(diagnostic).toMatchObject({ line: 7, path: 'spec.servers[0].tls' });
  });

  it('says LEAST_CONN is deprecated as information only: Istio accepts it silently', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy: {loadBalancer: {simple: LEAST_CONN}}
    `;
    expect(seen(yaml)).toEqual([
      {
        code: 'dr-lb-least-conn-deprecated',
        istio: undefined,
        severity: 'info',
        path: 'spec.trafficPolicy.loadBalancer.simple',
      },
    ]);
  });

  it('gives the same findings again for an unchanged document (cached per document)', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec: {host: "bad_host"}
    `;
    const first = structureFindings(yaml);
    expect(structureFindings(yaml)).toEqual(first);
    expect(first).toHaveLength(1);
  });
});
