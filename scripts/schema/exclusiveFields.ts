import { canonical, isSchema, type JsonSchema, without } from './jsonSchema.ts';

/**
 * Istio's CRDs say "at most one of these fields" (`oneOf` over `required`, plus a branch for
 * none). The type declarations of `@kubernetes-models/istio` spell that as
 * `T & (Exclude<T, …> | (T & (A | B)))`, and ts-json-schema-generator drops the `Exclude`
 * branch, leaving `anyOf` copies of one object that each *require* a field. That is wrong
 * (an HTTP redirect without `port` or `derivePort` is valid) and large. This turns such an
 * `anyOf` back into the one object plus a rule per group of exclusive fields, written as
 * `if` one is set `then` the later ones are not allowed, which gives a readable marker on the
 * offending key.
 */
export function collapseExclusiveFields(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf;
  if (!Array.isArray(alternatives) || alternatives.length < 2) return schema;
  if (!alternatives.every(isSchema)) return schema;
  const shapes = new Set(alternatives.map((a) => canonical(without(a, 'required'))));
  if (shapes.size !== 1) return schema;

  const requiredSets = alternatives.map((a) => requiredOf(a));
  const first = alternatives[0] as JsonSchema;
  const order = Object.keys(isSchema(first.properties) ? first.properties : {});
  const common = order.filter((k) => requiredSets.every((set) => set.includes(k)));
  const varying = order.filter(
    (k) => !common.includes(k) && requiredSets.some((set) => set.includes(k)),
  );
  const groups = exclusiveGroups(varying, requiredSets);

  const rules = groups.flatMap(exclusionRules);
  const previous = Array.isArray(schema.allOf) ? schema.allOf : [];
  const out: JsonSchema = { ...without(first, 'required'), ...without(schema, 'anyOf') };
  if (common.length > 0) out.required = common;
  if (previous.length + rules.length > 0) out.allOf = [...previous, ...rules];
  return out;
}

function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((k): k is string => typeof k === 'string')
    : [];
}

/**
 * Splits fields into groups whose members never appear together in one alternative: those
 * are the mutually exclusive sets (e.g. `httpHeaderName | httpCookie | …` and
 * `ringHash | maglev` inside `consistentHash`).
 */
export function exclusiveGroups(
  fields: readonly string[],
  requiredSets: readonly (readonly string[])[],
): string[][] {
  const together = (a: string, b: string) =>
    requiredSets.some((set) => set.includes(a) && set.includes(b));
  const groups: string[][] = [];
  for (const field of fields) {
    const group = groups.find((g) => g.every((member) => !together(member, field)));
    if (group) group.push(field);
    else groups.push([field]);
  }
  return groups.filter((g) => g.length > 1);
}

function exclusionRules(group: readonly string[]): JsonSchema[] {
  const message = `Set only one of ${group.join(', ')}.`;
  return group.slice(0, -1).map((field, i) => ({
    if: { required: [field] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then`, not a promise.
    then: {
      properties: Object.fromEntries(group.slice(i + 1).map((later) => [later, false])),
      errorMessage: message,
    },
  }));
}
