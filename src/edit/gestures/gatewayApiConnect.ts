import type { GraphNode } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type CommandResult, fail } from '../command.ts';
import { attachToGateway } from './gatewayApiAttach.ts';
import { addBackendRef } from './gatewayApiBackend.ts';
import {
  findK8sGateway,
  findListener,
  findRoute,
  findRouteRule,
  isK8sGatewayNode,
  isRouteNode,
  isRouteRuleNode,
  serviceOfNode,
} from './gatewayApiLookup.ts';
import type { Gesture } from './gesture.ts';

/** Whether either end of a connection is a Gateway API thing (Gateway, listener, route, rule). */
export function involvesGatewayApi(from: GraphNode, to: GraphNode): boolean {
  return [from, to].some(
    (n) => isK8sGatewayNode(n) || n.kind === 'listener' || isRouteNode(n) || isRouteRuleNode(n),
  );
}

/**
 * The Gateway API connections a user can draw: Gateway → route and listener → route attach the
 * route (parentRef, `gatewayApiAttach.ts`); rule → Service adds a backendRef, or with `mirror` a
 * RequestMirror filter (`gatewayApiBackend.ts`). Undefined for any other pair: `connect` refuses
 * it with `gatewayApiRefusal`'s reason.
 */
export function connectGatewayApi(
  workspace: Workspace,
  from: GraphNode,
  to: GraphNode,
  options: { readonly mirror?: boolean },
): CommandResult<Gesture> | undefined {
  if ((isK8sGatewayNode(from) || from.kind === 'listener') && isRouteNode(to)) {
    const route = findRoute(workspace, to.resource);
    if (!route) return fail(`${to.label} is no longer in the workspace`);
    if (from.kind === 'listener') {
      const listener = findListener(workspace, from);
      if (!listener.ok) return listener;
      return attachToGateway(workspace, listener.value.gateway, route, listener.value);
    }
    const gateway = findK8sGateway(workspace, from.resource);
    if (!gateway) return fail(`Gateway ${from.label} is no longer in the workspace`);
    return attachToGateway(workspace, gateway, route);
  }
  if (isRouteRuleNode(from) && to.kind === 'service') {
    const rule = findRouteRule(workspace, from);
    if (!rule.ok) return rule;
    const service = serviceOfNode(to);
    if (!service)
      return fail(
        `${to.label} is not a Kubernetes Service: a Gateway API rule sends to Services (backendRefs), and Istio reaches other hosts through a ServiceEntry's Hostname backend, which the designer does not write yet`,
      );
    return addBackendRef(workspace, rule.value, service, options);
  }
  return undefined;
}

/** Why a connection involving the Gateway API is not one the API lets you write. */
export function gatewayApiRefusal(from: GraphNode, to: GraphNode): string | undefined {
  const apiGateway = isK8sGatewayNode(from) || from.kind === 'listener';
  if (apiGateway && to.kind === 'virtualService')
    return `VirtualServices bind to Istio Gateways (networking.istio.io); ${from.label} belongs to a Gateway API Gateway: connect it to an HTTPRoute instead`;
  if (from.kind === 'gateway' && !isK8sGatewayNode(from) && isRouteNode(to))
    return `Gateway API routes attach to Gateway API Gateways (gateway.networking.k8s.io); ${from.label} is an Istio Gateway: connect it to a VirtualService instead`;
  if (apiGateway && (to.kind === 'service' || to.kind === 'subset'))
    return `A Gateway does not send to ${to.label} directly: connect it to an HTTPRoute, and a rule of that route to the Service`;
  if (apiGateway && isRouteRuleNode(to))
    return `A route attaches to a Gateway as a whole: connect ${from.label} to the route of rule ${to.label}`;
  if (apiGateway && (to.kind === 'listener' || to.kind === 'gateway'))
    return 'Gateways and listeners do not connect to each other: connect a listener to a route';
  if (isRouteNode(from) && (to.kind === 'service' || to.kind === 'subset'))
    return `${from.label} sends traffic through its rules: connect a rule of ${from.label} to ${to.label}, or add a rule first`;
  if (
    (isRouteNode(from) || isRouteRuleNode(from)) &&
    (to.kind === 'gateway' || to.kind === 'listener')
  )
    return 'Connect in the direction traffic flows: from the Gateway (or one of its listeners) to the route';
  if (isRouteRuleNode(from) && to.kind === 'subset')
    return 'Gateway API backendRefs name Services, not DestinationRule subsets: connect the rule to the Service (for a version split, give each version its own Service)';
  if (isRouteRuleNode(from) && to.kind === 'pods')
    return 'A rule sends to a Service, not to pods: connect it to the Service that selects them';
  if (isRouteRuleNode(from) && (to.kind === 'virtualService' || isRouteNode(to)))
    return 'Gateway API rules do not delegate to other routes: a rule sends to Services (backendRefs)';
  if (isRouteRuleNode(from) && to.kind === 'route')
    return 'Rules do not connect to rules: a Gateway API rule sends to Services';
  if (
    from.kind === 'route' &&
    !isRouteRuleNode(from) &&
    (isRouteNode(to) || to.kind === 'listener')
  )
    return 'A VirtualService rule delegates only to VirtualServices: HTTPRoutes attach to Gateway API Gateways';
  return undefined;
}
