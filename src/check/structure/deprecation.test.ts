import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { structureFindings } from '../../testing/structureFindings.ts';

const deprecations = (yaml: string) =>
  structureFindings(yaml)
    .filter((f) => f.istio === 'IST0002')
    .map((f) => ({ resource: f.resource, path: f.path.join('.'), severity: f.severity }));

describe('IST0002 Deprecated (deprecation.FieldAnalyzer)', () => {
  it('flags fault.delay.percent on each HTTP rule that sets it', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1alpha3
      kind: VirtualService
      metadata: {name: ratings, namespace: shop}
      spec:
        hosts: [ratings]
        http:
        - fault: {delay: {percent: 50, fixedDelay: 5s}}
          route: [{destination: {host: ratings}}]
        - fault: {delay: {percentage: {value: 50}, fixedDelay: 5s}}
          route: [{destination: {host: ratings}}]
    `;
    expect(deprecations(yaml)).toEqual([
      {
        resource: 'VirtualService/shop/ratings',
        path: 'spec.http.0.fault.delay.percent',
        severity: 'warning',
      },
    ]);
  });

  it('does not flag percent 0', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings}
      spec:
        hosts: [ratings]
        http:
        - fault: {delay: {percent: 0, fixedDelay: 5s}}
          route: [{destination: {host: ratings}}]
    `;
    expect(deprecations(yaml)).toEqual([]);
  });

  it('flags a Sidecar egressProxy, a kind the designer does not model', () => {
    const yaml = dedent`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        outboundTrafficPolicy:
          mode: ALLOW_ANY
          egressProxy: {host: proxy, port: {number: 8080}}
    `;
    expect(deprecations(yaml)).toEqual([
      {
        resource: 'Sidecar/shop/default',
        path: 'spec.outboundTrafficPolicy.egressProxy',
        severity: 'warning',
      },
    ]);
  });

  it('flags CRDs of the removed rbac.istio.io kinds, and nothing for other old kinds', () => {
    const yaml = dedent`
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: serviceroles.rbac.istio.io}
      spec:
        group: rbac.istio.io
        names: {kind: ServiceRole}
      ---
      apiVersion: config.istio.io/v1alpha2
      kind: QuotaSpec
      metadata: {name: request-count}
      spec: {}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: old}
      spec:
        workloadLabels: {istio: egressgateway}
    `;
    expect(deprecations(yaml).map((f) => f.resource)).toEqual([
      'CustomResourceDefinition/default/serviceroles.rbac.istio.io',
    ]);
  });
});
