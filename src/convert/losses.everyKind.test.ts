/**
 * Losses of one Istio design that uses everything the Gateway API cannot say (one rule per kind
 * of loss): each loss reported with its path, what carries over, and the reordering loss the
 * simulation shows. Other cases, one design each, are in losses.cases.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { convert } from './convert.ts';
import { load } from './testDesigns.ts';
import { verify } from './verify.ts';

/** An Istio design that uses what the Gateway API cannot say, one rule per kind of loss. */
const ISTIO = load(`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: web, namespace: edge}
  spec:
    selector: {istio: ingressgateway}
    servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: ["*/shop.example.com", "*/api.example.com"]
      - port: {number: 443, name: tls, protocol: TLS}
        hosts: ["*/db.example.com"]
        tls: {mode: PASSTHROUGH}
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: shop, namespace: store}
  spec:
    hosts: [shop.example.com]
    gateways: [edge/web, mesh]
    http:
      - name: slow
        match: [{uri: {prefix: /slow}}]
        fault: {delay: {fixedDelay: 5s, percentage: {value: 100}}}
        route: [{destination: {host: shop}}]
      - name: retried
        match: [{uri: {exact: /pay}}]
        retries: {attempts: 3}
        corsPolicy: {allowOrigins: [{exact: https://a.example.com}]}
        route: [{destination: {host: shop}}]
      - name: catalog
        match: [{uri: {regex: "/items/[0-9]+"}}]
        route: [{destination: {host: catalog.goods.svc.cluster.local, port: {number: 8080}}}]
      - name: versions
        match: [{uri: {prefix: /}, headers: {x-beta: {exact: "1"}}}]
        route:
          - destination: {host: shop, subset: v2}
            weight: 100
      - name: later
        match: [{uri: {exact: /pay/now}}]
        route: [{destination: {host: shop}}]
      - name: elsewhere
        delegate: {name: more, namespace: store}
    tls:
      - match: [{sniHosts: [db.example.com], port: 443}]
        route: [{destination: {host: db}}]
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: shop, namespace: store}
  spec:
    host: shop
    subsets:
      - name: v2
        labels: {version: v2}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: shop, namespace: store}
  spec:
    selector: {app: shop}
    ports: [{name: http, port: 80, targetPort: 8080}]
`);

describe('Istio → Gateway API: each loss is reported with its path', () => {
  const conversion = convert(ISTIO, 'gateway-api');
  const at = (path: string) =>
    conversion.losses.filter((l) => l.resource === 'VirtualService/store/shop' && l.path === path);

  test.each([
    ['spec.http[0].fault', /fault injection/],
    ['spec.http[0].match[0].uri.prefix', /whole path segments \(\/slowx no longer matches\)/],
    ['spec.http[1].retries', /retry/],
    ['spec.http[1].corsPolicy', /CORS/],
    ['spec.http[2].match[0].uri.regex', /implementation-specific/],
    [
      'spec.http[3].route[0].destination.subset',
      /subset v2 \(version: v2\).*one Service per version.*store\/shop-v2/,
    ],
    [
      'spec.http[4]',
      /precedence puts http\[4\] before http\[3\] .*goes to http\[4\] where the VirtualService sent it to http\[3\]/,
    ],
    ['spec.http[5].delegate', /no delegation/],
    ['spec.gateways', /mesh/],
  ])('%s', (path, message) => {
    expect(at(path).map((l) => l.message)).toEqual([expect.stringMatching(message)]);
  });

  test('the selector of the old gateway pods is reported on the Gateway', () => {
    expect(conversion.losses).toContainEqual(
      expect.objectContaining({ resource: 'Gateway/edge/web', path: 'spec.selector' }),
    );
  });

  test('a server with two hosts is two listeners; passthrough TLS is a TLS listener', () => {
    const text = conversion.files[0]?.text ?? '';
    expect(text).toMatch(/- name: http-0\n\s+hostname: shop.example.com\n\s+port: 80/);
    expect(text).toMatch(/- name: http-1\n\s+hostname: api.example.com/);
    expect(text).toMatch(
      /name: tls\n\s+hostname: db.example.com\n\s+port: 443\n\s+protocol: TLS\n\s+tls:\n\s+mode: Passthrough/,
    );
  });

  test('a tls rule is a TLSRoute on the passthrough listener, its sniHosts the hostnames', () => {
    const text = conversion.files[0]?.text ?? '';
    expect(text).toMatch(
      /kind: TLSRoute\nmetadata:\n\s+name: shop-tls-0\n\s+namespace: store\nspec:\n\s+parentRefs:\n\s+- name: web\n\s+namespace: edge\n\s+sectionName: tls\n\s+hostnames:\n\s+- db.example.com\n\s+rules:\n\s+- backendRefs:\n\s+- name: db\n/,
    );
  });

  test('a backend in another namespace gets a ReferenceGrant there, naming the Service', () => {
    const text = conversion.files[0]?.text ?? '';
    expect(text).toMatch(/- name: catalog\n\s+namespace: goods\n\s+port: 8080/);
    expect(text).toMatch(
      /kind: ReferenceGrant\nmetadata:\n\s+name: routes-from-store\n\s+namespace: goods[\s\S]*kind: HTTPRoute\n\s+namespace: store\n\s+to:\n\s+- group: ""\n\s+kind: Service\n\s+name: catalog/,
    );
  });

  test('every difference the simulation finds is explained by one of these losses', () => {
    const result = verify(ISTIO, conversion);
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });

  test('without the loss report the same differences are unexplained: verify can fail', () => {
    const result = verify(ISTIO, { ...conversion, losses: [] });
    expect(result.differences.length).toBeGreaterThan(0);
    expect(result.differences.every((d) => d.explainedBy === undefined)).toBe(true);
  });
});

