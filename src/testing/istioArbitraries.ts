import fc from 'fast-check';

/** Plain values of valid Istio manifests, as they would be written by hand. */
export type Manifest = Record<string, unknown>;

const ANY_NAME = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
/**
 * Names mostly from a small pool, so that generated manifests refer to each other (a
 * VirtualService bound to a generated Gateway, a route to a generated subset) and properties
 * over whole workspaces reach binding, routing and subset code, not only "not found".
 */
const NAME = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('shop', 'gw', 'api', 'v1', 'v2') },
  { weight: 1, arbitrary: ANY_NAME },
);
const NAMESPACE = fc.constantFrom('default', 'istio-system', 'web');
const DOMAIN = fc.constantFrom('example.com', 'shop.io', 'svc.cluster.local', 'default.svc');
const HOST = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('shop.example.com', 'api.example.com') },
  { weight: 1, arbitrary: fc.tuple(NAME, DOMAIN).map(([name, domain]) => `${name}.${domain}`) },
  { weight: 1, arbitrary: DOMAIN.map((domain) => `*.${domain}`) },
  { weight: 1, arbitrary: fc.constant('*') },
  { weight: 1, arbitrary: NAME },
);
/** A `gateways` entry: `ns/name`, a bare name (the VirtualService's namespace), or `mesh`. */
const GATEWAY_REF = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(NAMESPACE, NAME).map(([ns, name]) => `${ns}/${name}`) },
  { weight: 1, arbitrary: NAME },
  { weight: 1, arbitrary: fc.constant('mesh') },
);
const PORT = fc.oneof(fc.constantFrom(80, 443, 8080, 15443), fc.integer({ min: 1, max: 65535 }));
const PROTOCOL = fc.constantFrom('HTTP', 'HTTPS', 'GRPC', 'HTTP2', 'TCP', 'TLS');
/** Strings that need care when written: YAML 1.1 booleans, numbers, indicators. */
const TRICKY = fc.constantFrom(
  'yes',
  'on',
  'no',
  '1.0',
  '0777',
  'null',
  '~',
  '',
  'a: b',
  '#x',
  '- x',
  "it's",
  '"q"',
  ' lead',
  'trail ',
  'héllo',
  '日本',
);
const TEXT = fc.oneof(NAME, TRICKY, fc.stringMatching(/^[ -~]{0,12}$/));

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Drops undefined members, as a manifest would simply not have the field. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

const METADATA = fc
  .record({
    name: NAME,
    namespace: optional(NAMESPACE),
    labels: optional(fc.dictionary(NAME, TEXT, { maxKeys: 2 })),
  })
  .map(compact);

const STRING_MATCH = fc.oneof(
  fc.record({ exact: TEXT }),
  fc.record({ prefix: fc.stringMatching(/^\/[a-z0-9/-]{0,10}$/) }),
  fc.record({ regex: fc.constantFrom('^/api/(v1|v2)/.*', '.*\\.png$', '[a-z]+') }),
);

const MATCH = fc
  .record({
    uri: optional(STRING_MATCH),
    headers: optional(fc.dictionary(NAME, STRING_MATCH, { minKeys: 1, maxKeys: 2 })),
    port: optional(PORT),
    ignoreUriCase: optional(fc.boolean()),
  })
  .map(compact);

const DESTINATION = fc
  .record({
    host: HOST,
    subset: optional(NAME),
    port: optional(PORT.map((number) => ({ number }))),
  })
  .map(compact);

const HTTP_ROUTE = fc
  .record({
    name: optional(NAME),
    match: optional(fc.array(MATCH, { minLength: 1, maxLength: 2 })),
    route: fc.array(
      fc
        .record({ destination: DESTINATION, weight: optional(fc.integer({ min: 0, max: 100 })) })
        .map(compact),
      { minLength: 1, maxLength: 3 },
    ),
    timeout: optional(fc.constantFrom('5s', '0.5s', '1m')),
    retries: optional(
      fc.record({
        attempts: fc.integer({ min: 0, max: 5 }),
        perTryTimeout: fc.constantFrom('2s', '100ms'),
      }),
    ),
  })
  .map(compact);

export const GATEWAY: fc.Arbitrary<Manifest> = fc.record({
  apiVersion: fc.constantFrom('networking.istio.io/v1', 'networking.istio.io/v1beta1'),
  kind: fc.constant('Gateway'),
  metadata: METADATA,
  spec: fc.record({
    selector: fc.record({ istio: fc.constantFrom('ingressgateway', 'egressgateway') }),
    servers: fc.array(
      fc
        .record({
          port: fc.record({ number: PORT, name: NAME, protocol: PROTOCOL }),
          hosts: fc.array(HOST, { minLength: 1, maxLength: 3 }),
          tls: optional(
            fc.oneof(
              fc.record({ httpsRedirect: fc.boolean() }),
              fc.record({
                mode: fc.constantFrom('SIMPLE', 'MUTUAL', 'PASSTHROUGH'),
                credentialName: NAME,
              }),
            ),
          ),
        })
        .map(compact),
      { minLength: 1, maxLength: 3 },
    ),
  }),
});

export const VIRTUAL_SERVICE: fc.Arbitrary<Manifest> = fc.record({
  apiVersion: fc.constantFrom('networking.istio.io/v1', 'networking.istio.io/v1alpha3'),
  kind: fc.constant('VirtualService'),
  metadata: METADATA,
  spec: fc
    .record({
      hosts: fc.array(HOST, { minLength: 1, maxLength: 3 }),
      gateways: optional(fc.array(GATEWAY_REF, { minLength: 1, maxLength: 2 })),
      http: fc.array(HTTP_ROUTE, { minLength: 1, maxLength: 3 }),
    })
    .map(compact),
});

export const DESTINATION_RULE: fc.Arbitrary<Manifest> = fc.record({
  apiVersion: fc.constant('networking.istio.io/v1'),
  kind: fc.constant('DestinationRule'),
  metadata: METADATA,
  spec: fc
    .record({
      host: HOST,
      trafficPolicy: optional(
        fc.record({
          loadBalancer: fc.record({
            simple: fc.constantFrom('ROUND_ROBIN', 'LEAST_REQUEST', 'RANDOM'),
          }),
        }),
      ),
      subsets: optional(
        fc.array(
          fc.record({ name: NAME, labels: fc.dictionary(NAME, TEXT, { minKeys: 1, maxKeys: 2 }) }),
          { minLength: 1, maxLength: 3 },
        ),
      ),
    })
    .map(compact),
});

export const MANIFEST: fc.Arbitrary<Manifest> = fc.oneof(
  GATEWAY,
  VIRTUAL_SERVICE,
  DESTINATION_RULE,
);

/** A value to write with a `set` edit: scalars of every kind, including ones that need quoting. */
export const SCALAR: fc.Arbitrary<string | number | boolean> = fc.oneof(
  TEXT,
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constantFrom('line 1\nline 2', 'ends with a break\n'),
);
