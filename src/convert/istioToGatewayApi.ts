import { MESH, resolveGatewayRef } from '../model/gatewayNames.ts';
import { resolveHost } from '../model/hosts.ts';
import { resourceId } from '../model/resource.ts';
import type { VirtualService } from '../model/virtualService.ts';
import { httpRouteMatch } from '../simulate/gatewayApi/match.ts';
import { buildCatalog } from '../workspace/catalog.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { clientPort } from './clientPorts.ts';
import { conversionOf } from './emit.ts';
import { backendRef, writeGrants } from './istioBackends.ts';
import { convertGateway } from './istioGatewayToK8s.ts';
import { readBack, reportReordering } from './istioReordering.ts';
import { convertRule } from './istioRuleToHttpRoute.ts';
import {
  API,
  type Context,
  type ConvertedListener,
  lose,
  type Plain,
} from './istioToGatewayApiContext.ts';
import { serviceLookup } from './services.ts';
import type { Conversion, Origin } from './types.ts';

export function istioToGatewayApi(workspace: Workspace): Conversion {
  const catalog = buildCatalog(workspace);
  const ctx: Context = {
    lookup: serviceLookup(catalog),
    clientPort: clientPort(catalog),
    hasServices: catalog.services.length > 0,
    rejected: new Set(),
    losses: [],
    written: [],
    listeners: new Map(),
    grants: new Map(),
    versions: new Set(),
    vhosts: new Map(),
  };
  const replaced: string[] = [];
  for (const { id, object } of catalog.gateways) {
    replaced.push(id);
    convertGateway(ctx, object);
  }
  for (const { id, object } of catalog.virtualServices)
    if (convertVirtualService(ctx, object)) replaced.push(id);
  reportReordering(ctx);
  writeGrants(ctx);
  return conversionOf('converted-gateway-api.yaml', ctx.written, ctx.losses, replaced);
}

function convertVirtualService(ctx: Context, vs: VirtualService): boolean {
  const { name, namespace } = vs.metadata;
  const id = resourceId('VirtualService', namespace, name);
  const gateways = vs.gateways ?? [MESH];
  if (gateways.includes(MESH))
    lose(
      ctx,
      id,
      'spec.gateways',
      'mesh: routing inside the mesh (GAMMA, parentRefs to a Service) is not converted; only the gateway part is',
    );
  const bound: Bound[] = [];
  for (const ref of gateways) {
    const gw = resolveGatewayRef(ref, namespace);
    if (!gw) continue;
    const base: Plain = { name: gw.name };
    if (gw.namespace !== namespace) base.namespace = gw.namespace;
    bound.push({ base, listeners: ctx.listeners.get(`${gw.namespace}/${gw.name}`) });
  }
  const parentRefs = refsTo(
    bound,
    (l) => !l.redirect && (l.protocol === 'HTTP' || l.protocol === 'HTTPS'),
  );
  const l4 = convertL4(ctx, id, vs, bound);
  if (parentRefs.length === 0 || vs.http.length === 0) return l4;
  const rules: Plain[] = [];
  const parts: Origin[] = [];
  const kept: { index: number; matches: Plain[] }[] = [];
  vs.http.forEach((rule, i) => {
    const converted = convertRule(ctx, id, namespace, rule, i);
    if (!converted) return;
    // Rule names are unique within an HTTPRoute; a VirtualService may repeat one.
    const name = converted.rule.name;
    if (typeof name === 'string' && rules.some((r) => r.name === name))
      converted.rule.name = `${name}-${i}`;
    rules.push(converted.rule);
    parts.push({ resource: id, path: `spec.http[${i}]` });
    kept.push({ index: i, matches: converted.matches });
  });
  for (const ref of gateways) {
    const gw = resolveGatewayRef(ref, namespace);
    if (!gw) continue;
    for (const host of vs.hosts) {
      const key = `${gw.namespace}/${gw.name}|${host.toLowerCase()}`;
      const list = ctx.vhosts.get(key) ?? [];
      ctx.vhosts.set(key, list);
      for (const k of kept)
        list.push({
          id,
          index: k.index,
          matches: (k.matches.length ? k.matches : [{}]).map((m) => httpRouteMatch(readBack(m))),
        });
    }
  }
  if (ctx.rejected.has(id))
    lose(
      ctx,
      id,
      'spec.http',
      'Istio rejects the whole HTTPRoute while one of its backendRefs has no port: none of its rules route until each has one',
    );
  // A short name is a Service's FQDN to Istio, at a gateway too (`shop` → shop.ns.svc.cluster.local).
  const hostnames = [
    ...new Set(vs.hosts.filter((h) => h !== '*').map((h) => resolveHost(h, namespace))),
  ];
  const wildcard = vs.hosts.includes('*');
  if (wildcard && hostnames.length)
    lose(
      ctx,
      id,
      'spec.hosts',
      'host *: the route takes every hostname of its listeners (no hostnames)',
    );
  const spec: Plain = { parentRefs };
  if (!wildcard && hostnames.length) spec.hostnames = hostnames;
  spec.rules = rules;
  ctx.written.push({
    id: resourceId('HTTPRoute', namespace, name),
    comment: `Converted from VirtualService ${namespace}/${name}`,
    plain: { apiVersion: API, kind: 'HTTPRoute', metadata: { name, namespace }, spec },
    origin: { resource: { resource: id, path: '' }, parts },
  });
  return true;
}

