import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';

/** The API versions Istio serves Gateway, VirtualService and DestinationRule in. */
export const NETWORKING_VERSIONS: ReadonlySet<string> = new Set([
  'networking.istio.io/v1',
  'networking.istio.io/v1beta1',
  'networking.istio.io/v1alpha3',
]);

/**
 * The entries of an Istio networking kind (any served version; Gateway API's `Gateway` is not
 * one), each resource once: a document that repeats an id is reported on its first copy only.
 */
export function networkingEntries(context: CheckContext, kind: string): Entry[] {
  return uniqueEntries(context, kind, (apiVersion) => NETWORKING_VERSIONS.has(apiVersion));
}

/** Entries of `kind` whose apiVersion passes `accepts`, first copy of each id only. */
export function uniqueEntries(
  context: CheckContext,
  kind: string,
  accepts: (apiVersion: string) => boolean,
): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const entry of context.entriesOf(kind)) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    if (accepts(entry.object.apiVersion)) out.push(entry);
  }
  return out;
}
