import type { Gateway, GatewayServer } from '../../model/gateway.ts';
import { hostMatches } from '../../model/hosts.ts';
import { selects } from '../../model/labels.ts';
import type { ResourceId } from '../../model/resource.ts';
import { splitServerHost } from '../../model/serverHosts.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Check, Finding } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace, selectorText } from './resources.ts';

interface ServerRef {
  readonly id: ResourceId;
  readonly gateway: Gateway;
  /** `namespace/name`, as Istio names Gateways in its message. */
  readonly name: string;
  readonly selector: string;
  readonly server: GatewayServer;
}

/** A server host as Kiali compares them: target namespace and lower-case DNS name. */
interface KialiHost {
  readonly ref: ServerRef;
  readonly namespace: string;
  readonly name: string;
}

/**
 * Gateways that open the same port on the same pods for the same hosts.
 *
 * IST0145, `ConflictingGatewayAnalyzer` (pkg/config/analysis/analyzers/gateway/
 * conflictinggateway.go): two Gateways whose selectors are the same, or where one selector's
 * text contains the other's and some pod matches both, with a server on the same port number
 * sharing a host written identically and the same `bind` (`model.CheckDuplicates`: exact host
 * strings, so `*.example.com` and `a.example.com` do not conflict). Reported per server; Istio
 * de-duplicates identical messages, so servers with the same port and hosts are reported once.
 *
 * KIA0301, Kiali's `gateways.multimatch` (business/checkers/gateways/multi_match_checker.go):
 * the same selector text, port and an overlapping host, wildcards included, where the
 * `namespace/` parts of the hosts can meet. Where Istio reports the server, the Kiali code is
 * added to that finding; otherwise each overlapping host is a warning of its own.
 *
 * Servers are indexed by port and host, so the cost grows with the conflicts, not with the
 * square of the Gateways.
 */