/** A Gateway a VirtualService binds, as a parentRef, with its listeners when converted here. */
interface Bound {
  readonly base: Plain;
  readonly listeners: readonly ConvertedListener[] | undefined;
}

/** parentRefs with the sectionName of each listener `take` accepts (the bare ref when unknown). */
function refsTo(bound: readonly Bound[], take: (l: ConvertedListener) => boolean): Plain[] {
  return bound.flatMap(({ base, listeners }) =>
    listeners ? listeners.filter(take).map((l) => ({ ...base, sectionName: l.name })) : [base],
  );
}

const L4_API = 'gateway.networking.k8s.io/v1alpha2';

/**
 * `tls` rules → TLSRoutes (hostnames from `sniHosts`), `tcp` rules → TCPRoutes, one route per
 * rule (`<vs>-tls-<i>`, `<vs>-tcp-<i>`) on the TLS or TCP listeners of the port a match names.
 */
function convertL4(ctx: Context, id: string, vs: VirtualService, bound: readonly Bound[]): boolean {
  const { name, namespace } = vs.metadata;
  let wrote = false;
  for (const section of ['tls', 'tcp'] as const)
    vs[section].forEach((rule, i) => {
      const at = `spec.${section}[${i}]`;
      const kind = section === 'tls' ? 'TLSRoute' : 'TCPRoute';
      const protocol = section === 'tls' ? 'TLS' : 'TCP';
      const ports = new Set(rule.match.map((m) => m.port).filter((p) => p !== undefined));
      rule.match.forEach((m, j) => {
        for (const key of ['destinationSubnets', 'sourceNamespace', 'gateways'] as const)
          if (m[key] !== undefined)
            lose(ctx, id, `${at}.match[${j}].${key}`, `${key}: a ${kind} has no such match`);
      });
      const parentRefs = refsTo(
        bound,
        (l) => l.protocol === protocol && (ports.size === 0 || ports.has(l.serverPort)),
      );
      if (parentRefs.length === 0) {
        lose(
          ctx,
          id,
          at,
          `${section} route: no ${protocol} listener of its gateways takes it; not converted`,
        );
        return;
      }
      const routeName = `${name}-${section}-${i}`;
      const spec: Plain = { parentRefs };
      const sni = [...new Set(rule.match.flatMap((m) => m.sniHosts ?? []))];
      if (section === 'tls' && sni.length && !sni.includes('*')) spec.hostnames = sni;
      spec.rules = [
        {
          backendRefs: rule.route.map((d, k) => {
            const ref = d.destination
              ? backendRef(ctx, id, namespace, d.destination, `${at}.route[${k}].destination`, kind)
              : { name: '' };
            if (rule.route.length > 1 || d.weight !== undefined) ref.weight = d.weight ?? 0;
            return ref;
          }),
        },
      ];
      ctx.written.push({
        id: resourceId(kind, namespace, routeName),
        comment: `Converted from VirtualService ${namespace}/${name} ${section}[${i}]`,
        plain: { apiVersion: L4_API, kind, metadata: { name: routeName, namespace }, spec },
        origin: { resource: { resource: id, path: at }, parts: [{ resource: id, path: at }] },
      });
      wrote = true;
    });
  return wrote;
}
