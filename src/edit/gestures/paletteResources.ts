import type { Gateway } from '../../model/gateway.ts';
import { resolveHost } from '../../model/hosts.ts';
import type { Dict } from '../../model/read.ts';
import { splitServerHost } from '../../model/serverHosts.ts';
import { readVirtualService } from '../../model/virtualService.ts';
import { dnsLabelField } from '../../rules/fields.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { destinationPort } from './addDestination.ts';
import { hostOffers } from './bind.ts';
import { serverNamesFor, servesAnyHost } from './gatewayHosts.ts';
import { type Gesture, gesture, type Offer } from './gesture.ts';
import { findResource, hostFor, qualifiedName, resourcesOf, shortHost } from './lookup.ts';
import { namesOf, uniqueName } from './names.ts';
import {
  addResourceCommand,
  gatewayIdOf,
  namespaceOf,
  PLACEHOLDER_HOST,
  type Scope,
  selectedServiceHost,
  someServiceHost,
} from './paletteScope.ts';
import { subsetPlan } from './subsetLabels.ts';

const ISTIO_API = 'networking.istio.io/v1';
/** Istio's default ingress gateway pods (ISTIO-FACTS (d)): what a new Gateway selects. */
const INGRESS_SELECTOR: Dict<string> = { istio: 'ingressgateway' };
const DOMAIN = 'example.com';

/**
 * A new Gateway: the default ingress gateway pods (or those of the selected Gateway or gateway
 * pods), one HTTP server on port 80 for a host no other Gateway serves (`app.example.com`,
 * then `app-2.example.com`…), so it conflicts with none (IST0145).
 */
export function newGateway(scope: Scope): CommandResult<Gesture> {
  const namespace = namespaceOf(scope);
  const name = uniqueName('gateway', namesOf(scope.workspace, 'Gateway', namespace));
  const served = new Set(
    resourcesOf(scope.workspace, 'Gateway').flatMap((g) =>
      g.object.servers.flatMap((s) => s.hosts.map((h) => splitServerHost(h).dnsName.toLowerCase())),
    ),
  );
  const host = freeHost('app', DOMAIN, served);
  const value = {
    apiVersion: ISTIO_API,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: {
      selector: { ...selectorFor(scope) },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: [host] }],
    },
  };
  return gesture(
    addResourceCommand(scope, value),
    `Added Gateway ${namespace}/${name}: HTTP on port 80 for ${host}`,
  );
}

/** The selector of the selected Gateway, or the `istio`/`app` label of selected gateway pods. */
function selectorFor(scope: Scope): Dict<string> {
  const node = scope.node;
  const gateway = findResource(scope.workspace, scope.resource, 'Gateway');
  if (node?.kind === 'gateway' && gateway?.object.selector) return gateway.object.selector;
  if (node?.kind === 'gatewayWorkload') {
    const labels =
      findResource(scope.workspace, scope.resource, 'Deployment')?.object.podLabels ??
      findResource(scope.workspace, scope.resource, 'Pod')?.object.podLabels;
    for (const key of ['istio', 'app']) {
      const value = labels?.[key];
      if (value !== undefined) return { [key]: value };
    }
  }
  return INGRESS_SELECTOR;
}

/**
 * A new VirtualService: bound to the Gateway named in the context or selected (its hosts taken
 * from a server of that Gateway), else for the selected service inside the mesh; one rule
 * `rule-1` sending every path to the selected service, a Service of the namespace, or a
 * placeholder. (A VirtualService needs at least one rule: validation.go.)
 */
export function newVirtualService(scope: Scope): CommandResult<Gesture> {
  const { workspace } = scope;
  const gatewayId =
    gatewayIdOf(scope, scope.context.gateway) ??
    (scope.node?.kind === 'gateway' ? scope.resource : undefined);
  const gateway =
    gatewayId === undefined ? undefined : findResource(workspace, gatewayId, 'Gateway');
  if (gatewayId !== undefined && !gateway) return fail(`No Gateway ${gatewayId} in the workspace`);
  const namespace = namespaceOf(scope);
  const service = selectedServiceHost(scope);
  const taken = new Set(resourcesOf(workspace, 'VirtualService').flatMap((v) => v.object.hosts));
  const hosts = scope.context.hosts?.length
    ? [...scope.context.hosts]
    : gateway
      ? [hostFromGateway(gateway.object, namespace, taken)]
      : service
        ? [hostFor(service, namespace)]
        : [freeHost('app', DOMAIN, taken)];
  const first = (hosts[0] ?? '').split('.')[0] ?? '';
  const base =
    first !== '*' && first !== '' && !dnsLabelField(first)
      ? first.toLowerCase()
      : 'virtual-service';
  const name = uniqueName(base, namesOf(workspace, 'VirtualService', namespace));

  const notes: string[] = [];
  const target = service ?? someServiceHost(scope, namespace);
  const destination: Record<string, unknown> = {
    host: target === undefined ? PLACEHOLDER_HOST : hostFor(target, namespace),
  };
  if (target === undefined)
    notes.push(
      `Rule rule-1 routes to "${PLACEHOLDER_HOST}", a placeholder: connect the rule to a service`,
    );
  const port = target === undefined ? undefined : destinationPort(workspace, target, 'http');
  if (port) {
    destination.port = { number: port.number };
    if (port.note) notes.push(port.note);
  }
  if (!gateway)
    notes.push(
      `${name} is bound to no Gateway, so it applies inside the mesh: connect a Gateway to it to expose it`,
    );

  const value = {
    apiVersion: ISTIO_API,
    kind: 'VirtualService',
    metadata: { name, namespace },
    spec: {
      hosts,
      ...(gateway ? { gateways: [qualifiedName(gateway.object)] } : {}),
      http: [{ name: 'rule-1', match: [{ uri: { prefix: '/' } }], route: [{ destination }] }],
    },
  };
  const bound = gateway ? `, bound to Gateway ${qualifiedName(gateway.object)}` : '';
  const offers: Offer[] = [];
  const created = readVirtualService(value);
  if (gateway && !servesAnyHost(gateway.object, created, true)) {
    notes.push(
      `Gateway ${qualifiedName(gateway.object)} serves none of ${hosts.join(', ')} yet: add the host to one of its servers`,
    );
    offers.push(...hostOffers(gateway, created));
  }
  return gesture(
    addResourceCommand(scope, value, gateway?.entry.id),
    `Added VirtualService ${namespace}/${name} for ${hosts.join(', ')}${bound}`,
    notes,
    offers,
  );
}