describe('Istio → Gateway API: what carries over', () => {
  const workspace = load(`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: {name: gw, namespace: default}
    spec:
      servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls: {mode: SIMPLE, credentialName: shop-cert}
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: shop, namespace: default}
    spec:
      hosts: [shop.example.com]
      gateways: [gw]
      http:
        - match: [{uri: {prefix: /old/}, method: {exact: POST}, queryParams: {v: {exact: "2"}}}]
          rewrite: {uri: /new/, authority: internal.example.com}
          headers: {request: {set: {x-from: gateway}, remove: [x-debug]}}
          mirror: {host: shadow, port: {number: 80}}
          mirrorPercentage: {value: 25}
          timeout: 3s
          route: [{destination: {host: shop, port: {number: 80}}}]
        - match: [{uri: {exact: /moved}}]
          redirect: {uri: /here, authority: www.example.com}
  `);
  const text = convert(workspace, 'gateway-api').files[0]?.text ?? '';

  test('TLS SIMPLE with a credentialName is an HTTPS listener with certificateRefs', () => {
    expect(text).toMatch(
      /protocol: HTTPS\n\s+tls:\n\s+mode: Terminate\n\s+certificateRefs:\n\s+- name: shop-cert/,
    );
  });

  test('matches, rewrite, headers, mirror and timeout become matches, filters and timeouts', () => {
    expect(text).toMatch(
      /path:\n\s+type: PathPrefix\n\s+value: \/old\/\n\s+queryParams:\n\s+- name: v\n\s+value: "2"\n\s+method: POST/,
    );
    expect(text).toMatch(
      /type: RequestHeaderModifier\n\s+requestHeaderModifier:\n\s+set:\n\s+- name: x-from\n\s+value: gateway\n\s+remove:\n\s+- x-debug/,
    );
    expect(text).toMatch(
      /type: URLRewrite\n\s+urlRewrite:\n\s+path:\n\s+type: ReplacePrefixMatch\n\s+replacePrefixMatch: \/new\/\n\s+hostname: internal.example.com/,
    );
    expect(text).toMatch(
      /type: RequestMirror\n\s+requestMirror:\n\s+backendRef:\n\s+name: shadow\n\s+port: 80\n\s+percent: 25/,
    );
    expect(text).toMatch(/timeouts:\n\s+request: 3s/);
  });

  test('an Istio redirect says its 301, which the Gateway API would otherwise make a 302', () => {
    expect(text).toMatch(
      /type: RequestRedirect\n\s+requestRedirect:\n\s+hostname: www.example.com\n\s+path:\n\s+type: ReplaceFullPath\n\s+replaceFullPath: \/here\n\s+statusCode: 301/,
    );
  });

  test('the comments say where each resource came from', () => {
    expect(text).toContain(
      '# Converted from Gateway default/gw (networking.istio.io)\napiVersion: gateway.networking.k8s.io/v1',
    );
    expect(text).toContain('# Converted from VirtualService default/shop\napiVersion');
  });
});

describe('the reordering loss is what the simulation shows', () => {
  test('a request both rules match changes rule, and the precedence loss explains it', () => {
    const conversion = convert(ISTIO, 'gateway-api');
    const both = { url: 'http://shop.example.com/pay/now', headers: { 'x-beta': '1' } };
    const result = verify(ISTIO, conversion, [both]);
    const found = result.differences.find((d) => d.request === both);
    expect(found?.before.destinations).toEqual([expect.stringMatching(/shop-v2|v2/)]);
    expect(found?.explainedBy?.path).toBe('spec.http[4]');
  });
});
