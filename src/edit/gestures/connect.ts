import type { FlowGraph, GraphNode, NodeKind } from '../../graph/types.ts';
import { resolveHost } from '../../model/hosts.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { fail, ok } from '../command.ts';
import { addDestination, type DestinationTarget } from './addDestination.ts';
import { bindGateway } from './bind.ts';
import { delegateRule } from './delegate.ts';
import { connectGatewayApi, gatewayApiRefusal, involvesGatewayApi } from './gatewayApiConnect.ts';
import { type Gesture, verified } from './gesture.ts';
import { findNode, findResource, findRule, findSubset } from './lookup.ts';
import { mirrorRule } from './mirror.ts';

/**
 * Dragging an edge from one node to another. What it writes depends on the two ends:
 * - Gateway → VirtualService: binds it (`bindGateway`);
 * - rule → service or subset: adds a destination, rebalancing weights (`addDestination`), or
 *   with `mirror` (Alt-drag) mirrors the rule's traffic there (`mirrorRule`);
 * - rule → VirtualService without hosts: delegates the rule (`delegateRule`);
 * - Gateway API: Gateway or listener → route attaches it, rule → Service adds a backendRef
 *   (`connectGatewayApi`).
 * Anything else is refused with the reason, in the user's terms: the edges around the client,
 * load balancers and pods follow from selectors and Services and are not written anywhere.
 */
export function connect(
  workspace: Workspace,
  graph: FlowGraph,
  sourceNodeId: string,
  targetNodeId: string,
  options: { readonly mirror?: boolean } = {},
): CommandResult<Gesture> {
  return verified(
    workspace,
    connectUnchecked(workspace, graph, sourceNodeId, targetNodeId, options),
  );
}

function connectUnchecked(
  workspace: Workspace,
  graph: FlowGraph,
  sourceNodeId: string,
  targetNodeId: string,
  options: { readonly mirror?: boolean },
): CommandResult<Gesture> {
  const source = findNode(graph, sourceNodeId);
  if (!source.ok) return source;
  const target = findNode(graph, targetNodeId);
  if (!target.ok) return target;
  const from = source.value;
  const to = target.value;
  if (from.id === to.id) return fail('Drag the connection to another node');
  if (involvesGatewayApi(from, to))
    return connectGatewayApi(workspace, from, to, options) ?? fail(refusal(from, to));

  if (from.kind === 'gateway' && to.kind === 'virtualService') {
    const gateway = findResource(workspace, from.resource, 'Gateway');
    const vs = findResource(workspace, to.resource, 'VirtualService');
    if (!gateway || !vs) return fail(`${from.label} or ${to.label} is no longer in the workspace`);
    return bindGateway(workspace, gateway, vs);
  }
  if (
    from.kind === 'route' &&
    (to.kind === 'service' || to.kind === 'subset' || to.kind === 'virtualService')
  ) {
    const rule = findRule(workspace, from);
    if (!rule.ok) return rule;
    if (to.kind === 'virtualService') {
      const vs = findResource(workspace, to.resource, 'VirtualService');
      if (!vs) return fail(`VirtualService ${to.label} is no longer in the workspace`);
      return delegateRule(rule.value, vs);
    }
    const target =
      to.kind === 'service' ? ok({ fqdn: serviceHost(to) }) : subsetTarget(workspace, to);
    if (!target.ok) return target;
    return options.mirror
      ? mirrorRule(rule.value, target.value)
      : addDestination(workspace, rule.value, target.value);
  }
  return fail(refusal(from, to));
}

/** The host and subset a subset node stands for, when its DestinationRule names one host. */
function subsetTarget(workspace: Workspace, node: GraphNode): CommandResult<DestinationTarget> {
  const found = findSubset(workspace, node);
  if (!found.ok) return found;
  const { dr, subset } = found.value;
  const fqdn = resolveHost(dr.object.host, dr.object.metadata.namespace);
  if (fqdn === '' || fqdn.startsWith('*')) {
    return fail(
      `DestinationRule ${dr.object.metadata.name} is for "${dr.object.host}", not one host: a route needs a single host to send subset ${subset.name} traffic to`,
    );
  }
  return ok({ fqdn, subset: subset.name });
}

