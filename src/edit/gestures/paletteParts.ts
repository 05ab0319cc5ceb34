import { resolveHost } from '../../model/hosts.ts';
import { isRecord } from '../../model/read.ts';
import { parseResourceId } from '../../model/resource.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { destinationLabel, destinationPort } from './addDestination.ts';
import { isCatchAll } from './catchAll.ts';
import { type Gesture, gesture, type Offer } from './gesture.ts';
import { findResource, hostFor, rawAt, rawLength, resourcesOf, ruleName } from './lookup.ts';
import { uniqueName } from './names.ts';
import {
  PLACEHOLDER_HOST,
  type Scope,
  selectedServiceHost,
  someServiceHost,
} from './paletteScope.ts';
import { subsetPlan } from './subsetLabels.ts';

/**
 * A new server on the selected Gateway, for the hosts of its first server: HTTPS on 443
 * terminating TLS with a `credentialName` Secret when the Gateway has no 443 yet (with an offer
 * to redirect its HTTP servers to HTTPS), else HTTP on the next free port from 8080.
 */
export function newServer(scope: Scope): CommandResult<Gesture> {
  const gateway =
    scope.node?.kind === 'gateway' || scope.node === undefined
      ? findResource(scope.workspace, scope.resource, 'Gateway')
      : undefined;
  if (!gateway) return fail('Select a Gateway to add a server to');
  const gw = gateway.object;
  const ports = new Set(
    gw.servers.flatMap((s) => (s.port?.number === undefined ? [] : [s.port.number])),
  );
  const portNames = new Set(gw.servers.flatMap((s) => (s.port?.name ? [s.port.name] : [])));
  const hosts = [...(gw.servers[0]?.hosts ?? ['app.example.com'])];
  const path = ['spec', 'servers'];
  const index = rawLength(gateway.entry, path);
  const target = gateway.entry.id;

  if (!ports.has(443)) {
    const credentialName = `${gw.metadata.name}-tls`;
    const offers: Offer[] = [];
    gw.servers.forEach((server, i) => {
      if (server.port?.protocol !== 'HTTP' || server.tls?.httpsRedirect) return;
      offers.push({
        title: `Redirect HTTP to HTTPS on server ${server.port.name ?? server.port.number} (301)`,
        command: {
          type: 'setValue',
          target,
          path: ['spec', 'servers', i, 'tls', 'httpsRedirect'],
          value: true,
        },
      });
    });
    return gesture(
      {
        type: 'insertItem',
        target,
        path,
        index,
        value: {
          port: { number: 443, name: uniqueName('https', portNames), protocol: 'HTTPS' },
          hosts,
          tls: { mode: 'SIMPLE', credentialName },
        },
      },
      `Added an HTTPS server on port 443 to Gateway ${gw.metadata.name} for ${hosts.join(', ')}`,
      [
        `TLS is terminated with the certificate in Secret ${credentialName} (keys tls.crt and tls.key), which must exist in ${secretNamespace(scope, gateway.entry.id)}`,
      ],
      offers,
    );
  }
  let port = 8080;
  while (ports.has(port)) port++;
  return gesture(
    {
      type: 'insertItem',
      target,
      path,
      index,
      value: {
        port: { number: port, name: uniqueName(`http-${port}`, portNames), protocol: 'HTTP' },
        hosts,
      },
    },
    `Added an HTTP server on port ${port} to Gateway ${gw.metadata.name} for ${hosts.join(', ')}`,
  );
}

/**
 * Where Istio looks for a Gateway's `credentialName`: the namespace of the gateway pods it
 * selects, not the Gateway's (gateway/secret.go); `istio-system` for the default ingress.
 */
function secretNamespace(scope: Scope, gatewayId: string): string {
  const node = `gateway:${gatewayId}`;
  const namespaces = new Set<string>();
  for (const edge of scope.graph.edges) {
    if (edge.kind !== 'flow' || edge.target !== node) continue;
    const pods = scope.graph.nodes.find((n) => n.id === edge.source);
    const ns = pods?.resource
      ? parseResourceId(pods.resource)?.namespace
      : impliedNamespace(pods?.id ?? '');
    if (ns) namespaces.add(ns);
  }
  return namespaces.size === 0
    ? 'the namespace of the gateway pods'
    : `namespace ${[...namespaces].join(', ')}, where the gateway pods run`;
}

