import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { structureFindings } from '../../testing/structureFindings.ts';

const schemaOnly = (yaml: string) =>
  structureFindings(yaml)
    .filter((f) => f.code === 'schema-invalid')
    .map((f) => ({
      path: f.path.join('/'),
      istio: f.istio,
      severity: f.severity,
      message: f.message,
    }));

describe('CRD schema (IST0106 SchemaValidationError)', () => {
  it('reports a quoted number where an integer belongs, at the exact field, with the fix', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: shop}
      spec:
        hosts: [web]
        http:
        - route:
          - destination: {host: web, port: {number: "8080"}}
    `;
    const found = schemaOnly(yaml);
    expect(found).toEqual([
      {
        path: 'spec/http/0/route/0/destination/port/number',
        istio: 'IST0106',
        severity: 'error',
        message: expect.stringContaining('remove the quotes'),
      },
    ]);
  });

  it('reports an unknown enum value and lists the allowed ones', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy: {loadBalancer: {simple: FASTEST}}
    `;
    const [found] = schemaOnly(yaml);
    expect(found?.path).toBe('spec/trafficPolicy/loadBalancer/simple');
    expect(found?.message).toContain('ROUND_ROBIN');
  });

  it('reports two members of one oneof once, naming them', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: shop}
      spec:
        hosts: [web]
        http:
        - match:
          - uri: {prefix: /a, exact: /a}
          route:
          - destination: {host: web}
    `;
    const found = schemaOnly(yaml);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('spec/http/0/match/0/uri');
    expect(found[0]?.message).toContain('exact and prefix');
  });

  it('does not report unknown fields: Istio preserves them', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: web}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: ["*"]
          someFutureField: true
    `;
    expect(structureFindings(yaml)).toEqual([]);
  });

  it('treats null fields as absent, as the API server prunes them', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: shop, labels: null}
      spec:
        hosts: [web]
        gateways: null
        http:
        - match: null
          fault: null
          route:
          - destination: {host: web, subset: null}
    `;
    expect(structureFindings(yaml)).toEqual([]);
  });

  it('lets the rule speak when it covers the same field (no double report)', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy: {loadBalancer: {warmup: {minimumPercent: 150}}}
    `;
    expect(structureFindings(yaml).map((f) => f.code)).toEqual([
      'dr-warmup-invalid',
      'dr-warmup-invalid',
    ]);
  });
});

describe('schema messages say how to fix common slips', () => {
  it('a duration written as a bare number needs a unit', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: shop}
      spec:
        hosts: [web]
        http:
        - route: [{destination: {host: web}}]
          timeout: 10
    `;
    expect(schemaOnly(yaml)).toEqual([
      expect.objectContaining({
        path: 'spec/http/0/timeout',
        message: expect.stringContaining('such as 10s'),
      }),
    ]);
  });
});
