/**
 * Which listeners of which Gateway API Gateway accept a route: the one answer to "where is this
 * route attached?" for the graph, checks and simulator. Follows Istio's `referenceAllowed` and
 * `extractParentReferenceInfo` (pilot/pkg/config/kube/gateway/conversion.go) in order: port,
 * then sectionName, then hostnames together with allowedRoutes.namespaces, then the route kind
 * (`GenerateGatewaySupportedKinds`, gatewaycommon/conversion.go).
 */
import {
  GATEWAY_API_GROUP,
  type K8sGateway,
  type LabelSelector,
  type Listener,
  NAMESPACE_NAME_LABEL,
} from './gatewayApi.ts';
import type { GatewayRoute, ParentRef, RouteKind } from './gatewayRoutes.ts';
import { hostMatches, hostsOverlap } from './hosts.ts';
import type { Dict } from './read.ts';

/** Why a parentRef is not accepted: the `Accepted=False` reasons of RouteParentStatus. */
export type ParentDenialReason =
  | 'NoMatchingParent'
  | 'NotAllowedByListeners'
  | 'NoMatchingListenerHostname';

export interface ParentDenial {
  readonly reason: ParentDenialReason;
  readonly message: string;
}

export interface AcceptedListener {
  readonly index: number;
  readonly listener: Listener;
  /**
   * The hostnames requests must carry to use the route on this listener: the intersection of the
   * route's and the listener's (`*` when neither writes one).
   */
  readonly hostnames: readonly string[];
}

export interface ParentAttachment {
  /** Position in `spec.parentRefs`. */
  readonly index: number;
  readonly ref: ParentRef;
  /** The namespace the reference resolves to (the route's when it writes none). */
  readonly namespace: string;
  /** The Gateway it names, when the workspace holds it. */
  readonly gateway: K8sGateway | undefined;
  /** Listeners that accept the route; empty when denied or when the Gateway is not held. */
  readonly accepted: readonly AcceptedListener[];
  /** Set when `gateway` is held and no listener accepts the route. */
  readonly denial: ParentDenial | undefined;
}

/** The labels of a namespace, or undefined when the workspace does not hold it. */
export type NamespaceLabels = (namespace: string) => Dict<string> | undefined;

/**
 * Attachments of every parentRef that names a Gateway (group `gateway.networking.k8s.io`, kind
 * `Gateway`). Parents of other kinds (a Service, for mesh routing) are not ingress and are left out.
 */
export function attachRoute(
  route: GatewayRoute,
  gateways: readonly K8sGateway[],
  namespaceLabels: NamespaceLabels,
): ParentAttachment[] {
  const out: ParentAttachment[] = [];
  route.parentRefs.forEach((ref, index) => {
    if (!isGatewayParent(ref)) return;
    const namespace = ref.namespace ?? route.metadata.namespace;
    const gateway = gateways.find(
      (g) => g.metadata.name === ref.name && g.metadata.namespace === namespace,
    );
    if (!gateway) {
      out.push({ index, ref, namespace, gateway, accepted: [], denial: undefined });
      return;
    }
    const accepted: AcceptedListener[] = [];
    const denials: ParentDenial[] = [];
    gateway.listeners.forEach((listener, listenerIndex) => {
      const verdict = listenerAccepts(listener, gateway, ref, route, namespaceLabels);
      if ('reason' in verdict) denials.push(verdict);
      else accepted.push({ index: listenerIndex, listener, hostnames: verdict.hostnames });
    });
    out.push({
      index,
      ref,
      namespace,
      gateway,
      accepted,
      denial: accepted.length > 0 ? undefined : strongestDenial(denials, gateway, ref),
    });
  });
  return out;
}

export function isGatewayParent(ref: ParentRef): boolean {
  return ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway';
}

function listenerAccepts(
  listener: Listener,
  gateway: K8sGateway,
  ref: ParentRef,
  route: GatewayRoute,
  namespaceLabels: NamespaceLabels,
): ParentDenial | { readonly hostnames: readonly string[] } {
  if (ref.port !== undefined && ref.port !== 0 && ref.port !== listener.port)
    return { reason: 'NoMatchingParent', message: `port ${ref.port} not found` };
  if (ref.sectionName && ref.sectionName !== listener.name)
    return { reason: 'NoMatchingParent', message: `sectionName "${ref.sectionName}" not found` };
  const routeNamespace = route.metadata.namespace;
  const listenerHost = listener.hostname || '*';
  const routeHosts = route.hostnames.length > 0 ? route.hostnames : ['*'];
  const hostMatched = routeHosts.some((h) => hostsOverlap(listenerHost, h));
  if (!hostMatched)
    return {
      reason: 'NoMatchingListenerHostname',
      message: `no hostnames matched parent hostname "${listener.hostname ?? ''}"`,
    };
  if (!namespaceAllowed(listener, gateway.metadata.namespace, routeNamespace, namespaceLabels))
    return {
      reason: 'NotAllowedByListeners',
      message: `hostnames matched parent hostname "${listener.hostname ?? ''}", but namespace "${routeNamespace}" is not allowed by the parent`,
    };
  if (!listenerRouteKinds(listener).includes(route.kind))
    return {
      reason: 'NotAllowedByListeners',
      message: `kind ${GATEWAY_API_GROUP}/${route.kind} is not allowed`,
    };
  return { hostnames: intersectHostnames(listener.hostname, route.hostnames) };
}

