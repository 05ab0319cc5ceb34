import destinationRule from './schemas/destination-rule.json';
import gateway from './schemas/gateway.json';
import virtualService from './schemas/virtual-service.json';

/** The part of monaco-yaml's `SchemasSettings` this uses (kept here so tests need no Monaco). */
export interface SchemaAssociation {
  readonly uri: string;
  readonly fileMatch: string[];
  readonly schema: Record<string, unknown>;
}

/** A base for the schemas' ids. They are never fetched: monaco-yaml gets them inline. */
const BASE = 'https://istio-designer.local/schemas';

/**
 * The generated schemas (see scripts/generate-schemas.ts), by the `kind` they describe. The
 * ids end in `.json` so hovers name the source the way users expect.
 */
export const KIND_SCHEMAS = [
  { kind: 'Gateway', uri: `${BASE}/gateway.json`, schema: gateway },
  { kind: 'VirtualService', uri: `${BASE}/virtual-service.json`, schema: virtualService },
  { kind: 'DestinationRule', uri: `${BASE}/destination-rule.json`, schema: destinationRule },
] as const;

/**
 * monaco-yaml applies one schema per file, but a file holds documents of many kinds, so the
 * schema picks per document: `if` the document's `kind` is one of ours (and its `apiVersion`,
 * when written, is Istio's networking group, which keeps a Kubernetes Gateway API `Gateway`
 * out), `then` that kind's schema applies. Documents of other kinds (Service, HPA…) get no
 * schema rules at all.
 */
const BY_KIND = KIND_SCHEMAS.map(({ kind, uri }) => ({
  if: {
    required: ['kind'],
    properties: {
      kind: { const: kind },
      apiVersion: { type: 'string', pattern: '^networking\\.istio\\.io/' },
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
      examples: KIND_SCHEMAS.map((k) => k.kind),
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
