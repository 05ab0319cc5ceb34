import type { FlowGraph } from '../../graph/types.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { isRouteNode, isRouteRuleNode } from './gatewayApiLookup.ts';
import { type Gesture, verified } from './gesture.ts';
import {
  newHttpRoute,
  newK8sGateway,
  newListener,
  newReferenceGrant,
  newRouteRule,
} from './paletteGatewayApi.ts';
import { newRule, newServer, newSubset } from './paletteParts.ts';
import {
  newDestinationRule,
  newGateway,
  newService,
  newVirtualService,
} from './paletteResources.ts';
import { type PaletteContext, type Scope, scopeOf } from './paletteScope.ts';

export type { PaletteContext } from './paletteScope.ts';

/** What the palette offers to add. */
export type PaletteItem =
  | 'gateway'
  | 'server'
  | 'virtualService'
  | 'rule'
  | 'destinationRule'
  | 'subset'
  | 'service'
  /** The Kubernetes Gateway API (`paletteGatewayApi.ts`). */
  | 'k8sGateway'
  | 'listener'
  | 'httpRoute'
  | 'referenceGrant';

export const PALETTE_ITEMS: readonly PaletteItem[] = [
  'gateway',
  'server',
  'virtualService',
  'rule',
  'destinationRule',
  'subset',
  'service',
  'k8sGateway',
  'listener',
  'httpRoute',
  'referenceGrant',
];

const BUILDERS: Readonly<Record<PaletteItem, (scope: Scope) => CommandResult<Gesture>>> = {
  gateway: newGateway,
  server: newServer,
  virtualService: newVirtualService,
  rule: (scope) => (isGatewayApiSelection(scope) ? newRouteRule(scope) : newRule(scope)),
  destinationRule: newDestinationRule,
  subset: newSubset,
  service: newService,
  k8sGateway: newK8sGateway,
  listener: newListener,
  httpRoute: newHttpRoute,
  referenceGrant: newReferenceGrant,
};

/** A rule goes to the selected HTTPRoute when an HTTPRoute or one of its rules is selected. */
function isGatewayApiSelection(scope: Scope): boolean {
  const node = scope.node;
  return node !== undefined && (isRouteNode(node) || isRouteRuleNode(node));
}

/**
 * Adds an item from the palette, as an Istio expert would write it: new resources as
 * `networking.istio.io/v1` (the Gateway API's as `gateway.networking.k8s.io/v1`) with an
 * explicit namespace (the context's, the related resource's, else `default`) and a name unique
 * in it (`gateway`, `gateway-2`…), in the active file or the file of the related resource;
 * parts (server, listener, rule, subset) at the end of the selected resource (a rule goes to the
 * selected HTTPRoute as to a VirtualService). See each builder for its defaults.
 */
export function addFromPalette(
  workspace: Workspace,
  graph: FlowGraph,
  item: PaletteItem,
  context: PaletteContext = {},
): CommandResult<Gesture> {
  return verified(workspace, BUILDERS[item](scopeOf(workspace, graph, context)));
}
