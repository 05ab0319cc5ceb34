import { isModelled } from '../../model/kinds.ts';
import type { VirtualService } from '../../model/virtualService.ts';
import { type DocAddress, type Entry, entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';

/** A VirtualService with the document it is written in. */
export interface VirtualServiceEntry {
  readonly entry: Entry;
  readonly vs: VirtualService;
}

const cache = new WeakMap<CheckContext, readonly VirtualServiceEntry[]>();

/**
 * The modelled VirtualServices of the workspace in workspace order, each id once (its first
 * document), so that a resource written twice is reported once.
 */
export function virtualServiceEntries(context: CheckContext): readonly VirtualServiceEntry[] {
  const cached = cache.get(context);
  if (cached) return cached;
  const seen = new Set<string>();
  const out: VirtualServiceEntry[] = [];
  for (const entry of context.entriesOf('VirtualService')) {
    const object = entry.object;
    if (seen.has(entry.id) || !isModelled(object) || object.kind !== 'VirtualService') continue;
    seen.add(entry.id);
    out.push({ entry, vs: object });
  }
  cache.set(context, out);
  return out;
}

/** Where a finding about a VirtualService is written. */
export function addressOf(entry: Entry): DocAddress {
  return entryAddress(entry);
}
