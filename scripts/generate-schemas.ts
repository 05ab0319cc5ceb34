/**
 * Generates the JSON Schemas the Manifests editor uses for completion, hover and validation of
 * Gateway, VirtualService and DestinationRule, from the type declarations that
 * `@kubernetes-models/istio` generates from Istio's own CRDs (so they follow the real API, not
 * a hand-picked subset), and of the Kubernetes Gateway API's kinds (Gateway, GatewayClass,
 * HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, ReferenceGrant) from `@kubernetes-models/gateway-api`,
 * generated from the Gateway API's CRDs. Run after upgrading either package:
 *
 *   npx tsx scripts/generate-schemas.ts
 *
 * The output (src/ui/editor/schemas/*.json) is committed: a build must not need this step.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { collapseExclusiveFields } from './schema/exclusiveFields.ts';
import { hoistRepeated } from './schema/hoistRepeated.ts';
import { isSchema, type JsonSchema, mapSchema } from './schema/jsonSchema.ts';
import { editorEnvelope, type ResourceApi, tidyDescription } from './schema/resourceEnvelope.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const declarations = join(root, 'node_modules/@kubernetes-models/istio/networking.istio.io/v1');
const gatewayApiDeclarations = join(
  root,
  'node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io',
);
const objectMeta = join(
  root,
  'node_modules/@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts',
);
const outDir = join(root, 'src/ui/editor/schemas');

/** The kinds the editor knows, with the file each schema is written to. */
const KINDS = [
  { kind: 'Gateway', file: 'gateway.json' },
  { kind: 'VirtualService', file: 'virtual-service.json' },
  { kind: 'DestinationRule', file: 'destination-rule.json' },
] as const;

/**
 * The Gateway API's kinds, with the package version whose declarations are read (the newest
 * that serves the kind) and the versions the editor accepts in `apiVersion`.
 */
const GATEWAY_API_KINDS = [
  { kind: 'Gateway', file: 'k8s-gateway.json', from: 'v1', versions: ['v1', 'v1beta1'] },
  { kind: 'GatewayClass', file: 'gateway-class.json', from: 'v1', versions: ['v1', 'v1beta1'] },
  { kind: 'HTTPRoute', file: 'http-route.json', from: 'v1', versions: ['v1', 'v1beta1'] },
  { kind: 'GRPCRoute', file: 'grpc-route.json', from: 'v1', versions: ['v1', 'v1alpha2'] },
  {
    kind: 'TLSRoute',
    file: 'tls-route.json',
    from: 'v1',
    versions: ['v1', 'v1alpha3', 'v1alpha2'],
  },
  { kind: 'TCPRoute', file: 'tcp-route.json', from: 'v1alpha2', versions: ['v1alpha2'] },
  {
    kind: 'ReferenceGrant',
    file: 'reference-grant.json',
    from: 'v1',
    versions: ['v1', 'v1beta1', 'v1alpha2'],
  },
] as const;

function generate(path: string, type: string): JsonSchema {
  const generator = createGenerator({
    path,
    type,
    // The declarations are generated and already type-check; checking them again is slow.
    skipTypeCheck: true,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    // Istio and the API server reject unknown fields, so the editor flags them (typos such as
    // `prefx`).
    additionalProperties: false,
  });
  return generator.createSchema(type) as JsonSchema;
}

/**
 * A Gateway API resource's schema, assembled from its spec's: the package's resource types
 * extend `TypeMeta` from `@kubernetes-models/base`, which the generator cannot follow, so the
 * top level (apiVersion, kind, metadata, spec) is written here and `editorEnvelope` finishes it.
 */
