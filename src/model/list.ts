import { isRecord } from './read.ts';

/**
 * The items of a Kubernetes List (`kind: List`, or any `*List` such as `VirtualServiceList`):
 * what `kubectl get … -o yaml|json` prints when it prints more than one object, or none.
 * Undefined for anything else, so a single manifest is read as itself. An item that is not a
 * mapping is kept in place (as undefined) so indexes stay those of `items`.
 */
export function listItems(value: unknown): readonly unknown[] | undefined {
  if (!isRecord(value) || typeof value.kind !== 'string' || !value.kind.endsWith('List'))
    return undefined;
  return Array.isArray(value.items) ? value.items : undefined;
}
