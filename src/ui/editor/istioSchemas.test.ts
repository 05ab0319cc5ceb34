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

  it('leave other kinds, and the Kubernetes Gateway API’s Gateway, alone', () => {
    expect(validate({ apiVersion: 'v1', kind: 'Service', spec: { anything: 1 } })).toBe(true);
    const k8sGateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      spec: { gatewayClassName: 'istio', listeners: [] },
    };
    expect(validate(k8sGateway)).toBe(true);
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