/** Port and sectionName failures say least; a listener that got further says more. */
function strongestDenial(
  denials: readonly ParentDenial[],
  gateway: K8sGateway,
  ref: ParentRef,
): ParentDenial {
  const rank: Record<ParentDenialReason, number> = {
    NoMatchingParent: 0,
    NoMatchingListenerHostname: 1,
    NotAllowedByListeners: 2,
  };
  let best: ParentDenial | undefined;
  for (const denial of denials) if (!best || rank[denial.reason] > rank[best.reason]) best = denial;
  return (
    best ?? {
      reason: 'NoMatchingParent',
      message: `Gateway ${gateway.metadata.namespace}/${ref.name} has no listeners`,
    }
  );
}

/**
 * Whether `allowedRoutes.namespaces` lets a route of `routeNamespace` attach: `Same` (the
 * default), `All`, or `Selector` on the namespace's labels, which always include
 * `kubernetes.io/metadata.name` (Istio's `toNamespaceSet`). A namespace the workspace does not
 * hold is judged by that label alone.
 */
export function namespaceAllowed(
  listener: Listener,
  gatewayNamespace: string,
  routeNamespace: string,
  namespaceLabels: NamespaceLabels,
): boolean {
  const { from, selector } = listener.allowedRoutes;
  if (from === 'All') return true;
  if (from === 'Selector') {
    if (!selector) return true; // Istio: "should never happen, invalid config" → all
    const labels = { ...namespaceLabels(routeNamespace), [NAMESPACE_NAME_LABEL]: routeNamespace };
    return selectorMatches(selector, labels);
  }
  return routeNamespace === gatewayNamespace;
}

/** A Kubernetes LabelSelector (`matchLabels` and `matchExpressions`, ANDed). */
export function selectorMatches(selector: LabelSelector, labels: Dict<string>): boolean {
  for (const key in selector.matchLabels)
    if (labels[key] !== selector.matchLabels[key]) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.hasOwn(labels, key);
    const value = labels[key];
    if (operator === 'In' && !(has && values.includes(value as string))) return false;
    if (operator === 'NotIn' && has && values.includes(value as string)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) return false;
  }
  return true;
}

/** The route kinds a listener takes: its protocol's, narrowed to `allowedRoutes.kinds` when written. */
export function listenerRouteKinds(listener: Listener): readonly RouteKind[] {
  const supported: RouteKind[] =
    listener.protocol === 'HTTP' || listener.protocol === 'HTTPS'
      ? ['HTTPRoute', 'GRPCRoute']
      : listener.protocol === 'TCP'
        ? ['TCPRoute']
        : listener.protocol === 'TLS'
          ? listener.tls?.mode === 'Terminate'
            ? ['TLSRoute', 'TCPRoute']
            : ['TLSRoute']
          : [];
  const written = listener.allowedRoutes.kinds;
  if (written.length === 0) return supported;
  return supported.filter((kind) =>
    written.some((k) => k.kind === kind && k.group === GATEWAY_API_GROUP),
  );
}

/**
 * The hostnames a route serves on a listener: each route hostname the listener's covers, and the
 * listener's where a route wildcard covers it (the more specific of each overlapping pair).
 */
export function intersectHostnames(
  listenerHostname: string | undefined,
  routeHostnames: readonly string[],
): string[] {
  if (!listenerHostname) return routeHostnames.length > 0 ? [...routeHostnames] : ['*'];
  if (routeHostnames.length === 0) return [listenerHostname];
  const out: string[] = [];
  for (const host of routeHostnames) {
    const served = hostMatches(listenerHostname, host)
      ? host
      : hostMatches(host, listenerHostname)
        ? listenerHostname
        : undefined;
    if (served !== undefined && !out.includes(served)) out.push(served);
  }
  return out;
}

/**
 * The listener a request for `host` uses among those on its port: an exact hostname, else the
 * longest wildcard that covers it, else one with no hostname. A request never falls through to a
 * less specific listener (Istio's banned hostnames, the spec's listener precedence).
 */
export function mostSpecificListener<T extends { readonly listener: Listener }>(
  candidates: readonly T[],
  host: string,
): T | undefined {
  let best: T | undefined;
  let bestRank = -1;
  for (const candidate of candidates) {
    const hostname = candidate.listener.hostname;
    let rank: number;
    if (!hostname) rank = 0;
    else if (hostname.toLowerCase() === host.toLowerCase()) rank = Number.MAX_SAFE_INTEGER;
    else if (hostname.startsWith('*.') && hostMatches(hostname, host)) rank = hostname.length;
    else continue;
    if (rank > bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best;
}
