import { Gateway as K8sGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
// ajv comes with @kubernetes-models/istio (through @kubernetes-models/validate); it stands in
// here for the YAML language server's validator, which only runs in a browser worker.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE_YAML } from '../../workspace/example.ts';
import { KIND_SCHEMAS, MANIFEST_SCHEMA, schemaAssociations } from './istioSchemas.ts';
import { MODEL_FILE_MATCH } from './modelPath.ts';

const ajv = new Ajv({ strict: false, allErrors: true });
for (const { uri, schema } of KIND_SCHEMAS) ajv.addSchema(schema, uri);
const validate = ajv.compile(MANIFEST_SCHEMA);

/** The package's own validators, compiled from Istio's CRDs: the reference for what is valid. */
const ISTIO = { Gateway, VirtualService, DestinationRule } as const;

function istioAccepts(doc: { kind: keyof typeof ISTIO }): boolean {
  try {
    new ISTIO[doc.kind](doc as never).validate();
    return true;
  } catch {
    return false;
  }
}

const vs = (http: unknown) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService' as const,
  metadata: { name: 'a' },
  spec: { hosts: ['a'], http: [http] },
});
const dr = (trafficPolicy: unknown) => ({
  apiVersion: 'networking.istio.io/v1',
  kind: 'DestinationRule' as const,
  metadata: { name: 'a' },
  spec: { host: 'a', trafficPolicy },
});

