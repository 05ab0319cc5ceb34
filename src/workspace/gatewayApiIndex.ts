/**
 * The Gateway API resources of a workspace, joined once: each Gateway with its class's
 * controller and what Istio deploys for it, each route with the listeners that accept it, and the
 * lookups a backendRef needs. The graph, the checks and the simulator all read this index, so
 * they agree on where a route is attached and whether a backend resolves. Cached per workspace.
 */
import {
  type BackendLookup,
  type BackendResolution,
  resolveBackendRef,
} from '../model/backendRefs.ts';
import {
  type GatewayClass,
  K8S_GATEWAY,
  type K8sGateway,
  type ObjectRef,
  type ReferenceGrant,
} from '../model/gatewayApi.ts';
import { type GatewayRoute, ROUTE_KINDS, type RouteKind } from '../model/gatewayRoutes.ts';
import {
  type GatewayDeployment,
  gatewayController,
  ISTIO_GATEWAY_CONTROLLER,
  istioGatewayDeployment,
} from '../model/istioGatewayDeployment.ts';
import { isModelled } from '../model/kinds.ts';
import type { Dict } from '../model/read.ts';
import {
  attachRoute,
  type NamespaceLabels,
  type ParentAttachment,
} from '../model/routeAttachment.ts';
import { type Entry, entries, type Workspace } from './workspace.ts';

export interface IndexedGateway {
  readonly entry: Entry;
  readonly gateway: K8sGateway;
  /** The controller of its class; undefined when no GatewayClass or built-in class names it. */
  readonly controller: string | undefined;
  /** What Istio deploys for it; undefined when its class is not Istio's gateway controller's. */
  readonly deployment: GatewayDeployment | undefined;
}

export interface IndexedRoute {
  readonly entry: Entry;
  readonly route: GatewayRoute;
  /** One per parentRef that names a Gateway, in `spec.parentRefs` order. */
  readonly parents: readonly ParentAttachment[];
}

export interface GatewayApiIndex {
  readonly gateways: readonly IndexedGateway[];
  readonly routes: readonly IndexedRoute[];
  readonly classes: readonly GatewayClass[];
  readonly grants: readonly ReferenceGrant[];
  readonly namespaceLabels: NamespaceLabels;
  readonly lookup: BackendLookup;
  /** Resolves a backendRef written by a route (or a Gateway) in `namespace`. */
  backend(
    ref: ObjectRef,
    from: { kind: RouteKind | 'Gateway'; namespace: string },
  ): BackendResolution;
  /** The routes a listener accepts, with the attachment that accepts them, in workspace order. */
  routesOn(
    gateway: K8sGateway,
    listenerIndex: number,
  ): readonly { route: IndexedRoute; attachment: ParentAttachment }[];
}

const cache = new WeakMap<Workspace, GatewayApiIndex>();

export function gatewayApiIndex(workspace: Workspace): GatewayApiIndex {
  const cached = cache.get(workspace);
  if (cached) return cached;
  const index = buildIndex(entries(workspace));
  cache.set(workspace, index);
  return index;
}

function buildIndex(all: readonly Entry[]): GatewayApiIndex {
  const classes: GatewayClass[] = [];
  const grants: ReferenceGrant[] = [];
  const gatewayEntries: { entry: Entry; gateway: K8sGateway }[] = [];
  const routeEntries: { entry: Entry; route: GatewayRoute }[] = [];
  const services = new Set<string>();
  const namespaces = new Map<string, Dict<string>>();
  const seen = new Set<string>();
  for (const entry of all) {
    const object = entry.object;
    // A repeated id (invalid workspace) is read from its first document only, as the graph does.
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    if (object.kind === 'Service')
      services.add(`${object.metadata.namespace}/${object.metadata.name}`);
    else if (object.kind === 'Namespace')
      namespaces.set(object.metadata.name, object.metadata.labels);
    if (!isModelled(object)) continue;
    if (object.kind === 'GatewayClass') classes.push(object);
    else if (object.kind === 'ReferenceGrant') grants.push(object);
    else if (object.kind === K8S_GATEWAY) gatewayEntries.push({ entry, gateway: object });
    else if ((ROUTE_KINDS as readonly string[]).includes(object.kind))
      routeEntries.push({ entry, route: object as GatewayRoute });
  }
  const namespaceLabels: NamespaceLabels = (ns) => namespaces.get(ns);
  const gateways = gatewayEntries.map(({ entry, gateway }): IndexedGateway => {
    const controller = gatewayController(gateway, classes);
    return {
      entry,
      gateway,
      controller,
      deployment:
        controller === ISTIO_GATEWAY_CONTROLLER ? istioGatewayDeployment(gateway) : undefined,
    };
  });
  const plainGateways = gateways.map((g) => g.gateway);
  const routes = routeEntries.map(
    ({ entry, route }): IndexedRoute => ({
      entry,
      route,
      parents: attachRoute(route, plainGateways, namespaceLabels),
    }),
  );
  const holdsServices = all.some((e) => e.object.kind === 'Service');
  const lookup: BackendLookup = {
    serviceExists: (ns, name) => (holdsServices ? services.has(`${ns}/${name}`) : undefined),
    grants,
  };
  const byListener = new Map<string, { route: IndexedRoute; attachment: ParentAttachment }[]>();
  for (const route of routes)
    for (const attachment of route.parents)
      for (const accepted of attachment.accepted) {
        const key = `${attachment.namespace}/${attachment.ref.name}#${accepted.index}`;
        const list = byListener.get(key) ?? [];
        if (list.length === 0) byListener.set(key, list);
        list.push({ route, attachment });
      }
  return {
    gateways,
    routes,
    classes,
    grants,
    namespaceLabels,
    lookup,
    backend: (ref, from) => resolveBackendRef(ref, from, lookup),
    routesOn: (gateway, listenerIndex) =>
      byListener.get(`${gateway.metadata.namespace}/${gateway.metadata.name}#${listenerIndex}`) ??
      [],
  };
}
