import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { serviceFqdn } from '../model/hosts.ts';
import type { IngressBackend } from '../model/ingress.ts';
import { NGINX_INSTALL } from '../model/ingressNginx.ts';
import { selects } from '../model/labels.ts';
import { type ResourceId, resourceId } from '../model/resource.ts';
import type { Catalog } from '../workspace/catalog.ts';
import {
  type IndexedIngress,
  type IngressIndex,
  ISTIO_INGRESS_CONTROLLER,
  NGINX_CONTROLLER,
} from '../workspace/ingressIndex.ts';
import type { GatewayPods } from './gatewayPods.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { resourceNodeId, routeNodeId } from './ids.ts';
import { addGatewayPods, type Ingress } from './ingress.ts';
import type { ServiceNodes } from './services.ts';

type Path = readonly (string | number)[];

/** What the ingress chains of Kubernetes Ingresses drew, and the controller pods of each. */
export interface IngressControllers extends Ingress {
  /** The controller pods nodes that serve each Ingress (by resource id); none for other classes. */
  readonly podsOf: ReadonlyMap<ResourceId, readonly string[]>;
}

/**
 * The chains in front of Kubernetes Ingresses: client → load balancer → controller pods. For
 * ingress-nginx the workspace's controller pods (and the LoadBalancer Service selecting them)
 * when it holds them, else the static install's `ingress-nginx-controller`, implied. For class
 * `istio`, Istio's ingress gateway (mesh `ingressSelector`: `istio: ingressgateway`), as
 * Gateways selecting it draw it. Other classes: no chain, another controller serves them.
 */
export function addIngressControllers(
  catalog: Catalog,
  index: IngressIndex,
  graph: GraphBuilder,
): IngressControllers {
  const chain = { gatewayWorkloads: new Set<ResourceId>(), balancers: new Set<ResourceId>() };
  const podsOf = new Map<ResourceId, readonly string[]>();
  let nginx: readonly string[] | undefined;
  let istio: readonly string[] | undefined;
  for (const indexed of index.ingresses) {
    if (indexed.controller === NGINX_CONTROLLER) {
      nginx ??= nginxPods(catalog, graph, chain);
      podsOf.set(indexed.entry.id, nginx);
    } else if (indexed.controller === ISTIO_INGRESS_CONTROLLER) {
      istio ??= istioPods(catalog, graph, chain);
      podsOf.set(indexed.entry.id, istio);
    }
  }
  return { ...chain, podsOf };
}

type Chain = Parameters<typeof addGatewayPods>[4];

function nginxPods(catalog: Catalog, graph: GraphBuilder, chain: Chain): readonly string[] {
  const { namespace, name, podLabels } = NGINX_INSTALL;
  const matched = catalog.workloads.filter((w) => selects(podLabels, w.object.podLabels));
  const serviceId = resourceId('Service', namespace, name);
  const implied: GatewayPods = {
    node: {
      id: `gatewayWorkload:implied:${resourceId('Deployment', namespace, name)}`,
      kind: 'gatewayWorkload',
      label: `${name} (ingress-nginx controller pods, implied)`,
      parent: null,
      implied: true,
    },
    namespace,
    labels: podLabels,
    deploymentName: name,
    impliedBalancer: {
      id: `loadBalancer:implied:${serviceId}`,
      kind: 'loadBalancer',
      // `; ` parts are lines of their own on the canvas.
      label: `${name} (LoadBalancer Service; ingress-nginx, implied)`,
      parent: null,
      implied: true,
      ports: [
        { port: 80, targetPort: 80 },
        { port: 443, targetPort: 443 },
      ],
    },
  };
  return addGatewayPods(catalog, graph, podLabels, matched, chain, implied);
}

/** Istio serves Ingresses on the gateway pods its mesh config's `ingressSelector` picks. */
function istioPods(catalog: Catalog, graph: GraphBuilder, chain: Chain): readonly string[] {
  const selector = DEFAULT_INGRESS.podLabels;
  const matched = catalog.workloads.filter((w) => selects(selector, w.object.podLabels));
  return addGatewayPods(catalog, graph, selector, matched, chain);
}

