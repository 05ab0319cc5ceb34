import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadWorkspace } from '../workspace/workspace.ts';
import { convert } from './convert.ts';
import { verify } from './verify.ts';

/** Services and pods every generated design routes to: shop in two versions (subsets), api. */
const BACKENDS = [
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api', namespace: 'default' },
    spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 8080 }] },
  },
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { host: 'shop', subsets: ['v1', 'v2'].map((v) => ({ name: v, labels: { version: v } })) },
  },
  ...['v1', 'v2'].map((v) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `shop-${v}`, namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'shop', version: v } },
      template: { metadata: { labels: { app: 'shop', version: v } } },
    },
  })),
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } } },
    },
  },
];

const PATH = fc.constantFrom('/', '/api', '/api/', '/api/v1', '/pay');
const istioUri = fc.oneof(
  PATH.map((p) => ({ exact: p })),
  PATH.map((p) => ({ prefix: p })),
  fc.constant({ regex: '/api/[0-9]+' }),
);
const istioMatch = fc.record(
  {
    uri: istioUri,
    headers: fc.constantFrom({ 'x-team': { exact: 'blue' } }, { 'x-team': { prefix: 'gr' } }),
    method: fc.constantFrom({ exact: 'GET' }, { exact: 'POST' }),
    queryParams: fc.constantFrom({ v: { exact: '2' } }, { v: { regex: '[0-9]+' } }),
    withoutHeaders: fc.constant({ 'x-team': { exact: 'blue' } }),
    ignoreUriCase: fc.constant(true),
  },
  { requiredKeys: [] },
);
const istioDestination = fc.constantFrom(
  { host: 'shop', subset: 'v1' },
  { host: 'shop', subset: 'v2' },
  { host: 'api' },
  { host: 'shop' },
  { host: 'gone' },
  { host: 'shop.default.svc.cluster.local', port: { number: 80 } },
);
/** A rule routes (with optional actions) or redirects, as Istio validation allows. */
const istioRoutingRule = fc.record(
  {
    match: fc.array(istioMatch, { minLength: 1, maxLength: 2 }),
    route: fc
      .array(fc.tuple(istioDestination, fc.integer({ min: 0, max: 100 })), {
        minLength: 1,
        maxLength: 2,
      })
      .map((ds) =>
        ds.map(([destination, weight]) =>
          ds.length > 1 ? { destination, weight } : { destination },
        ),
      ),
    timeout: fc.constant('2s'),
    retries: fc.constant({ attempts: 3 }),
    rewrite: fc.constantFrom({ uri: '/v2' }, { authority: 'inside.example.com' }),
    mirror: fc.constantFrom({ host: 'api' }, { host: 'shop', subset: 'v2' }),
    mirrorPercentage: fc.constantFrom({ value: 25 }, { value: 100 }),
  },
  { requiredKeys: ['route'] },
);
const istioRule = fc.oneof(
  { weight: 4, arbitrary: istioRoutingRule },
  {
    weight: 1,
    arbitrary: istioRoutingRule.map((rule) => ({
      ...rule,
      fault: { abort: { httpStatus: 418, percentage: { value: 100 } } },
    })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      match: fc.array(istioMatch, { minLength: 1, maxLength: 2 }),
      redirect: fc.constantFrom(
        { uri: '/moved' },
        { scheme: 'https' },
        { authority: 'www.example.com', redirectCode: 302 },
      ),
    }),
  },
);

function istioDesign(rules: readonly unknown[]) {
  const docs = [
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'default' },
      spec: {
        servers: [
          { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] },
        ],
      },
    },
    {
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: { name: 'shop', namespace: 'default' },
      spec: { hosts: ['shop.example.com'], gateways: ['gw'], http: rules },
    },
    ...BACKENDS,
  ];
  return loadWorkspace([
    { name: 'design.yaml', text: docs.map((d) => stringify(d)).join('---\n') },
  ]);
}