describe('the generated Istio schemas', () => {
  it('accept every document of the example', () => {
    for (const doc of parseAllDocuments(EXAMPLE_YAML)) {
      const value = doc.toJS();
      expect(validate(value), `${value.kind}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    ['a redirect with neither port nor derivePort', vs({ redirect: { uri: '/x' } }), true],
    ['a redirect with both', vs({ redirect: { port: 8, derivePort: 'FROM_REQUEST_PORT' } }), false],
    ['a match with exact and prefix', vs({ match: [{ uri: { exact: '/', prefix: '/' } }] }), false],
    [
      'a weight written as text',
      vs({ route: [{ destination: { host: 'a' }, weight: '5' }] }),
      false,
    ],
    [
      'a hash on a header alone',
      dr({ loadBalancer: { consistentHash: { httpHeaderName: 'x' } } }),
      true,
    ],
    [
      'a hash on a header and a cookie',
      dr({ loadBalancer: { consistentHash: { httpHeaderName: 'x', httpCookie: { name: 'c' } } } }),
      false,
    ],
    [
      'simple and consistentHash',
      dr({ loadBalancer: { simple: 'RANDOM', consistentHash: { useSourceIp: true } } }),
      false,
    ],
    ['an unknown load balancer', dr({ loadBalancer: { simple: 'FASTEST' } }), false],
  ])('agree with Istio’s CRD on %s', (_name, doc, valid) => {
    expect(istioAccepts(doc)).toBe(valid);
    expect(validate(doc)).toBe(valid);
  });

  it('flag unknown fields (Istio rejects them; its CRD validators only prune them)', () => {
    expect(validate(vs({ match: [{ uri: { prefx: '/' } }] }))).toBe(false);
  });

  it('take the older API versions and no made-up one', () => {
    const older = { ...vs({}), apiVersion: 'networking.istio.io/v1alpha3' };
    expect(validate(older)).toBe(true);
    expect(validate({ ...older, apiVersion: 'networking.istio.io/v2' })).toBe(false);
  });

  it('leave other kinds alone', () => {
    expect(validate({ apiVersion: 'v1', kind: 'Service', spec: { anything: 1 } })).toBe(true);
  });

  it('apply to the editor’s models only, the kind schemas by reference', () => {
    const associations = schemaAssociations(MODEL_FILE_MATCH);
    expect(associations.filter((a) => a.fileMatch.length > 0).map((a) => a.fileMatch)).toEqual([
      [MODEL_FILE_MATCH],
    ]);
  });
});

describe('a List of manifests (kubectl get -o yaml)', () => {
  const items = parseAllDocuments(EXAMPLE_YAML).map((doc) => doc.toJS());
  it('checks each item against its kind’s schema', () => {
    expect(validate({ apiVersion: 'v1', kind: 'List', items })).toBe(true);
    const bad = vs({ route: [{ destination: { host: 'a' }, weight: '5' }] });
    expect(validate({ apiVersion: 'v1', kind: 'List', items: [...items, bad] })).toBe(false);
  });
});

describe('the generated Gateway API schemas', () => {
  const k8sGateway = (spec: unknown) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway' as const,
    metadata: { name: 'a' },
    spec,
  });
  const route = (rule: unknown) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute' as const,
    metadata: { name: 'a' },
    spec: { parentRefs: [{ name: 'gw' }], rules: [rule] },
  });
  const listener = { name: 'http', port: 80, protocol: 'HTTP' };

  /** The package's validators, compiled from the Gateway API's CRDs (CEL rules aside). */
  function crdAccepts(doc: { kind: string }): boolean {
    try {
      if (doc.kind === 'Gateway') new K8sGateway(doc as never).validate();
      else new HTTPRoute(doc as never).validate();
      return true;
    } catch {
      return false;
    }
  }

  it.each([
    [
      'a Gateway with a listener',
      k8sGateway({ gatewayClassName: 'istio', listeners: [listener] }),
      true,
    ],
    [
      'a listener port written as text',
      k8sGateway({ gatewayClassName: 'istio', listeners: [{ ...listener, port: '80' }] }),
      false,
    ],
    [
      'an unknown TLS mode',
      k8sGateway({
        gatewayClassName: 'istio',
        listeners: [{ ...listener, protocol: 'TLS', tls: { mode: 'Simple' } }],
      }),
      false,
    ],
    [
      'a route with a path prefix and weights',
      route({
        matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
        backendRefs: [{ name: 'a', port: 80, weight: 90 }],
      }),
      true,
    ],
    [
      'an unknown path match type',
      route({ matches: [{ path: { type: 'Prefix', value: '/' } }] }),
      false,
    ],
    [
      'a weight written as text',
      route({ backendRefs: [{ name: 'a', port: 80, weight: '5' }] }),
      false,
    ],
    ['an unknown filter type', route({ filters: [{ type: 'Rewrite' }] }), false],
    [
      'a redirect status outside the enum',
      route({ filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 304 } }] }),
      false,
    ],
  ])('agree with the Gateway API’s CRD on %s', (_name, doc, valid) => {
    expect(crdAccepts(doc)).toBe(valid);
    expect(validate(doc)).toBe(valid);
  });

  it('flag unknown fields (the API server rejects them; the package’s validators only prune them)', () => {
    expect(validate(route({ matches: [{ paht: { value: '/' } }] }))).toBe(false);
    expect(
      validate(k8sGateway({ gatewayClassName: 'istio', listeners: [listener], servers: [] })),
    ).toBe(false);
  });

  it('pick by apiVersion: an Istio Gateway gets Istio’s schema, a Gateway API one the Gateway API’s', () => {
    const istio = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: { name: 'a' },
      spec: { selector: { istio: 'ingressgateway' }, servers: [] },
    };
    expect(validate(istio)).toBe(true);
    expect(validate({ ...istio, spec: { gatewayClassName: 'istio', listeners: [listener] } })).toBe(
      false,
    );
    expect(validate({ ...istio, apiVersion: 'gateway.networking.k8s.io/v1' })).toBe(false);
    expect(validate(k8sGateway({ gatewayClassName: 'istio', listeners: [listener] }))).toBe(true);
  });

  it('take the versions each kind is served as', () => {
    const tcp = {
      apiVersion: 'gateway.networking.k8s.io/v1alpha2',
      kind: 'TCPRoute',
      spec: { rules: [{ backendRefs: [{ name: 'echo', port: 9000 }] }] },
    };
    expect(validate(tcp)).toBe(true);
    expect(validate({ ...tcp, apiVersion: 'gateway.networking.k8s.io/v3' })).toBe(false);
    expect(validate({ ...tcp, spec: { hostnames: ['a.com'], rules: [] } })).toBe(false);
  });

  it('document the fields for hover, from the API reference', () => {
    const http = KIND_SCHEMAS.find((k) => k.kind === 'HTTPRoute')?.schema as {
      properties: { spec: { properties: Record<string, { description?: string }> } };
    };
    expect(Object.keys(http.properties.spec.properties)).toEqual(
      expect.arrayContaining(['parentRefs', 'hostnames', 'rules']),
    );
    expect(http.properties.spec.properties.hostnames?.description).toMatch(/^Hostnames defines/);
  });
});
