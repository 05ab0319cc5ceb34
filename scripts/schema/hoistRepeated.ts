import { canonical, isSchema, type JsonSchema, mapSchema, without } from './jsonSchema.ts';

/**
 * Moves subschemas that occur more than once into `definitions` and points every occurrence
 * at them with `$ref`. The type declarations inline everything (a DestinationRule's traffic
 * policy is written out again for every subset and port), so this is what keeps the schemas
 * the editor loads small. The description of each occurrence stays beside its `$ref`, since
 * the same shape is documented differently in different places (the YAML language server
 * merges the two). Largest first, so a repeated shape is hoisted whole, not in pieces.
 */
export function hoistRepeated(root: JsonSchema, minLength = 300): JsonSchema {
  let schema = root;
  const taken = new Set(Object.keys(isSchema(root.definitions) ? root.definitions : {}));
  for (;;) {
    const best = largestRepeated(schema, minLength);
    if (!best) return schema;
    const name = uniqueName(best.hint, taken);
    const ref = `#/definitions/${name}`;
    schema = mapSchema(schema, (node, _hint, depth) => {
      if (depth === 0 || canonical(without(node, 'description')) !== best.key) return node;
      return typeof node.description === 'string'
        ? { $ref: ref, description: node.description }
        : { $ref: ref };
    });
    const definitions = isSchema(schema.definitions) ? schema.definitions : {};
    schema = { ...schema, definitions: { ...definitions, [name]: best.shape } };
  }
}

interface Candidate {
  readonly key: string;
  readonly hint: string;
  readonly shape: JsonSchema;
  count: number;
}

function largestRepeated(root: JsonSchema, minLength: number): Candidate | undefined {
  const seen = new Map<string, Candidate>();
  mapSchema(root, (node, hint, depth) => {
    if (depth === 0 || typeof node.$ref === 'string') return node;
    const shape = without(node, 'description');
    const key = canonical(shape);
    if (key.length < minLength) return node;
    const found = seen.get(key);
    if (found) found.count++;
    else seen.set(key, { key, hint: hint || 'shape', shape, count: 1 });
    return node;
  });
  let best: Candidate | undefined;
  for (const candidate of seen.values()) {
    if (candidate.count < 2) continue;
    if (!best || candidate.key.length > best.key.length) best = candidate;
  }
  return best;
}

function uniqueName(hint: string, taken: Set<string>): string {
  let name = hint;
  for (let i = 2; taken.has(name); i++) name = `${hint}${i}`;
  taken.add(name);
  return name;
}
