import { MESH, resolveGatewayName } from '../model/gatewayNames.ts';
import { resolveHost } from '../model/hosts.ts';
import type { VirtualService } from '../model/virtualService.ts';
import type { Catalog, Item } from '../workspace/catalog.ts';

/** A VirtualService with its names resolved as Istio resolves them before building routes. */
export interface VsInfo {
  readonly item: Item<VirtualService>;
  readonly namespace: string;
  /** `hosts` as FQDNs in the VirtualService's namespace (`ResolveShortnameToFQDN`). */
  readonly hosts: readonly string[];
  /** Top-level `gateways` as `ns/name` (and `mesh`); absent means `mesh` only. */
  readonly gateways: ReadonlySet<string>;
  /** Empty `hosts`: a delegate, bound to nothing itself. */
  readonly isDelegate: boolean;
}

export function vsInfo(item: Item<VirtualService>): VsInfo {
  const vs = item.object;
  const namespace = vs.metadata.namespace;
  const gateways =
    vs.gateways && vs.gateways.length > 0
      ? new Set(vs.gateways.map((g) => resolveGatewayName(g, namespace)))
      : new Set([MESH]);
  return {
    item,
    namespace,
    hosts: vs.hosts.map((h) => resolveHost(h, namespace)),
    gateways,
    isDelegate: vs.hosts.length === 0,
  };
}

/**
 * Where a VirtualService is visible, by `exportTo` (push_context.go `initVirtualServices`):
 * unset or `*` public; `~` nowhere; `.` or its own namespace only there; other names there.
 */
type Visibility =
  | { readonly kind: 'public' }
  | { readonly kind: 'none' }
  | { readonly kind: 'namespaces'; readonly own: boolean; readonly others: ReadonlySet<string> };

function visibility(info: VsInfo): Visibility {
  const exportTo = info.item.object.exportTo;
  if (!exportTo || exportTo.length === 0 || exportTo.includes('*')) return { kind: 'public' };
  if (exportTo.includes('~')) return { kind: 'none' };
  const others = new Set(exportTo.filter((e) => e !== '.' && e !== info.namespace));
  return { kind: 'namespaces', own: others.size < exportTo.length, others };
}

/**
 * `VirtualServicesForGateway` (push_context.go): the non-delegate VirtualServices bound by their
 * top-level `gateways` to `gateway` (`ns/name`) and visible to a proxy in `proxyNamespace`:
 * first those private to that namespace, then those exported to it, then the public ones, each
 * group in creation (here: workspace) order. Per-match `gateways` cannot add a binding: they
 * only filter routes of a VirtualService already bound here.
 */
export function virtualServicesForGateway(
  all: readonly VsInfo[],
  gateway: string,
  proxyNamespace: string,
): VsInfo[] {
  const own: VsInfo[] = [];
  const exported: VsInfo[] = [];
  const open: VsInfo[] = [];
  for (const info of all) {
    if (info.isDelegate || !info.gateways.has(gateway)) continue;
    const v = visibility(info);
    if (v.kind === 'public') open.push(info);
    else if (v.kind === 'namespaces') {
      if (v.own && info.namespace === proxyNamespace) own.push(info);
      else if (v.others.has(proxyNamespace)) exported.push(info);
    }
  }
  return [...own, ...exported, ...open];
}

/** Every VirtualService of the catalog, resolved once. */
export function allVsInfo(catalog: Catalog): VsInfo[] {
  return catalog.virtualServices.map(vsInfo);
}

/** Why a VirtualService bound to `gateway` is not visible to the proxy, for the trace. */
export function hiddenReason(info: VsInfo, proxyNamespace: string): string | undefined {
  const v = visibility(info);
  if (v.kind === 'public') return undefined;
  if (v.kind === 'none') return 'exportTo "~" hides it from every namespace';
  if ((v.own && info.namespace === proxyNamespace) || v.others.has(proxyNamespace))
    return undefined;
  return `exportTo ${JSON.stringify(info.item.object.exportTo)} does not include the gateway proxy's namespace ${proxyNamespace}`;
}