const gatewayMatch = fc.record(
  {
    path: fc.oneof(
      PATH.map((value) => ({ type: 'Exact', value })),
      PATH.map((value) => ({ type: 'PathPrefix', value })),
      fc.constant({ type: 'RegularExpression', value: '/api/[0-9]+' }),
    ),
    headers: fc.constantFrom(
      [{ name: 'x-team', value: 'blue' }],
      [{ type: 'RegularExpression', name: 'x-team', value: 'gr.*' }],
    ),
    method: fc.constantFrom('GET', 'POST'),
    queryParams: fc.constantFrom(
      [{ name: 'v', value: '2' }],
      [{ type: 'RegularExpression', name: 'v', value: '[0-9]+' }],
    ),
  },
  { requiredKeys: [] },
);
const gatewayRule = fc.record(
  {
    matches: fc.array(gatewayMatch, { minLength: 1, maxLength: 2 }),
    backendRefs: fc.array(
      fc
        .tuple(
          fc.constantFrom(
            { name: 'shop', port: 80 },
            { name: 'api', port: 8080 },
            { name: 'gone', port: 80 },
            { name: 'shop', namespace: 'other', port: 80 },
            { name: 'shop' },
          ),
          fc.integer({ min: 0, max: 5 }),
        )
        .map(([ref, weight]) => ({ ...ref, weight })),
      { minLength: 1, maxLength: 2 },
    ),
    filters: fc.constantFrom(
      [
        {
          type: 'RequestMirror',
          requestMirror: { backendRef: { name: 'api', port: 8080 }, percent: 30 },
        },
      ],
      [
        {
          type: 'URLRewrite',
          urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/v2' } },
        },
      ],
      [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
      [
        {
          type: 'RequestRedirect',
          requestRedirect: {
            hostname: 'www.example.com',
            path: { type: 'ReplaceFullPath', replaceFullPath: '/moved' },
          },
        },
      ],
      [
        {
          type: 'URLRewrite',
          urlRewrite: {
            hostname: 'inside.example.com',
            path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' },
          },
        },
      ],
      [
        {
          type: 'RequestHeaderModifier',
          requestHeaderModifier: { set: [{ name: 'x-from', value: 'gw' }] },
        },
      ],
    ),
  },
  { requiredKeys: ['backendRefs'] },
);

function gatewayApiDesign(rules: readonly unknown[]) {
  const docs = [
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'default' },
      spec: {
        gatewayClassName: 'istio',
        listeners: [{ name: 'http', hostname: 'shop.example.com', port: 80, protocol: 'HTTP' }],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace: 'default' },
      spec: { parentRefs: [{ name: 'gw' }], hostnames: ['shop.example.com'], rules },
    },
    ...BACKENDS.filter((d) => d.kind !== 'DestinationRule'),
  ];
  return loadWorkspace([
    { name: 'design.yaml', text: docs.map((d) => stringify(d)).join('---\n') },
  ]);
}

describe('simulate(source) = simulate(convert(source)) except where a loss names the difference', () => {
  test('Istio → Gateway API', () => {
    let explained = 0;
    fc.assert(
      fc.property(fc.array(istioRule, { minLength: 1, maxLength: 4 }), (rules) => {
        const source = istioDesign(rules);
        const result = verify(source, convert(source, 'gateway-api'));
        expect(result.total).toBeGreaterThan(0);
        expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
        explained += result.differences.length;
      }),
      { numRuns: 60 },
    );
    // The generated designs do use what the Gateway API cannot say (faults, string prefixes).
    expect(explained).toBeGreaterThan(0);
  });

  test('Gateway API → Istio', () => {
    fc.assert(
      fc.property(fc.array(gatewayRule, { minLength: 1, maxLength: 4 }), (rules) => {
        const source = gatewayApiDesign(rules);
        const result = verify(source, convert(source, 'istio'));
        expect(result.total).toBeGreaterThan(0);
        expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
