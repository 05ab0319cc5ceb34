import type { Dict } from '../../model/read.ts';
import type { ResourceId } from '../../model/resource.ts';
import { type Entry, entryAddress, inDocument } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

/** Everything a finding says except where it is: `findingOn` adds the resource and document. */
export type FindingFields = Omit<Finding, 'resource' | 'at'>;

/** A finding about the resource written in `entry`. */
export function findingOn(entry: Entry, fields: FindingFields): Finding {
  return { resource: entry.id, at: entryAddress(entry), ...fields };
}

const firstEntries = new WeakMap<CheckContext, ReadonlyMap<ResourceId, Entry>>();

/**
 * The document a resource id is first written in. A resource whose document appears twice is
 * reported once, at its first document, as the catalog reads it.
 */
export function entryOf(context: CheckContext, id: ResourceId): Entry | undefined {
  let index = firstEntries.get(context);
  if (!index) {
    const map = new Map<ResourceId, Entry>();
    for (const entry of context.entries) if (!map.has(entry.id)) map.set(entry.id, entry);
    index = map;
    firstEntries.set(context, index);
  }
  return index.get(id);
}

/**
 * Namespaces `istioctl analyze` leaves alone (`util.SystemNamespaces`,
 * pkg/config/analysis/analyzers/util): nothing is reported on resources there.
 */
const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

export function isSystemNamespace(namespace: string): boolean {
  return SYSTEM_NAMESPACES.has(namespace);
}

/**
 * A label selector as Kubernetes prints it (`labels.SelectorFromSet(...).String()`): `k=v`
 * pairs sorted by key, joined by commas; empty for a missing or empty selector.
 */
export function selectorText(selector: Dict<string> | undefined): string {
  if (!selector) return '';
  return Object.keys(selector)
    .sort()
    .map((key) => `${key}=${selector[key]}`)
    .join(',');
}

/** The items of a list value, or none. */
export function itemsOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A scalar of the document at `path`, read from the parsed tree without converting the whole
 * document to plain values (most checks need one or two fields of many documents). Lists,
 * maps and aliases read as undefined.
 */
export function scalarAt(entry: Entry, path: readonly (string | number)[]): unknown {
  try {
    const value: unknown = entry.doc.document.getIn(inDocument(entry, path));
    return value !== null && typeof value === 'object' ? undefined : value;
  } catch {
    return undefined;
  }
}