function generateGatewayApi(kind: string, from: string): JsonSchema {
  const spec = generate(join(gatewayApiDeclarations, from, `${kind}Spec.d.ts`), `I${kind}Spec`);
  const meta = generate(objectMeta, 'IObjectMeta');
  const specDefinitions = isSchema(spec.definitions) ? spec.definitions : {};
  const metaDefinitions = isSchema(meta.definitions) ? meta.definitions : {};
  const { definitions: _, $schema: __, ...specRoot } = spec;
  const { definitions: ___, $schema: ____, ...metaRoot } = meta;
  return {
    type: 'object',
    description: typeof spec.description === 'string' ? spec.description : undefined,
    properties: { spec: specRoot, metadata: { $ref: '#/definitions/IObjectMeta' } },
    definitions: { ...metaDefinitions, IObjectMeta: metaRoot, ...specDefinitions },
  };
}

/**
 * Enums the CRDs put on a field rather than on its type, which the declarations lose (their
 * type is a plain string): set on the type's definition, which only those fields use. Where the
 * experimental channel allows more values than the standard one, the wider list is taken, so no
 * value Istio accepts is flagged. FromNamespaces: a listener's `All;Selector;Same`, plus the
 * `None` of `allowedListeners`.
 */
const TYPE_ENUMS: Readonly<Record<string, readonly string[]>> = {
  IHTTPRouteFilterType: [
    'RequestHeaderModifier',
    'ResponseHeaderModifier',
    'RequestMirror',
    'RequestRedirect',
    'URLRewrite',
    'ExtensionRef',
    'CORS',
    'ExternalAuth',
  ],
  IGRPCRouteFilterType: [
    'ResponseHeaderModifier',
    'RequestHeaderModifier',
    'RequestMirror',
    'ExtensionRef',
  ],
  IFromNamespaces: ['All', 'Selector', 'Same', 'None'],
};

/**
 * The Gateway API's own markers are for its CRD generator, not for readers: a validation
 * marker (`<gateway:experimental:validation:Enum=…>`, to the end of its line, as its rule may
 * hold a `>`) goes; a channel tag around text (`<gateway:experimental:description>`) goes, the
 * text stays.
 */
const MARKER = /\s*<gateway:[a-z]+:validation:[^\n]*|<\/?gateway:[a-zA-Z:]+>/g;

function gatewayApiTidy(schema: JsonSchema): JsonSchema {
  const definitions = isSchema(schema.definitions) ? { ...schema.definitions } : {};
  for (const [name, values] of Object.entries(TYPE_ENUMS)) {
    const definition = definitions[name];
    if (isSchema(definition)) definitions[name] = { ...definition, enum: [...values] };
  }
  return mapSchema({ ...schema, definitions }, (node) =>
    typeof node.description === 'string'
      ? { ...node, description: node.description.replace(MARKER, '').trim() }
      : node,
  );
}

function gatewayApi(versions: readonly string[]): ResourceApi {
  return {
    group: 'gateway.networking.k8s.io',
    versions: versions.map((v) => `gateway.networking.k8s.io/${v}`),
    versionHelp: (kind) =>
      `The API group and version. The Kubernetes Gateway API serves ${kind} as ${versions.join(', ')}.`,
  };
}

/** What the generated schema becomes before it is written: see each step's own comment. */
export function forEditor(schema: JsonSchema, kind: string, api?: ResourceApi): JsonSchema {
  const collapsed = mapSchema(schema, (node) => tidyDescription(collapseExclusiveFields(node)));
  return hoistRepeated(editorEnvelope(collapsed, kind, api));
}

function write(file: string, schema: JsonSchema): void {
  const text = `${JSON.stringify(schema)}\n`;
  writeFileSync(join(outDir, file), text);
  console.log(`${file}: ${(text.length / 1024).toFixed(1)} KB minified`);
}

mkdirSync(outDir, { recursive: true });
for (const { kind, file } of KINDS)
  write(file, forEditor(generate(join(declarations, `${kind}.d.ts`), `I${kind}`), kind));
for (const { kind, file, from, versions } of GATEWAY_API_KINDS)
  write(
    file,
    forEditor(gatewayApiTidy(generateGatewayApi(kind, from)), kind, gatewayApi(versions)),
  );
// Written the way the linter formats JSON, so `biome check` passes on the committed files.
execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', outDir], {
  stdio: 'inherit',
});
