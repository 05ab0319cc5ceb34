import { listenPort } from '../model/gatewayPorts.ts';
import { buildCatalog, type Catalog } from '../workspace/catalog.ts';
import { type GatewayApiIndex, gatewayApiIndex } from '../workspace/gatewayApiIndex.ts';
import { type IngressIndex, ingressIndex } from '../workspace/ingressIndex.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { allVsInfo, type VsInfo } from './bindings.ts';
import { type FlatRule, flattenHttpRules } from './delegate.ts';
import { indexDestinationRules } from './destinationRules.ts';
import { type K8sGatewayProxy, k8sGatewayProxies } from './gatewayApi/proxies.ts';
import { type GatewayProxy, gatewayProxies } from './gatewayProxies.ts';
import { type BuiltRoute, buildHttpRoutes } from './httpRoutes.ts';
import { type ControllerProxy, controllerProxy, specProxy } from './ingress/proxies.ts';
import { mergeGateways, type PortServers, type ServerRef } from './servers.ts';
import type { Step } from './types.ts';
import { buildRouteTable, type RouteTable } from './virtualHosts.ts';

/** What a proxy's configuration looks like, built lazily and kept for the next request. */
export interface ProxyState {
  readonly proxy: GatewayProxy;
  readonly ports: ReadonlyMap<number, PortServers>;
  /** The HTTP route table shared by `servers` (memoised by their identity). */
  readonly routeTable: (servers: readonly ServerRef[]) => RouteTable;
}

/**
 * Everything a simulation looks up, indexed once per workspace (workspaces are immutable, so
 * the index is memoised by identity): the catalog, the gateway proxies, resolved
 * VirtualServices with delegation applied, DestinationRules by namespace.
 */
export interface SimulationIndex {
  readonly catalog: Catalog;
  readonly proxies: readonly GatewayProxy[];
  readonly virtualServices: readonly VsInfo[];
  readonly destinationRules: ReturnType<typeof indexDestinationRules>;
  readonly flatRules: (vs: VsInfo) => { readonly rules: FlatRule[]; readonly notes: Step[] };
  readonly proxyState: (proxy: GatewayProxy) => ProxyState;
  /** The Gateway API resources, joined (`workspace/gatewayApiIndex.ts`). */
  readonly gatewayApi: GatewayApiIndex;
  /** The proxies Istio runs for Gateway API Gateways of its class. */
  readonly k8sGateways: readonly K8sGatewayProxy[];
  /** The Kubernetes Ingresses, joined (`workspace/ingressIndex.ts`). */
  readonly ingress: IngressIndex;
  /**
   * The Ingress controllers that serve some Ingress of the workspace: ingress-nginx, Istio, and
   * one per other class, simulated with the Kubernetes Ingress spec's semantics.
   */
  readonly ingressControllers: readonly ControllerProxy[];
}

const indexes = new WeakMap<Workspace, SimulationIndex>();

export function simulationIndex(workspace: Workspace): SimulationIndex {
  const cached = indexes.get(workspace);
  if (cached) return cached;
  const catalog = buildCatalog(workspace);
  const virtualServices = allVsInfo(catalog);
  const delegates = new Map<string, VsInfo>();
  for (const vs of virtualServices) {
    const key = `${vs.namespace}/${vs.item.object.metadata.name}`;
    if (vs.isDelegate && !delegates.has(key)) delegates.set(key, vs);
  }
  const flat = new Map<VsInfo, ReturnType<typeof flattenHttpRules>>();
  const flatRules = (vs: VsInfo) => {
    let rules = flat.get(vs);
    if (!rules) {
      rules = flattenHttpRules(vs, delegates);
      flat.set(vs, rules);
    }
    return rules;
  };
  const states = new Map<GatewayProxy, ProxyState>();
  const gatewayApi = gatewayApiIndex(workspace);
  const ingress = ingressIndex(workspace);
  const readings = new Set(ingress.ingresses.map((i) => i.reading));
  const index: SimulationIndex = {
    ingress,
    ingressControllers: [
      ...(['nginx', 'istio'] as const)
        .filter((r) => readings.has(r))
        .map((r) => controllerProxy(catalog, r)),
      // Ingresses no modelled controller serves: their class's controller, with spec semantics.
      ...[
        ...new Set(
          ingress.ingresses.filter((i) => i.reading === undefined).map((i) => i.className ?? ''),
        ),
      ].map(specProxy),
    ],
    gatewayApi,
    k8sGateways: k8sGatewayProxies(catalog, gatewayApi.gateways),
    catalog,
    proxies: gatewayProxies(catalog),
    virtualServices,
    destinationRules: indexDestinationRules(catalog.destinationRules),
    flatRules,
    proxyState: (proxy) => {
      let state = states.get(proxy);
      if (!state) {
        state = createProxyState(proxy, virtualServices, flatRules);
        states.set(proxy, state);
      }
      return state;
    },
  };
  indexes.set(workspace, index);
  return index;
}

function createProxyState(
  proxy: GatewayProxy,
  all: readonly VsInfo[],
  flatRules: SimulationIndex['flatRules'],
): ProxyState {
  const routes = new Map<string, BuiltRoute[]>();
  const tables = new Map<string, RouteTable>();
  return {
    proxy,
    ports: mergeGateways(proxy.gateways, (port) => listenPort(port, proxy.ports)),
    routeTable: (servers) => {
      const key = servers.map((s) => `${s.gateway.id}#${s.index}`).join(',');
      let table = tables.get(key);
      if (!table) {
        const port = servers[0]?.port ?? 0;
        table = buildRouteTable(servers, {
          all,
          proxyNamespace: proxy.namespace,
          routesFor: (vs, gateway) => {
            const routeKey = `${vs.item.id}|${gateway}|${port}`;
            let built = routes.get(routeKey);
            if (!built) {
              built = buildHttpRoutes(flatRules(vs).rules, gateway, port, proxy);
              routes.set(routeKey, built);
            }
            return built;
          },
          notesFor: (vs) => flatRules(vs).notes,
        });
        tables.set(key, table);
      }
      return table;
    },
  };
}
