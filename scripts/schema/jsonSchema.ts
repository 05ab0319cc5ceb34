/** A JSON Schema node as plain JSON: the generator's output and what the editor loads. */
export type JsonSchema = { [key: string]: unknown };

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose value is one subschema. */
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else'] as const;
/** Keywords whose value is a list of subschemas. */
const LISTS = ['anyOf', 'allOf', 'oneOf'] as const;
/** Keywords whose value maps names to subschemas. */
const MAPS = ['properties', 'definitions', 'patternProperties'] as const;

/**
 * Rebuilds a schema bottom-up: children first, then `fn` on the node. Only real subschema
 * positions are visited, so a property map (`properties: { anyOf: … }`) is never mistaken for
 * a schema. The hint names where a node sits (its property name), for naming definitions;
 * depth is 0 for the root.
 */
export function mapSchema(
  schema: JsonSchema,
  fn: (node: JsonSchema, hint: string, depth: number) => JsonSchema,
  hint = '',
  depth = 0,
): JsonSchema {
  const out: JsonSchema = { ...schema };
  for (const key of SINGLE) {
    const child = schema[key];
    if (isSchema(child)) out[key] = mapSchema(child, fn, childHint(hint, key), depth + 1);
  }
  for (const key of LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) {
      out[key] = list.map((child) =>
        isSchema(child) ? mapSchema(child, fn, hint, depth + 1) : child,
      );
    }
  }
  for (const key of MAPS) {
    const map = schema[key];
    if (!isSchema(map)) continue;
    const mapped: JsonSchema = {};
    for (const [name, child] of Object.entries(map)) {
      mapped[name] = isSchema(child) ? mapSchema(child, fn, name, depth + 1) : child;
    }
    out[key] = mapped;
  }
  return fn(out, hint, depth);
}

function childHint(hint: string, keyword: string): string {
  if (keyword === 'items') return `${hint}Item`;
  if (keyword === 'additionalProperties') return `${hint}Value`;
  return hint;
}

/** JSON with object keys sorted: equal schemas give equal strings. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isSchema(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A copy without one keyword. */
export function without(schema: JsonSchema, keyword: string): JsonSchema {
  const { [keyword]: _dropped, ...rest } = schema;
  return rest;
}
