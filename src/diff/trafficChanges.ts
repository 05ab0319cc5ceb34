import { probeRequests } from '../convert/probes.ts';
import { observe, sameObserved } from '../convert/verify.ts';
import { simulate } from '../simulate/simulate.ts';
import type { SimRequest, Simulation } from '../simulate/types.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** A request whose answer differs between two workspaces (CONTRACT section 1, `diff`). */
export interface TrafficChange {
  readonly request: SimRequest;
  readonly before: Simulation;
  readonly after: Simulation;
}

/**
 * The requests whose answer changes: derived from the rules of both versions (convert's probes:
 * one request per rule match and ones just outside it) and the saved tests, each simulated
 * through both workspaces and compared as the conversion proof compares them (outcome, status,
 * redirect, where traffic goes and its share, mirrors, the path and authority the backend
 * receives), so the two never disagree on what counts as a change for traffic.
 */
export function trafficChanges(
  before: Workspace,
  after: Workspace,
  tests: readonly SimRequest[] = [],
): TrafficChange[] {
  const requests = new Map<string, SimRequest>();
  for (const request of [...probeRequests(before), ...probeRequests(after), ...tests])
    requests.set(JSON.stringify(request), request);
  const beforeCatalog = buildCatalog(before);
  const afterCatalog = buildCatalog(after);
  const out: TrafficChange[] = [];
  for (const request of requests.values()) {
    const a = simulate(before, request);
    const b = simulate(after, request);
    if (!a.ok || !b.ok) continue;
    if (sameObserved(observe(a.value, beforeCatalog), observe(b.value, afterCatalog))) continue;
    out.push({ request, before: a.value, after: b.value });
  }
  return out;
}
