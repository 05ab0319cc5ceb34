import destinationRule from './schemas/destination-rule.json';
import gateway from './schemas/gateway.json';
import gatewayClass from './schemas/gateway-class.json';
import grpcRoute from './schemas/grpc-route.json';
import httpRoute from './schemas/http-route.json';
import k8sGateway from './schemas/k8s-gateway.json';
import referenceGrant from './schemas/reference-grant.json';
import tcpRoute from './schemas/tcp-route.json';
import tlsRoute from './schemas/tls-route.json';
import virtualService from './schemas/virtual-service.json';

/** The part of monaco-yaml's `SchemasSettings` this uses (kept here so tests need no Monaco). */
export interface SchemaAssociation {
  readonly uri: string;
  readonly fileMatch: string[];
  readonly schema: Record<string, unknown>;
}

/** A base for the schemas' ids. They are never fetched: monaco-yaml gets them inline. */
const BASE = 'https://istio-designer.local/schemas';

/** `apiVersion` patterns of the two API groups; `Gateway` is a kind of both. */
const ISTIO = '^networking\\.istio\\.io/';
const GATEWAY_API = '^gateway\\.networking\\.k8s\\.io/';

/**
 * The generated schemas (see scripts/generate-schemas.ts), by the `kind` they describe and the
 * `apiVersion` pattern of their group. The ids end in `.json` so hovers name the source the
 * way users expect.
 */
export const KIND_SCHEMAS = [
  { kind: 'Gateway', api: ISTIO, uri: `${BASE}/gateway.json`, schema: gateway },
  {
    kind: 'VirtualService',
    api: ISTIO,
    uri: `${BASE}/virtual-service.json`,
    schema: virtualService,
  },
  {
    kind: 'DestinationRule',
    api: ISTIO,
    uri: `${BASE}/destination-rule.json`,
    schema: destinationRule,
  },
  { kind: 'Gateway', api: GATEWAY_API, uri: `${BASE}/k8s-gateway.json`, schema: k8sGateway },
  {
    kind: 'GatewayClass',
    api: GATEWAY_API,
    uri: `${BASE}/gateway-class.json`,
    schema: gatewayClass,
  },
  { kind: 'HTTPRoute', api: GATEWAY_API, uri: `${BASE}/http-route.json`, schema: httpRoute },
  { kind: 'GRPCRoute', api: GATEWAY_API, uri: `${BASE}/grpc-route.json`, schema: grpcRoute },
  { kind: 'TLSRoute', api: GATEWAY_API, uri: `${BASE}/tls-route.json`, schema: tlsRoute },
  { kind: 'TCPRoute', api: GATEWAY_API, uri: `${BASE}/tcp-route.json`, schema: tcpRoute },
  {
    kind: 'ReferenceGrant',
    api: GATEWAY_API,
    uri: `${BASE}/reference-grant.json`,
    schema: referenceGrant,
  },
] as const;

/**
 * monaco-yaml applies one schema per file, but a file holds documents of many kinds, so the
 * schema picks per document: `if` the document's `kind` is one of ours and its `apiVersion`,
 * when written, is of that schema's group (Istio's networking group or the Kubernetes Gateway
 * API's: the `Gateway` of one never gets the other's schema), `then` that kind's schema
 * applies. Documents of other kinds (Service, HPA…) get no schema rules at all.
 */
const BY_KIND = KIND_SCHEMAS.map(({ kind, api, uri }, index) => ({
  if: {
    // A document without `apiVersion` (being typed) gets the first schema of its kind only:
    // Istio's `Gateway`, as before the Gateway API's was added.
    required:
      KIND_SCHEMAS.findIndex((k) => k.kind === kind) === index ? ['kind'] : ['kind', 'apiVersion'],
    properties: {
      kind: { const: kind },
      apiVersion: { type: 'string', pattern: api },
    },
  },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`, not a promise.
  then: { $ref: uri },
}));

/**
 * The schema every manifest document is checked against, and each item of a List
 * (`kubectl get -o yaml`) alike.
 */
export const MANIFEST_SCHEMA: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    apiVersion: {
      type: 'string',
      description: 'The API group and version of the resource.',
      examples: ['networking.istio.io/v1'],
    },
    kind: {
      type: 'string',
      description: 'The kind of resource.',
      examples: [...new Set(KIND_SCHEMAS.map((k) => k.kind))],
    },
    items: {
      type: 'array',
      description: 'The resources of a List, as kubectl get prints them.',
      items: { type: 'object', allOf: BY_KIND },
    },
  },
  allOf: BY_KIND,
};

/** The `schemas` option for monaco-yaml: the per-kind schemas by id, and the one that picks. */
export function schemaAssociations(fileMatch: string): SchemaAssociation[] {
  return [
    ...KIND_SCHEMAS.map(({ uri, schema }) => ({ uri, fileMatch: [], schema })),
    { uri: `${BASE}/manifest.json`, fileMatch: [fileMatch], schema: MANIFEST_SCHEMA },
  ];
}