/** A host for a VirtualService on this Gateway: a server host no VirtualService has yet, else one under a wildcard. */
function hostFromGateway(gateway: Gateway, namespace: string, taken: ReadonlySet<string>): string {
  const names = gateway.servers.flatMap((s) => serverNamesFor(gateway, s, namespace));
  const exact = names.find((n) => !n.startsWith('*') && !taken.has(n));
  if (exact) return exact;
  const wildcard = names.find((n) => n.startsWith('*.'));
  return freeHost('app', wildcard ? wildcard.slice(2) : DOMAIN, taken);
}

/** `app.example.com`, else `app-2.example.com`…: a host not in `taken`. */
export function freeHost(label: string, domain: string, taken: ReadonlySet<string>): string {
  const labels = new Set(
    [...taken].filter((h) => h.endsWith(`.${domain}`)).map((h) => h.slice(0, -domain.length - 1)),
  );
  return `${uniqueName(label, labels)}.${domain}`;
}

/**
 * A new DestinationRule for the host given or selected (else a placeholder), in the Service's
 * namespace, with one subset named after a version its pods carry (else `v1`).
 */
export function newDestinationRule(scope: Scope): CommandResult<Gesture> {
  const { workspace } = scope;
  const given = scope.context.hosts?.[0];
  const namespace = namespaceOf(scope);
  const fqdn =
    given !== undefined ? resolveHost(given, namespace) : (selectedServiceHost(scope) ?? undefined);
  const host = given ?? (fqdn === undefined ? PLACEHOLDER_HOST : hostFor(fqdn, namespace));
  const resolved = fqdn ?? resolveHost(host, namespace);
  const base = shortHost(resolved).split('.')[0] ?? 'destination-rule';
  const name = uniqueName(
    dnsLabelField(base) ? 'destination-rule' : base,
    namesOf(workspace, 'DestinationRule', namespace),
  );
  const other = resourcesOf(workspace, 'DestinationRule').find(
    (d) => resolveHost(d.object.host, d.object.metadata.namespace) === resolved,
  );
  // Two DestinationRules for one host are merged by Istio, subsets of the second one ignored
  // when they repeat: in the same namespace, the existing one is where a subset belongs.
  if (other && other.object.metadata.namespace === namespace)
    return fail(
      `DestinationRule ${qualifiedName(other.object)} is already for ${host}: add a subset to it instead`,
    );
  const plan = subsetPlan(workspace, resolved, []);
  const notes = [...plan.notes];
  if (other)
    notes.push(
      `DestinationRule ${qualifiedName(other.object)} is also for ${host}: Istio uses the one in the client's namespace first`,
    );
  if (given === undefined && fqdn === undefined)
    notes.push(`Its host "${PLACEHOLDER_HOST}" is a placeholder: set the Service it is for`);
  const value = {
    apiVersion: ISTIO_API,
    kind: 'DestinationRule',
    metadata: { name, namespace },
    spec: { host, subsets: [{ name: plan.name, labels: plan.labels }] },
  };
  return gesture(
    addResourceCommand(scope, value),
    `Added DestinationRule ${namespace}/${name} for ${host} with subset ${plan.name}`,
    notes,
  );
}

/**
 * A new Kubernetes Service: for the selected pods (named after their `app` label, selecting
 * it, targeting their first container port), else `app`; one port named `http` on 80, as
 * Istio's protocol selection reads port names.
 */
export function newService(scope: Scope): CommandResult<Gesture> {
  const { workspace } = scope;
  const namespace = namespaceOf(scope);
  const workload =
    scope.node?.kind === 'pods'
      ? (findResource(workspace, scope.resource, 'Deployment') ??
        findResource(workspace, scope.resource, 'Pod'))
      : undefined;
  const labels = workload?.object.podLabels ?? {};
  const app = labels.app ?? labels['app.kubernetes.io/name'];
  const base = app ?? workload?.object.metadata.name ?? 'app';
  const name = uniqueName(base, namesOf(workspace, 'Service', namespace));
  const selector = app !== undefined ? { app } : workload ? withoutVersion(labels) : { app: name };
  const containerPort = workload?.object.containers
    .flatMap((c) => c.ports)
    .find((p) => p.containerPort !== undefined)?.containerPort;
  const value = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: {
      selector,
      ports: [
        {
          name: 'http',
          port: 80,
          ...(containerPort === undefined ? {} : { targetPort: containerPort }),
        },
      ],
    },
  };
  return gesture(
    addResourceCommand(scope, value),
    `Added Service ${namespace}/${name}: port 80 (http) to pods labelled ${Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`,
  );
}

/** Pod labels that stay the same across versions: a Service selects every version. */
function withoutVersion(labels: Dict<string>): Dict<string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels))
    if (key !== 'version' && key !== 'pod-template-hash') out[key] = value;
  return out;
}
