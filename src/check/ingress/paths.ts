/**
 * The API server's rules for an Ingress path (networking/validation `validateHTTPIngressPath`):
 * `pathType` is required in `networking.k8s.io/v1` and one of Exact, Prefix,
 * ImplementationSpecific; an Exact or Prefix path is absolute and holds no `//`, `/./`, `/../`,
 * `%2f` nor ends with `/.` or `/..`; any other path that is written starts with `/` too. The API server refuses such a manifest, so these are errors.
 */
import { type IndexedIngress, ingressIndex } from '../../workspace/ingressIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

const PATH_TYPES: ReadonlySet<string> = new Set(['Exact', 'Prefix', 'ImplementationSpecific']);
/** What an Exact or Prefix path may not hold (directory traversal, encoded slashes). */
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

export function* checkIngressPaths(context: CheckContext): Iterable<Finding> {
  for (const indexed of ingressIndex(context.workspace).ingresses) yield* pathFindings(indexed);
}

function* pathFindings({ entry, ingress, paths }: IndexedIngress): Iterable<Finding> {
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  // v1beta1 defaulted a missing pathType to ImplementationSpecific; v1 requires it.
  const required = entry.plain.apiVersion === 'networking.k8s.io/v1';
  const name = `Ingress ${ingress.metadata.namespace}/${ingress.metadata.name}`;
  for (const at of paths) {
    const where = ['spec', 'rules', at.rule, 'http', 'paths', at.path];
    const { path, pathType } = at.value;
    const shown = `${at.host || '*'} ${path ?? '(no path)'}`;
    if (pathType === undefined && required)
      yield {
        ...base,
        code: 'ingress-path-type-missing',
        message: `${name} path ${shown} has no pathType, which networking.k8s.io/v1 requires: add pathType: Prefix (or Exact, or ImplementationSpecific)`,
        path: where,
      };
    else if (pathType !== undefined && !PATH_TYPES.has(pathType))
      yield {
        ...base,
        code: 'ingress-path-type-invalid',
        message: `${name} path ${shown}: pathType "${pathType}" is not one of Exact, Prefix, ImplementationSpecific`,
        path: [...where, 'pathType'],
      };
    const typed = pathType === 'Exact' || pathType === 'Prefix';
    if ((path !== undefined && path !== '' && !path.startsWith('/')) || (typed && !path))
      yield {
        ...base,
        code: 'ingress-path-not-absolute',
        message: `${name}: path "${path ?? ''}" must be an absolute path starting with "/"${path ? `: write "/${path}"` : ''}`,
        path: path === undefined ? where : [...where, 'path'],
      };
    else if (typed && path) {
      const bad =
        INVALID_SEQUENCES.find((seq) => path.includes(seq)) ??
        INVALID_SUFFIXES.find((suffix) => path.endsWith(suffix));
      if (bad !== undefined)
        yield {
          ...base,
          code: 'ingress-path-invalid',
          message: `${name}: ${pathType} path "${path}" ${path.endsWith(bad) && INVALID_SUFFIXES.includes(bad) ? 'cannot end with' : 'must not contain'} "${bad}" (the API server refuses it): write the path as the request will have it, normalised`,
          path: [...where, 'path'],
        };
    }
  }
}
