/**
 * Generates the JSON Schemas the Manifests editor uses for completion, hover and validation of
 * Gateway, VirtualService and DestinationRule, from the type declarations that
 * `@kubernetes-models/istio` generates from Istio's own CRDs (so they follow the real API, not
 * a hand-picked subset). Run after upgrading that package:
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
import { type JsonSchema, mapSchema } from './schema/jsonSchema.ts';
import { editorEnvelope, tidyDescription } from './schema/resourceEnvelope.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const declarations = join(root, 'node_modules/@kubernetes-models/istio/networking.istio.io/v1');
const outDir = join(root, 'src/ui/editor/schemas');

/** The kinds the editor knows, with the file each schema is written to. */
const KINDS = [
  { kind: 'Gateway', file: 'gateway.json' },
  { kind: 'VirtualService', file: 'virtual-service.json' },
  { kind: 'DestinationRule', file: 'destination-rule.json' },
] as const;

function generate(kind: string): JsonSchema {
  const generator = createGenerator({
    path: join(declarations, `${kind}.d.ts`),
    type: `I${kind}`,
    // The declarations are generated and already type-check; checking them again is slow.
    skipTypeCheck: true,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    // Istio rejects unknown fields, so the editor flags them (typos such as `prefx`).
    additionalProperties: false,
  });
  return generator.createSchema(`I${kind}`) as JsonSchema;
}

/** What the generated schema becomes before it is written: see each step's own comment. */
export function forEditor(schema: JsonSchema, kind: string): JsonSchema {
  const collapsed = mapSchema(schema, (node) => tidyDescription(collapseExclusiveFields(node)));
  return hoistRepeated(editorEnvelope(collapsed, kind));
}

mkdirSync(outDir, { recursive: true });
for (const { kind, file } of KINDS) {
  const schema = forEditor(generate(kind), kind);
  const text = `${JSON.stringify(schema)}\n`;
  writeFileSync(join(outDir, file), text);
  console.log(`${file}: ${(text.length / 1024).toFixed(1)} KB minified`);
}
// Written the way the linter formats JSON, so `biome check` passes on the committed files.
execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', outDir], {
  stdio: 'inherit',
});
