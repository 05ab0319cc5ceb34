import type { GraphNode } from '../../graph/types.ts';
import { K8S_GATEWAY, type Listener } from '../../model/gatewayApi.ts';
import { type GatewayRoute, ROUTE_KINDS, type RouteKind } from '../../model/gatewayRoutes.ts';
import { CLUSTER_DOMAIN } from '../../model/hosts.ts';
import { isModelled } from '../../model/kinds.ts';
import { parseResourceId } from '../../model/resource.ts';
import { type Entry, findEntry, type Workspace } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import { type CommandResult, fail, ok } from '../command.ts';
import { type Found, findResource, ruleName } from './lookup.ts';

/**
 * Finding the Gateway API resources and parts a gesture's nodes stand for: a Gateway API
 * Gateway (`gateway` node whose resource carries the group), its listener rows, routes and their
 * `rules[i]` rows.
 */

/** Whether a `gateway` node stands for a Gateway API Gateway rather than Istio's. */
export function isK8sGatewayNode(node: GraphNode): boolean {
  return node.kind === 'gateway' && (node.resource ?? '').startsWith(`${K8S_GATEWAY}/`);
}

/** The graph's node kinds for the Gateway API routes, by route kind. */
export const ROUTE_NODE_KINDS: Readonly<Record<RouteKind, GraphNode['kind']>> = {
  HTTPRoute: 'httpRoute',
  GRPCRoute: 'grpcRoute',
  TLSRoute: 'tlsRoute',
  TCPRoute: 'tcpRoute',
};

export function isRouteNode(node: GraphNode): boolean {
  return Object.values(ROUTE_NODE_KINDS).includes(node.kind);
}

/** A rule row of a Gateway API route (`route` node with `section: 'rules'`). */
export function isRouteRuleNode(node: GraphNode): boolean {
  return node.kind === 'route' && node.section === 'rules';
}

/** A Gateway API route held by the workspace, with its document's place. */
export interface FoundRoute {
  readonly entry: Entry;
  readonly object: GatewayRoute;
}

/** The route `id` (`HTTPRoute/ns/name`, `TCPRoute/…`) when the workspace holds it. */
export function findRoute(workspace: Workspace, id: string | undefined): FoundRoute | undefined {
  const entry = id === undefined ? undefined : findEntry(workspace, id);
  const object = entry?.object;
  if (!entry || !object || !isModelled(object)) return undefined;
  if (!(ROUTE_KINDS as readonly string[]).includes(object.kind)) return undefined;
  return { entry, object: object as GatewayRoute };
}

export function findK8sGateway(
  workspace: Workspace,
  id: string | undefined,
): Found<typeof K8S_GATEWAY> | undefined {
  return findResource(workspace, id, K8S_GATEWAY);
}

/** One rule of a Gateway API route, as a rule row stands for it. */
export interface RouteRuleRef {
  readonly route: FoundRoute;
  readonly index: number;
  readonly rule: GatewayRoute['rules'][number];
  /** `['spec', 'rules', index]`. */
  readonly path: Path;
  /** `name`, else `rules[2]`. */
  readonly label: string;
}

export function findRouteRule(workspace: Workspace, node: GraphNode): CommandResult<RouteRuleRef> {
  const index = node.index ?? pathIndex(node.path, 'rules');
  if (!isRouteRuleNode(node) || index === undefined)
    return fail(`${node.label} is not a rule of a Gateway API route`);
  const route = findRoute(workspace, node.resource);
  const rule = route?.object.rules[index];
  if (!route || !rule) return fail(`Rule ${node.label} is no longer in the workspace`);
  return ok({
    route,
    index,
    rule,
    path: ['spec', 'rules', index],
    label: ruleName(rule, 'rules', index),
  });
}

/** One listener of a Gateway API Gateway, as its row stands for it. */
export interface ListenerRef {
  readonly gateway: Found<typeof K8S_GATEWAY>;
  readonly index: number;
  readonly listener: Listener;
}

export function findListener(workspace: Workspace, node: GraphNode): CommandResult<ListenerRef> {
  // The row's path says which listener; its id ends `:listeners[i]` when no path is drawn.
  const index = pathIndex(node.path, 'listeners') ?? idIndex(node.id, 'listeners');
  const gateway = findK8sGateway(workspace, node.resource);
  const listener = index === undefined ? undefined : gateway?.object.listeners[index];
  if (node.kind !== 'listener' || !gateway || !listener || index === undefined)
    return fail(`Listener ${node.label} is no longer in the workspace`);
  return ok({ gateway, index, listener });
}

/** `listener` of Gateway `ns/name`: how messages name a listener. */
export function listenerLabel(ref: ListenerRef): string {
  return ref.listener.name || `listeners[${ref.index}]`;
}

function pathIndex(path: GraphNode['path'], list: string): number | undefined {
  const index = path?.[2];
  return path?.[0] === 'spec' && path[1] === list && typeof index === 'number' ? index : undefined;
}

function idIndex(id: string, list: string): number | undefined {
  const match = new RegExp(`:${list}\\[(\\d+)\\]$`).exec(id);
  return match ? Number(match[1]) : undefined;
}

/**
 * The Kubernetes Service a `service` node stands for (`service:web.shop.svc.cluster.local`), or
 * undefined for hosts that are no cluster Service (a ServiceEntry's `httpbin.org`).
 */
export function serviceOfNode(node: GraphNode): { name: string; namespace: string } | undefined {
  if (node.kind !== 'service' || !node.id.startsWith('service:')) return undefined;
  const fqdn = node.id.slice('service:'.length);
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const [name, namespace] = parts as [string, string];
  return { name, namespace };
}

/** `Gateway.gateway.networking.k8s.io/infra/gw` → `infra/gw`; other ids as `ns/name` too. */
export function shortId(id: string): string {
  const parsed = parseResourceId(id);
  return parsed ? `${parsed.namespace}/${parsed.name}` : id;
}
