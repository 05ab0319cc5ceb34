import { resolveGatewayRef } from '../model/gatewayNames.ts';
import { resolveHost } from '../model/hosts.ts';
import { resourceId } from '../model/resource.ts';
import {
  type Destination,
  type HttpRoute,
  type L4Route,
  RULE_SECTIONS,
  type RuleSection,
  type VirtualService,
} from '../model/virtualService.ts';
import type { Catalog, Item } from '../workspace/catalog.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { resourceNodeId, routeNodeId, ruleLabel, subsetNodeId } from './ids.ts';
import type { ServiceNodes } from './services.ts';
import { findSubsetOwner } from './subsets.ts';

/**
 * Adds every VirtualService with one `route` node per rule, the Gateways that bind it, and the
 * edges from each rule to its destinations, mirrors and delegate.
 */
export function addVirtualServices(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
): void {
  // What a VirtualService's part of the graph reads besides itself, in fragments: nothing (its
  // node), which Gateways exist (its binds: renaming a Gateway redraws those alone), and which
  // VirtualServices exist (delegates) and the subsets (destinations) for its rules; the services
  // it asks for are asked again on replay (`services.ensure`).
  const binds = [catalog.gatewayIds];
  const rules = [catalog.virtualServiceIds, catalog.destinationRulesByFqdn];
  for (const vs of catalog.virtualServices) {
    const vsNode = resourceNodeId('virtualService', vs.id);
    graph.memo(vs.object, 'virtualService', NO_DEPS, () => {
      graph.addNode({
        id: vsNode,
        kind: 'virtualService',
        label: vs.object.metadata.name,
        resource: vs.id,
        parent: null,
      });
    });
    graph.memo(vs.object, 'binds', binds, () => {
      for (const [gateway, paths] of boundGateways(catalog, vs)) {
        graph.addEdge('bind', resourceNodeId('gateway', gateway), vsNode, {
          origin: { resource: vs.id, paths },
        });
      }
    });
    graph.memo(vs.object, 'rules', rules, () => addRules(catalog, graph, services, vs, vsNode));
  }
}

/** A VirtualService's rule rows, with their destinations, mirrors and delegate. */
function addRules(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
  vs: Item<VirtualService>,
  vsNode: string,
): void {
  const addRule = (section: RuleSection, rule: HttpRoute | L4Route, index: number) => {
    const id = routeNodeId(vs.id, section, index);
    graph.addNode({
      id,
      kind: 'route',
      label: rule.name || ruleLabel(section, index),
      resource: vs.id,
      parent: vsNode,
      section,
      index,
      path: ['spec', section, index],
    });
    graph.addEdge('rule', vsNode, id);
    addDestinations(catalog, graph, services, vs, id, rule, ['spec', section, index]);
    return id;
  };
  vs.object.http.forEach((rule, index) => {
    addHttpExtras(catalog, graph, services, vs, addRule('http', rule, index), rule, [
      'spec',
      'http',
      index,
    ]);
  });
  vs.object.tls.forEach((rule, index) => {
    addRule('tls', rule, index);
  });
  vs.object.tcp.forEach((rule, index) => {
    addRule('tcp', rule, index);
  });
}

/**
 * The Gateways of the workspace a VirtualService binds to: its `gateways` and the `gateways` of
 * each rule's match blocks (virtual_service.proto). `mesh` is not a Gateway; a Gateway missing
 * from the workspace gets no edge (the checks report it).
 */
function boundGateways(catalog: Catalog, vs: Item<VirtualService>): ReadonlyMap<string, Path[]> {
  const namespace = vs.object.metadata.namespace;
  const refs: [string, Path][] = (vs.object.gateways ?? []).map((ref, i) => [
    ref,
    ['spec', 'gateways', i],
  ]);
  for (const section of RULE_SECTIONS) {
    vs.object[section].forEach((rule, r) => {
      rule.match.forEach((match, m) => {
        match.gateways?.forEach((ref, g) => {
          refs.push([ref, ['spec', section, r, 'match', m, 'gateways', g]]);
        });
      });
    });
  }
  const out = new Map<string, Path[]>();
  for (const [ref, path] of refs) {
    const gateway = resolveGatewayRef(ref, namespace);
    if (!gateway) continue;
    const id = resourceId('Gateway', gateway.namespace, gateway.name);
    if (catalog.gatewayIds.has(id)) out.set(id, [...(out.get(id) ?? []), path]);
  }
  return out;
}

type Path = readonly (string | number)[];

const NO_DEPS: readonly unknown[] = [];

/** `route` edges to each destination, `weight` only where the manifest writes one. */
function addDestinations(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
  vs: Item<VirtualService>,
  routeNode: string,
  rule: HttpRoute | L4Route,
  rulePath: Path,
): void {
  const namespace = vs.object.metadata.namespace;
  rule.route.forEach((route, index) => {
    const to = destinationNode(catalog, services, route.destination, namespace);
    if (to)
      graph.addEdge('route', routeNode, to, {
        slot: `route[${index}]`,
        weight: route.weight,
        origin: { resource: vs.id, paths: [[...rulePath, 'route', index]] },
      });
  });
}

/** What only HTTP rules have: `mirror`, `mirrors` and `delegate`. */
function addHttpExtras(
  catalog: Catalog,
  graph: GraphBuilder,
  services: ServiceNodes,
  vs: Item<VirtualService>,
  routeNode: string,
  rule: HttpRoute,
  rulePath: Path,
): void {
  const namespace = vs.object.metadata.namespace;
  const written = (path: Path) => ({ resource: vs.id, paths: [[...rulePath, ...path]] });
  const mirror = destinationNode(catalog, services, rule.mirror, namespace);
  if (mirror)
    graph.addEdge('mirror', routeNode, mirror, { slot: 'mirror', origin: written(['mirror']) });
  rule.mirrors?.forEach((m, index) => {
    const to = destinationNode(catalog, services, m.destination, namespace);
    if (to)
      graph.addEdge('mirror', routeNode, to, {
        slot: `mirrors[${index}]`,
        origin: written(['mirrors', index]),
      });
  });

  if (rule.delegate) {
    // Delegate `namespace` defaults to the delegating VirtualService's (virtual_service.proto).
    const id = resourceId(
      'VirtualService',
      rule.delegate.namespace || namespace,
      rule.delegate.name,
    );
    if (catalog.virtualServiceIds.has(id))
      graph.addEdge('delegate', routeNode, resourceNodeId('virtualService', id), {
        origin: written(['delegate']),
      });
  }
}

/**
 * The node a destination points at: the subset node when a DestinationRule for the host defines
 * the subset, else the service node (an unknown subset is the checks' business, not a dead end).
 */
function destinationNode(
  catalog: Catalog,
  services: ServiceNodes,
  destination: Destination | undefined,
  namespace: string,
): string | undefined {
  if (!destination || destination.host === '') return undefined;
  const fqdn = resolveHost(destination.host, namespace);
  const serviceNode = services.ensure(fqdn);
  if (destination.subset === undefined) return serviceNode;
  const owner = findSubsetOwner(catalog, fqdn, destination.subset, namespace);
  return owner ? subsetNodeId(owner, destination.subset) : serviceNode;
}
