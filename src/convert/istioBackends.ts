import { resolveHost } from '../model/hosts.ts';
import { resourceId } from '../model/resource.ts';
import type { Destination } from '../model/virtualService.ts';
import { type Context, lose, type Plain } from './istioToGatewayApiContext.ts';
import { serviceOfHost } from './services.ts';

/** A destination as a backendRef; a subset becomes a per-version Service (the Gateway API has none). */
export function backendRef(
  ctx: Context,
  id: string,
  namespace: string,
  dest: Destination,
  at: string,
  routeKind = 'HTTPRoute',
): Plain {
  const fqdn = resolveHost(dest.host, namespace);
  const svc = serviceOfHost(fqdn);
  if (!svc) {
    lose(
      ctx,
      id,
      `${at}.host`,
      `host ${dest.host} is not a Kubernetes Service: written as an Istio Hostname backendRef (ServiceEntry hosts)`,
    );
    const ref: Plain = { group: 'networking.istio.io', kind: 'Hostname', name: dest.host };
    if (dest.port !== undefined) ref.port = dest.port;
    return ref;
  }
  const service = ctx.lookup.service(fqdn);
  let name = svc.name;
  if (dest.subset) {
    const labels = ctx.lookup.subsetLabels(fqdn, dest.subset);
    name = `${svc.name}-${dest.subset}`.toLowerCase();
    const described = labels
      ? Object.entries(labels)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')
      : 'labels unknown';
    lose(
      ctx,
      id,
      `${at}.subset`,
      `subset ${dest.subset} (${described}): the Gateway API has no subsets; one Service per version is needed, written as Service ${svc.namespace}/${name}${service?.selector && labels ? '' : ' (not generated: the Service or subset is not in the input)'}`,
    );
    if (service?.selector && labels)
      writeVersionService(ctx, svc.namespace, name, service, labels, `${id} ${at}.subset`);
  }
  const ref: Plain = { name };
  if (svc.namespace !== namespace) {
    ref.namespace = svc.namespace;
    const from = ctx.grants.get(svc.namespace) ?? new Map();
    ctx.grants.set(svc.namespace, from);
    const grant = from.get(namespace) ?? { names: new Set<string>(), kinds: new Set<string>() };
    from.set(namespace, grant);
    grant.names.add(name);
    grant.kinds.add(routeKind);
  }
  const ports = service?.ports.filter((p) => p.port !== undefined) ?? [];
  const port = dest.port ?? (ports.length === 1 ? ports[0]?.port : undefined);
  if (!service && ctx.hasServices)
    lose(
      ctx,
      id,
      `${at}.host`,
      `the Service ${svc.namespace}/${svc.name} is not in the input: Envoy answers 503 for its share under a VirtualService, the Gateway API 500 (BackendNotFound)`,
    );
  if (port !== undefined) ref.port = port;
  else if (routeKind === 'HTTPRoute' && !at.includes('.mirror')) {
    ctx.rejected.add(id);
    lose(
      ctx,
      id,
      `${at}.port`,
      `a Gateway API backendRef needs a port, and the Service ${svc.namespace}/${svc.name} ${service ? 'has several' : 'is not in the input'}`,
    );
  } else
    lose(
      ctx,
      id,
      `${at}.port`,
      `a Gateway API backendRef needs a port, and the Service ${svc.namespace}/${svc.name} ${service ? 'has several' : 'is not in the input'}`,
    );
  return ref;
}

export function writeVersionService(
  ctx: Context,
  namespace: string,
  name: string,
  service: import('../model/service.ts').Service,
  labels: Readonly<Record<string, string>>,
  from: string,
): void {
  const id = resourceId('Service', namespace, name);
  if (ctx.versions.has(id)) return;
  ctx.versions.add(id);
  ctx.written.push({
    id,
    comment: `One Service per version, for ${from}`,
    plain: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace },
      spec: {
        selector: { ...service.selector, ...labels },
        ports: service.ports.map((p) => {
          const port: Plain = {};
          if (p.name) port.name = p.name;
          port.port = p.port;
          if (p.targetPort !== undefined) port.targetPort = p.targetPort;
          if (p.protocol !== 'TCP') port.protocol = p.protocol;
          return port;
        }),
      },
    },
    origin: {
      resource: { resource: resourceId('Service', namespace, service.metadata.name), path: '' },
      parts: [],
    },
  });
}

export function writeGrants(ctx: Context): void {
  for (const [to, froms] of [...ctx.grants].sort(([a], [b]) => (a < b ? -1 : 1)))
    for (const [from, { names, kinds }] of [...froms].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const name = `routes-from-${from}`;
      ctx.written.push({
        id: resourceId('ReferenceGrant', to, name),
        comment: `Lets routes of namespace ${from} send to these Services of ${to} (a VirtualService needs no grant)`,
        plain: {
          apiVersion: 'gateway.networking.k8s.io/v1beta1',
          kind: 'ReferenceGrant',
          metadata: { name, namespace: to },
          spec: {
            from: [...kinds]
              .sort()
              .map((kind) => ({ group: 'gateway.networking.k8s.io', kind, namespace: from })),
            to: [...names].sort().map((n) => ({ group: '', kind: 'Service', name: n })),
          },
        },
        origin: {
          resource: { resource: resourceId('ReferenceGrant', to, name), path: '' },
          parts: [],
        },
      });
    }
}
