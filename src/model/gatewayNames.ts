/**
 * What a `gateways` entry of a VirtualService (top-level or per match) names. One reading for
 * the graph, the checks, the simulator, the forms and the gestures, so that a reference one of
 * them resolves is resolved by all.
 */

/** The reserved entry for every sidecar of the mesh: not a Gateway. */
export const MESH = 'mesh';

/**
 * A `gateways` entry as `ns/name` (or `mesh`), exactly as pilot's `resolveGatewayName`
 * (pilot/pkg/model/config.go) reads it before binding:
 * - `ns/name` as written, `./name` in the VirtualService's namespace;
 * - a bare `name` in the VirtualService's namespace;
 * - the legacy `name.ns[.svc.cluster.local…]`: the first label is the name, the second the
 *   namespace (validation warns about the form, but the binding holds).
 */
export function resolveGatewayName(ref: string, namespace: string): string {
  if (ref === MESH) return MESH;
  const slash = ref.indexOf('/');
  if (slash !== -1) return ref.slice(0, slash) === '.' ? `${namespace}${ref.slice(slash)}` : ref;
  const dot = ref.indexOf('.');
  if (dot === -1) return `${namespace}/${ref}`;
  const rest = ref.slice(dot + 1);
  const next = rest.indexOf('.');
  return `${next === -1 ? rest : rest.slice(0, next)}/${ref.slice(0, dot)}`;
}

/**
 * The Gateway a `gateways` entry names, as namespace and name (`resolveGatewayName`); `mesh`
 * and an empty entry name none.
 */
export function resolveGatewayRef(
  ref: string,
  namespace: string,
): { readonly namespace: string; readonly name: string } | undefined {
  if (ref === MESH || ref === '') return undefined;
  const resolved = resolveGatewayName(ref, namespace);
  const slash = resolved.indexOf('/');
  return { namespace: resolved.slice(0, slash), name: resolved.slice(slash + 1) };
}

/** Whether an entry is in the legacy `name.namespace[.svc…]` form (no `/`, a dot). */
export function isLegacyGatewayName(ref: string): boolean {
  return !ref.includes('/') && ref.includes('.');
}

/**
 * The entry `ref` rewritten to name the same Gateway renamed to `newName`, in the form it was
 * written: `ns/new`, `new`, or legacy `new.ns[.svc…]`.
 */
export function renameGatewayRef(ref: string, newName: string): string {
  const slash = ref.indexOf('/');
  if (slash !== -1) return `${ref.slice(0, slash)}/${newName}`;
  const dot = ref.indexOf('.');
  return dot === -1 ? newName : `${newName}${ref.slice(dot)}`;
}