/**
 * Each Ingress as an `ingress` node with one `route` row per path (`section: 'rules'`, `index`
 * counting paths across rules in order, label `host path (pathType)`) and its defaultBackend as
 * the last row; `bind` edges from the controller pods that serve it, `route` edges from each row
 * to the Service its backend names.
 */
export function addIngresses(
  index: IngressIndex,
  controllers: IngressControllers,
  graph: GraphBuilder,
  services: ServiceNodes,
): void {
  for (const indexed of index.ingresses) {
    const { entry, ingress } = indexed;
    const id = resourceNodeId('ingress', entry.id);
    graph.addNode({
      id,
      kind: 'ingress',
      label: ingress.metadata.name,
      resource: entry.id,
      parent: null,
    });
    for (const pods of controllers.podsOf.get(entry.id) ?? [])
      graph.addEdge('bind', pods, id, {
        origin: { resource: entry.id, paths: [classPath(indexed)] },
      });

    const row = (index: number, label: string, path: Path, backend: IngressBackend | undefined) => {
      const rowId = routeNodeId(entry.id, 'rules', index);
      graph.addNode({
        id: rowId,
        kind: 'route',
        label,
        resource: entry.id,
        parent: id,
        section: 'rules',
        index,
        path,
      });
      graph.addEdge('rule', id, rowId);
      const service = backend?.service;
      const resource = backend?.resource;
      const target = service?.name
        ? services.ensure(serviceFqdn(service.name, ingress.metadata.namespace))
        : resource?.name
          ? resourceBackendNode(graph, resource, ingress.metadata.namespace)
          : undefined;
      if (target === undefined) return;
      graph.addEdge('route', rowId, target, {
        slot: 'backend',
        origin: { resource: entry.id, paths: [[...path, 'backend']] },
      });
    };
    for (const at of indexed.paths)
      row(
        at.index,
        ingressPathLabel(at.host, at.value.path, at.value.pathType),
        ['spec', 'rules', at.rule, 'http', 'paths', at.path],
        at.value.backend,
      );
    if (ingress.defaultBackend)
      row(
        indexed.paths.length,
        'default backend',
        defaultBackendPath(indexed),
        ingress.defaultBackend,
      );
  }
}

/**
 * A `resource` backend (a storage bucket of the controller's own kind, say): where the requests
 * go, drawn as an implied node, since it is no Service and holds no pods the designer knows.
 */
function resourceBackendNode(
  graph: GraphBuilder,
  resource: NonNullable<IngressBackend['resource']>,
  namespace: string,
): string {
  const group = resource.apiGroup || 'core';
  const id = `service:implied:${group}/${resource.kind}/${namespace}/${resource.name}`;
  graph.addNode({
    id,
    kind: 'service',
    label: `${resource.name} (${resource.kind || 'resource'} backend, not a Service)`,
    parent: null,
    implied: true,
  });
  return id;
}

/** `shop.example.com /cart (Prefix)`; `*` for a rule without host, as it serves every host. */
export function ingressPathLabel(
  host: string,
  path: string | undefined,
  pathType: string | undefined,
): string {
  return `${host || '*'} ${path || '/'} (${pathType ?? 'no pathType'})`;
}

/** Where the default backend is written: `defaultBackend`, or v1beta1's `backend`. */
function defaultBackendPath({ entry }: IndexedIngress): Path {
  const spec = entry.plain.spec;
  const legacy =
    typeof spec === 'object' && spec !== null && !('defaultBackend' in spec) && 'backend' in spec;
  return ['spec', legacy ? 'backend' : 'defaultBackend'];
}

/** Where the class that binds an Ingress to its controller is written. */
function classPath({ ingress }: IndexedIngress): Path {
  return ingress.ingressClassName !== undefined ? ['spec', 'ingressClassName'] : ['metadata'];
}