/** `gatewayWorkload:implied:istio-system/istio-ingressgateway` → `istio-system` (graph/gatewayPods.ts). */
function impliedNamespace(id: string): string | undefined {
  const prefix = 'gatewayWorkload:implied:';
  if (!id.startsWith(prefix) || id.startsWith(`${prefix}labels:`)) return undefined;
  const rest = id.slice(prefix.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : undefined;
}

/**
 * A new rule at the end of the selected VirtualService (or the VirtualService of the selected
 * rule): `rule-N`, every path (`prefix: /`), to the VirtualService's first destination, else the
 * selected or a local Service, else a placeholder. When a catch-all rule comes before it, the
 * note says so and an offer moves the new rule above it.
 */
export function newRule(scope: Scope): CommandResult<Gesture> {
  const kind = scope.node?.kind;
  const vs =
    kind === 'virtualService' || kind === 'route' || kind === undefined
      ? findResource(scope.workspace, scope.resource, 'VirtualService')
      : undefined;
  if (!vs) return fail('Select a VirtualService (or one of its rules) to add a rule to');
  const rules = vs.object.http;
  const namespace = vs.object.metadata.namespace;
  const name = uniqueName(
    `rule-${rules.length + 1}`,
    new Set(rules.flatMap((r) => (r.name ? [r.name] : []))),
  );
  const notes: string[] = [];
  let destination: unknown = firstDestination(vs.entry, rules.length);
  if (destination === undefined) {
    const fqdn = selectedServiceHost(scope) ?? someServiceHost(scope, namespace);
    const port = fqdn === undefined ? undefined : destinationPort(scope.workspace, fqdn, 'http');
    destination = {
      host: fqdn === undefined ? PLACEHOLDER_HOST : hostFor(fqdn, namespace),
      ...(port ? { port: { number: port.number } } : {}),
    };
    if (fqdn === undefined)
      notes.push(`${name} routes to "${PLACEHOLDER_HOST}", a placeholder: connect it to a service`);
    if (port?.note) notes.push(port.note);
  }
  const index = rawLength(vs.entry, ['spec', 'http']);
  const offers: Offer[] = [];
  const shadow = rules.findIndex((r) => isCatchAll(r, 'http'));
  if (shadow !== -1) {
    const other = ruleName(rules[shadow] ?? {}, 'http', shadow);
    notes.push(
      `${name} comes after ${other}, which takes every request, so Istio never uses ${name} until you change its match or move it above ${other}`,
    );
    offers.push({
      title: `Move ${name} above ${other}`,
      command: {
        type: 'moveItem',
        target: vs.entry.id,
        path: ['spec', 'http'],
        from: index,
        to: shadow,
      },
    });
  }
  const host =
    isRecord(destination) && typeof destination.host === 'string' ? destination.host : '';
  const subset =
    isRecord(destination) && typeof destination.subset === 'string'
      ? destination.subset
      : undefined;
  return gesture(
    {
      type: 'insertItem',
      target: vs.entry.id,
      path: ['spec', 'http'],
      index,
      value: { name, match: [{ uri: { prefix: '/' } }], route: [{ destination }] },
    },
    `Added rule ${name} to ${vs.object.metadata.name}: every path to ${destinationLabel(resolveHost(host, namespace), subset)}`,
    notes,
    offers,
  );
}

/** The first destination written in the VirtualService's HTTP rules, as written. */
function firstDestination(entry: Entry, count: number): unknown {
  for (let r = 0; r < count; r++) {
    const destination = rawAt(entry, ['spec', 'http', r, 'route', 0, 'destination']);
    if (isRecord(destination) && typeof destination.host === 'string') return destination;
  }
  return undefined;
}

/**
 * A new subset on the selected DestinationRule (or the one of the selected subset, or the one
 * for the selected Service): the next version its pods carry, else the next `vN`.
 */
export function newSubset(scope: Scope): CommandResult<Gesture> {
  let dr = findResource(scope.workspace, scope.resource, 'DestinationRule');
  const fqdnSelected = scope.node?.kind === 'service' ? selectedServiceHost(scope) : undefined;
  if (!dr && fqdnSelected !== undefined) {
    dr = resourcesOf(scope.workspace, 'DestinationRule').find(
      (d) => resolveHost(d.object.host, d.object.metadata.namespace) === fqdnSelected,
    );
    if (!dr)
      return fail(
        `No DestinationRule is for ${scope.node?.label}: add a DestinationRule for it first`,
      );
  }
  if (!dr) return fail('Select a DestinationRule (or one of its subsets) to add a subset to');
  const d = dr.object;
  const fqdn = resolveHost(d.host, d.metadata.namespace);
  const plan = subsetPlan(scope.workspace, fqdn, d.subsets);
  const path = ['spec', 'subsets'];
  return gesture(
    {
      type: 'insertItem',
      target: dr.entry.id,
      path,
      index: rawLength(dr.entry, path),
      value: { name: plan.name, labels: plan.labels },
    },
    `Added subset ${plan.name} to DestinationRule ${d.metadata.name} (pods labelled ${Object.entries(
      plan.labels,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(',')})`,
    plan.notes,
  );
}