/** `service:reviews.bookinfo.svc.cluster.local` → its FQDN (ids.ts `serviceNodeId`). */
function serviceHost(node: GraphNode): string {
  return node.id.slice('service:'.length);
}

/** Kinds whose edges Istio and Kubernetes derive from selectors and Services. */
const DERIVED: ReadonlySet<NodeKind> = new Set([
  'client',
  'loadBalancer',
  'gatewayWorkload',
  'pods',
  'autoscaler',
  'disruptionBudget',
  'envoyFilter',
  'monitor',
  'alertRules',
  'dashboard',
]);

const NAMES: Readonly<Record<NodeKind, string>> = {
  client: 'the client',
  loadBalancer: 'a load balancer',
  gatewayWorkload: 'gateway pods',
  gateway: 'a Gateway',
  virtualService: 'a VirtualService',
  route: 'a rule',
  service: 'a Service',
  subset: 'a subset',
  pods: 'pods',
  autoscaler: 'an autoscaler',
  disruptionBudget: 'a disruption budget',
  envoyFilter: 'an EnvoyFilter',
  monitor: 'a monitor',
  alertRules: 'alert rules',
  dashboard: 'a dashboard',
  listener: 'a listener',
  httpRoute: 'an HTTPRoute',
  grpcRoute: 'a GRPCRoute',
  tlsRoute: 'a TLSRoute',
  tcpRoute: 'a TCPRoute',
  ingress: 'an Ingress',
};

/** Why a connection between two kinds is not a thing Istio lets you write. */
function refusal(from: GraphNode, to: GraphNode): string {
  const gatewayApi = gatewayApiRefusal(from, to);
  if (gatewayApi) return gatewayApi;
  const a = from.kind;
  const b = to.kind;
  if (a === 'gateway') {
    if (b === 'service')
      return 'A Gateway cannot route to a Service directly: connect it to a VirtualService';
    if (b === 'subset')
      return 'A Gateway cannot route to a subset directly: connect it to a VirtualService, and a rule of that VirtualService to the subset';
    if (b === 'route')
      return `A Gateway binds whole VirtualServices, not single rules: connect it to the VirtualService of ${to.label}`;
  }
  if (a === 'virtualService') {
    if (b === 'service' || b === 'subset')
      return `A VirtualService routes through its rules: connect a rule of ${from.label} to ${to.label}, or add a rule first`;
    if (b === 'virtualService')
      return `Delegation starts from a rule: connect a rule of ${from.label} to ${to.label}`;
    if (b === 'gateway')
      return `Connect in the direction traffic flows: from Gateway ${to.label} to VirtualService ${from.label}`;
  }
  if (a === 'route') {
    if (b === 'route')
      return 'Rules do not connect to rules: drag a rule within its VirtualService to change the order';
    if (b === 'pods')
      return 'A rule routes to a Service or a subset, not to pods: connect it to the Service that selects them';
    if (b === 'gateway')
      return `Connect in the direction traffic flows: from Gateway ${to.label} to the VirtualService of ${from.label}`;
  }
  if (a === 'service' && b === 'subset')
    return 'Subsets are defined by a DestinationRule for the Service: add a subset from the palette';
  if (a === 'service' && b === 'pods')
    return "A Service selects its pods by labels: edit the Service's selector";
  if (a === 'subset' && b === 'pods')
    return "A subset selects its pods by labels: edit the subset's labels";
  if (DERIVED.has(a) || DERIVED.has(b)) {
    return `The connection between ${NAMES[a]} and ${NAMES[b]} follows from selectors and Services; no manifest writes it: edit the Gateway's selector or the Service instead`;
  }
  return `Cannot connect ${NAMES[a]} to ${NAMES[b]}`;
}