export const gatewayConflictChecks: Check = function* (context) {
  const index = indexServers(context);
  const sharesPods = podSharing(context);
  for (const item of context.catalog.gateways) {
    const entry = entryOf(context, item.id);
    if (!entry || isSystemNamespace(item.object.metadata.namespace)) continue;
    const selector = selectorText(item.object.selector);
    const seen = new Set<string>();
    for (const [at, server] of item.object.servers.entries()) {
      const port = server.port?.number;
      if (port === undefined) continue;
      const istio = istioConflicts(index, item.id, item.object, selector, server, port, sharesPods);
      const kiali = kialiOverlaps(
        index,
        item.id,
        selector,
        item.object.metadata.namespace,
        server,
        port,
      );
      if (istio.gateways.length > 0) {
        const key = `${port} ${istio.gateways.join(',')} ${server.hosts.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield conflict(entry, at, istio.host, port, istio.gateways, kiali.size > 0);
        continue;
      }
      for (const [host, gateways] of kiali) {
        yield findingOn(entry, {
          code: 'gateway-host-port-overlap',
          severity: 'warning',
          message: `More than one Gateway for host ${server.hosts[host]} on port ${port} with the same selector (also ${gateways.join(', ')}): which server a request reaches is undefined. Merge the servers into one Gateway or make the hosts distinct.`,
          path: ['spec', 'servers', at, 'hosts', host],
          kiali: 'KIA0301',
        });
      }
    }
  }
};

function conflict(
  entry: Entry,
  server: number,
  host: number,
  port: number,
  gateways: readonly string[],
  kiali: boolean,
): Finding {
  return findingOn(entry, {
    code: 'gateway-conflict',
    severity: 'error',
    message: `Gateway server conflicts with ${gateways.join(', ')}: same workload selector, port ${port} and host. Only one of them takes effect; merge them into one Gateway or change the host or port.`,
    path: ['spec', 'servers', server, 'hosts', host],
    istio: 'IST0145',
    ...(kiali ? { kiali: 'KIA0301' } : {}),
  });
}

interface ServerIndex {
  /** `port bind host` (host as written) → servers. */
  readonly istio: ReadonlyMap<string, readonly ServerRef[]>;
  /** `port selector` → hosts, exact names by name and wildcard names listed apart. */
  readonly kiali: ReadonlyMap<string, { exact: Map<string, KialiHost[]>; wildcard: KialiHost[] }>;
}

function indexServers(context: CheckContext): ServerIndex {
  const istio = new Map<string, ServerRef[]>();
  const kiali = new Map<string, { exact: Map<string, KialiHost[]>; wildcard: KialiHost[] }>();
  for (const item of context.catalog.gateways) {
    const { namespace, name } = item.object.metadata;
    const selector = selectorText(item.object.selector);
    for (const server of item.object.servers) {
      const port = server.port?.number;
      if (port === undefined) continue;
      const ref: ServerRef = {
        id: item.id,
        gateway: item.object,
        name: `${namespace}/${name}`,
        selector,
        server,
      };
      for (const host of new Set(server.hosts))
        push(istio, `${port} ${server.bind ?? ''} ${host}`, ref);
      const groupKey = `${port} ${selector}`;
      let group = kiali.get(groupKey);
      if (!group) {
        group = { exact: new Map(), wildcard: [] };
        kiali.set(groupKey, group);
      }
      for (const host of server.hosts) {
        const target = { ref, ...targetOf(host, namespace) };
        if (target.name.startsWith('*')) group.wildcard.push(target);
        else push(group.exact, target.name, target);
      }
    }
  }
  return { istio, kiali };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Other Gateways (as `namespace/name`, sorted) conflicting with `server`, and its first such host. */
function istioConflicts(
  index: ServerIndex,
  id: ResourceId,
  gateway: Gateway,
  selector: string,
  server: GatewayServer,
  port: number,
  sharesPods: (a: Gateway, b: Gateway) => boolean,
): { gateways: string[]; host: number } {
  const names = new Set<string>();
  let first = -1;
  for (const [at, host] of server.hosts.entries()) {
    for (const other of index.istio.get(`${port} ${server.bind ?? ''} ${host}`) ?? []) {
      if (other.id === id || names.has(other.name)) continue;
      const same = other.selector === selector;
      const related =
        same || other.selector.includes(selector) || selector.includes(other.selector);
      if (!related || (!same && !sharesPods(gateway, other.gateway))) continue;
      names.add(other.name);
      if (first === -1) first = at;
    }
  }
  return { gateways: [...names].sort(), host: Math.max(first, 0) };
}

/** Host index → other Gateways with a Kiali-overlapping host on the same port and selector. */
function kialiOverlaps(
  index: ServerIndex,
  id: ResourceId,
  selector: string,
  namespace: string,
  server: GatewayServer,
  port: number,
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const group = index.kiali.get(`${port} ${selector}`);
  if (!group) return out;
  for (const [at, written] of server.hosts.entries()) {
    const host = targetOf(written, namespace);
    const candidates = host.name.startsWith('*')
      ? [...group.wildcard, ...[...group.exact.values()].flat()]
      : [...(group.exact.get(host.name) ?? []), ...group.wildcard];
    for (const other of candidates) {
      if (other.ref.id === id) continue;
      const namespaces =
        host.namespace === other.namespace || host.namespace === '*' || other.namespace === '*';
      if (
        !namespaces ||
        !(hostMatches(host.name, other.name) || hostMatches(other.name, host.name))
      )
        continue;
      const list = out.get(at);
      if (!list) out.set(at, [other.ref.name]);
      else if (!list.includes(other.ref.name)) list.push(other.ref.name);
    }
  }
  return out;
}

/** A server host's target namespace (`.` is the Gateway's own) and DNS name, lower case. */
function targetOf(host: string, namespace: string): { namespace: string; name: string } {
  const split = splitServerHost(host, namespace);
  return {
    namespace: split.namespace,
    name: split.dnsName.toLowerCase(),
  };
}

/**
 * Whether two Gateways' selectors pick a common pod. Memoised per selector pair: many Gateways
 * share selectors, and each test scans the workloads.
 */
function podSharing(context: CheckContext): (a: Gateway, b: Gateway) => boolean {
  const memo = new Map<string, boolean>();
  return (a, b) => {
    const key = `${selectorText(a.selector)}\n${selectorText(b.selector)}`;
    let shared = memo.get(key);
    if (shared === undefined) {
      const sa = a.selector ?? {};
      const sb = b.selector ?? {};
      shared = context.workloads.some(
        (pod) => selects(sa, pod.object.podLabels) && selects(sb, pod.object.podLabels),
      );
      memo.set(key, shared);
    }
    return shared;
  };
}
