import { isSchema, type JsonSchema, without } from './jsonSchema.ts';

/** The `apiVersion`s Istio serves the networking kinds under: one schema fits all three. */
export const NETWORKING_VERSIONS = [
  'networking.istio.io/v1',
  'networking.istio.io/v1beta1',
  'networking.istio.io/v1alpha3',
] as const;

/** The API group a kind belongs to and the versions its schema serves. */
export interface ResourceApi {
  readonly group: string;
  readonly versions: readonly string[];
  readonly versionHelp: (kind: string) => string;
}

const ISTIO_NETWORKING_API: ResourceApi = {
  group: 'networking.istio.io',
  versions: NETWORKING_VERSIONS,
  versionHelp: (kind) =>
    `The API group and version. Istio serves ${kind} as v1; v1beta1 and v1alpha3 are older names of the same schema.`,
};

/** The ObjectMeta fields people write; the rest are set by the API server. */
const WRITTEN_META = ['name', 'namespace', 'labels', 'annotations', 'generateName', 'finalizers'];

/**
 * Rewrites the generated top level of a resource schema for an editor:
 * - `apiVersion` accepts every served version, not only the one the declarations name;
 * - `metadata` offers the fields people write, and still accepts what `kubectl get -o yaml`
 *   adds (uid, resourceVersion, managedFields…) without a marker, instead of a 20 KB
 *   ObjectMeta schema;
 * - `status` is accepted as anything: Istio writes it, nobody edits it.
 */
export function editorEnvelope(
  schema: JsonSchema,
  kind: string,
  api: ResourceApi = ISTIO_NETWORKING_API,
): JsonSchema {
  const definitions = isSchema(schema.definitions) ? schema.definitions : {};
  const objectMeta = isSchema(definitions.IObjectMeta) ? definitions.IObjectMeta : {};
  const metaProperties = isSchema(objectMeta.properties) ? objectMeta.properties : {};
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const spec = properties.spec;

  const out: JsonSchema = {
    ...without(schema, 'definitions'),
    title: `${kind} (${api.group})`,
    properties: {
      apiVersion: {
        type: 'string',
        enum: [...api.versions],
        description: api.versionHelp(kind),
      },
      kind: { type: 'string', const: kind },
      metadata: {
        type: 'object',
        description: 'Name, namespace, labels and annotations of the resource.',
        properties: Object.fromEntries(
          WRITTEN_META.filter((k) => k in metaProperties).map((k) => [k, metaProperties[k]]),
        ),
      },
      spec,
      status: { type: 'object', description: 'Written by Istio; not part of the design.' },
    },
    required: ['apiVersion', 'kind'],
  };
  const rest = Object.entries(definitions).filter(([name]) => !isApimachinery(name));
  if (rest.length > 0) out.definitions = Object.fromEntries(rest);
  return out;
}

/** Definitions that only ObjectMeta used (ts-json-schema-generator names them after the types). */
function isApimachinery(name: string): boolean {
  return ['IObjectMeta', 'ITime', 'IManagedFieldsEntry', 'IFieldsV1', 'IOwnerReference'].includes(
    name,
  );
}

/** Drops the "Valid Options: …" tail of descriptions where an `enum` already lists them. */
export function tidyDescription(node: JsonSchema): JsonSchema {
  if (!Array.isArray(node.enum) || typeof node.description !== 'string') return node;
  const description = node.description.replace(/\s*Valid Options:[^\n]*$/, '').trim();
  return description ? { ...node, description } : without(node, 'description');
}
