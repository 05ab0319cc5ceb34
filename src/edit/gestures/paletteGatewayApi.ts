import { GATEWAY_API_GROUP, K8S_GATEWAY, readK8sGateway } from '../../model/gatewayApi.ts';
import { type HTTPRoute, readRoute } from '../../model/gatewayRoutes.ts';
import { istioGatewayDeployment } from '../../model/istioGatewayDeployment.ts';
import { isRecord } from '../../model/read.ts';
import { resourceId } from '../../model/resource.ts';
import { attachRoute } from '../../model/routeAttachment.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { type Command, type CommandResult, fail } from '../command.ts';
import { backendPort } from './gatewayApiBackend.ts';
import {
  type FoundRoute,
  findK8sGateway,
  findListener,
  findRoute,
  isRouteNode,
  isRouteRuleNode,
} from './gatewayApiLookup.ts';
import { type Gesture, gesture } from './gesture.ts';
import { type Found, qualifiedName, rawAt, rawLength } from './lookup.ts';
import { namesOf, uniqueName } from './names.ts';
import { freeHost } from './paletteResources.ts';
import {
  addResourceCommand,
  gatewayIdOf,
  namespaceOf,
  PLACEHOLDER_HOST,
  type Scope,
  selectedServiceHost,
  someServiceHost,
} from './paletteScope.ts';
import { grantValue, missingGrant, type ServiceTarget } from './referenceGrants.ts';

/** New Gateway API resources are written as `v1` (ReferenceGrant: `referenceGrants.ts`). */
const GATEWAY_API_V1 = `${GATEWAY_API_GROUP}/v1`;
/** Istio's GatewayClass: its deployment controller deploys a Gateway of this class. */
const ISTIO_CLASS = 'istio';

/**
 * A new Gateway API Gateway of class `istio` with one HTTP listener on port 80 (`allowedRoutes`
 * left to its default, routes of the Gateway's namespace). Istio deploys it: a Deployment and a
 * LoadBalancer Service named `<name>-istio`, which the summary names.
 */
export function newK8sGateway(scope: Scope): CommandResult<Gesture> {
  const namespace = namespaceOf(scope);
  const name = uniqueName('gateway', namesOf(scope.workspace, K8S_GATEWAY, namespace));
  const value = {
    apiVersion: GATEWAY_API_V1,
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: {
      gatewayClassName: ISTIO_CLASS,
      listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
    },
  };
  const deployment = istioGatewayDeployment(readK8sGateway(value));
  return gesture(
    addResourceCommand(scope, value),
    `Added Gateway ${namespace}/${name} (Gateway API, class ${ISTIO_CLASS}): an HTTP listener on port 80; Istio deploys it as ${deployment.managed ? `Deployment and Service ${deployment.serviceName}` : 'the Service its address names'}`,
    [`It accepts routes from namespace ${namespace}: connect its listener to an HTTPRoute`],
  );
}

/**
 * A new listener on the selected Gateway API Gateway (or the Gateway of the selected listener):
 * HTTPS on 443 terminating TLS with the certificate in Secret `<gateway>-tls` when no listener
 * uses 443, else HTTP on the next free port from 8080; named uniquely (`https`, `http-8080`).
 */
export function newListener(scope: Scope): CommandResult<Gesture> {
  const gateway = selectedK8sGateway(scope);
  if (!gateway)
    return fail('Select a Gateway API Gateway (or one of its listeners) to add a listener to');
  const gw = gateway.object;
  const ports = new Set(gw.listeners.flatMap((l) => (l.port === undefined ? [] : [l.port])));
  const names = new Set(gw.listeners.map((l) => l.name));
  const hostname = gw.listeners.find((l) => l.hostname)?.hostname;
  const path = ['spec', 'listeners'];
  const insert = (value: Record<string, unknown>): Command => ({
    type: 'insertItem',
    target: gateway.entry.id,
    path,
    index: rawLength(gateway.entry, path),
    value,
  });
  if (!ports.has(443)) {
    const secret = `${gw.metadata.name}-tls`;
    const name = uniqueName('https', names);
    return gesture(
      insert({
        name,
        ...(hostname ? { hostname } : {}),
        port: 443,
        protocol: 'HTTPS',
        tls: { mode: 'Terminate', certificateRefs: [{ name: secret }] },
      }),
      `Added listener ${name} to Gateway ${gw.metadata.name}: HTTPS on port 443${hostname ? ` for ${hostname}` : ''}`,
      [
        `TLS is terminated with the certificate in Secret ${secret} (keys tls.crt and tls.key), which must exist in namespace ${gw.metadata.namespace}, the Gateway's`,
      ],
    );
  }
  let port = 8080;
  while (ports.has(port)) port++;
  const name = uniqueName(`http-${port}`, names);
  return gesture(
    insert({ name, ...(hostname ? { hostname } : {}), port, protocol: 'HTTP' }),
    `Added listener ${name} to Gateway ${gw.metadata.name}: HTTP on port ${port}`,
  );
}

/** The Gateway API Gateway the selection stands for: a Gateway node or one of its listeners. */
function selectedK8sGateway(scope: Scope): Found<typeof K8S_GATEWAY> | undefined {
  const kind = scope.node?.kind;
  if (kind !== undefined && kind !== 'gateway' && kind !== 'listener') return undefined;
  return findK8sGateway(scope.workspace, scope.resource);
}

/**
 * A new HTTPRoute attached to the selected Gateway API Gateway (the selected listener by
 * `sectionName`), else to the only one in the workspace; for a hostname the listener serves and
 * no route has yet (`app.example.com`…); one rule sending every path to the selected Service, a
 * Service of the namespace, else a placeholder.
 */
export function newHttpRoute(scope: Scope): CommandResult<Gesture> {
  const { workspace } = scope;
  const index = gatewayApiIndex(workspace);
  const listener =
    scope.node?.kind === 'listener' ? findListener(workspace, scope.node) : undefined;
  const gateway =
    (listener?.ok ? listener.value.gateway : undefined) ??
    findK8sGateway(workspace, gatewayIdOf(scope, scope.context.gateway)) ??
    selectedK8sGateway(scope) ??
    (index.gateways.length === 1
      ? findK8sGateway(workspace, index.gateways[0]?.entry.id)
      : undefined);
  const section = listener?.ok ? listener.value.listener.name : undefined;
  const namespace = namespaceOf(scope);
  const taken = new Set(index.routes.flatMap((r) => r.route.hostnames));
  const listenerHost = listener?.ok ? listener.value.listener.hostname : undefined;
  const hostname =
    scope.context.hosts?.[0] ??
    (listenerHost && !listenerHost.startsWith('*') && !taken.has(listenerHost)
      ? listenerHost
      : freeHost(
          'app',
          listenerHost?.startsWith('*.') ? listenerHost.slice(2) : 'example.com',
          taken,
        ));
  const base = hostname.split('.')[0] ?? 'route';
  const name = uniqueName(
    /^[a-z0-9-]+$/.test(base) ? base : 'route',
    namesOf(workspace, 'HTTPRoute', namespace),
  );

  const notes: string[] = [];
  const fqdn = selectedServiceHost(scope) ?? someServiceHost(scope, namespace);
  const service = fqdn === undefined ? undefined : serviceOf(fqdn);
  const backend = service ?? { name: PLACEHOLDER_HOST, namespace };
  const port = backendPort(workspace, backend, { kind: 'HTTPRoute', namespace });
  if (!service)
    notes.push(
      `Its rule sends to "${PLACEHOLDER_HOST}", a placeholder: connect the rule to a Service`,
    );
  if (port.note && service) notes.push(port.note);
  const backendRef = {
    name: backend.name,
    ...(backend.namespace === namespace ? {} : { namespace: backend.namespace }),
    port: port.number,
  };
  const parentRef = gateway && {
    name: gateway.object.metadata.name,
    ...(gateway.object.metadata.namespace === namespace
      ? {}
      : { namespace: gateway.object.metadata.namespace }),
    ...(section ? { sectionName: section } : {}),
  };
  const value = {
    apiVersion: GATEWAY_API_V1,
    kind: 'HTTPRoute',
    metadata: { name, namespace },
    spec: {
      ...(parentRef ? { parentRefs: [parentRef] } : {}),
      hostnames: [hostname],
      rules: [
        { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [backendRef] },
      ],
    },
  };
  if (gateway) {
    const created = readRoute(value) as HTTPRoute;
    const denial = attachRoute(created, [gateway.object], index.namespaceLabels)[0]?.denial;
    if (denial)
      notes.push(
        `${qualifiedName(gateway.object)} does not accept it yet (${denial.reason}: ${denial.message})`,
      );
  } else {
    notes.push(
      index.gateways.length === 0
        ? `${name} is attached to no Gateway: add a Gateway API Gateway and connect a listener to it`
        : `${name} is attached to no Gateway: select a Gateway API Gateway, or connect one of its listeners to it`,
    );
  }
  const commands: Command[] = [addResourceCommand(scope, value, gateway?.entry.id)];
  const grant =
    service &&
    missingGrant(workspace, { kind: 'HTTPRoute', namespace }, service, fileOf(commands[0]));
  if (grant) {
    commands.push(grant.command);
    notes.push(grant.note);
  }
  const attached = gateway
    ? `, attached to ${section ? `listener ${section} of ` : ''}Gateway ${qualifiedName(gateway.object)}`
    : '';
  return gesture(
    commands.length === 1 ? (commands[0] as Command) : { type: 'batch', commands },
    `Added HTTPRoute ${namespace}/${name} for ${hostname}${attached}`,
    notes,
  );
}

/**
 * A new rule at the end of the selected HTTPRoute (or the route of the selected rule): every
 * path (`PathPrefix /`) when no rule takes every path yet, else `/rule-N`, since two rules with
 * the same match leave the later one unused (rule order breaks precedence ties); to the route's
 * first backend, else a Service of the namespace, else a placeholder.
 */
export function newRouteRule(scope: Scope): CommandResult<Gesture> {
  const node = scope.node;
  const route =
    node && (isRouteNode(node) || isRouteRuleNode(node))
      ? findRoute(scope.workspace, scope.resource)
      : undefined;
  if (route?.object.kind !== 'HTTPRoute')
    return fail('Select an HTTPRoute (or one of its rules) to add a rule to');
  const rules = route.object.rules;
  const namespace = route.object.metadata.namespace;
  const name = uniqueName(
    `rule-${rules.length + 1}`,
    new Set(rules.flatMap((r) => (r.name ? [r.name] : []))),
  );
  const catchAll = rules.some((r) =>
    r.matches.some(
      (m) =>
        m.path.type === 'PathPrefix' &&
        m.path.value === '/' &&
        m.headers.length === 0 &&
        m.queryParams.length === 0 &&
        m.method === undefined,
    ),
  );
  const prefix = catchAll ? `/${name}` : '/';
  const notes: string[] = [];
  let backendRef = firstBackendRef(route);
  if (!backendRef) {
    const fqdn = selectedServiceHost(scope) ?? someServiceHost(scope, namespace);
    const service = fqdn === undefined ? undefined : serviceOf(fqdn);
    const target = service ?? { name: PLACEHOLDER_HOST, namespace };
    backendRef = {
      name: target.name,
      ...(target.namespace === namespace ? {} : { namespace: target.namespace }),
      port: backendPort(scope.workspace, target, { kind: 'HTTPRoute', namespace }).number,
    };
    if (!service)
      notes.push(`${name} sends to "${PLACEHOLDER_HOST}", a placeholder: connect it to a Service`);
  }
  const path = ['spec', 'rules'];
  return gesture(
    {
      type: 'insertItem',
      target: route.entry.id,
      path,
      index: rawLength(route.entry, path),
      value: {
        name,
        matches: [{ path: { type: 'PathPrefix', value: prefix } }],
        backendRefs: [backendRef],
      },
    },
    `Added rule ${name} to HTTPRoute ${route.object.metadata.name}: paths under ${prefix} to ${String(backendRef.name)}`,
    notes,
  );
}

/** The first backendRef written in the route's rules, as written (without its weight or filters). */
function firstBackendRef(route: FoundRoute): Record<string, unknown> | undefined {
  for (let r = 0; r < route.object.rules.length; r++) {
    const ref = rawAt(route.entry, ['spec', 'rules', r, 'backendRefs', 0]);
    if (isRecord(ref) && typeof ref.name === 'string') {
      const { weight: _weight, filters: _filters, ...rest } = ref;
      return rest;
    }
  }
  return undefined;
}

/**
 * A new ReferenceGrant for the selected Service (or the Services the selected route reaches in
 * other namespaces): in the Service's namespace, letting the routes that refer to it from other
 * namespaces do so; naming the Service.
 */
export function newReferenceGrant(scope: Scope): CommandResult<Gesture> {
  const { workspace, node } = scope;
  const index = gatewayApiIndex(workspace);
  const needed = index.routes.flatMap(({ route }) =>
    route.rules.flatMap((rule) =>
      rule.backendRefs.flatMap((b) => {
        const resolution = index.backend(b, {
          kind: route.kind,
          namespace: route.metadata.namespace,
        });
        return !resolution.resolved && resolution.reason === 'RefNotPermitted'
          ? [{ route, service: { name: b.name, namespace: resolution.namespace } }]
          : [];
      }),
    ),
  );
  const fqdn = selectedServiceHost(scope);
  const selectedService = fqdn === undefined ? undefined : serviceOf(fqdn);
  const selectedRoute =
    node && (isRouteNode(node) || isRouteRuleNode(node)) ? scope.resource : undefined;
  const wanted = needed.filter((n) =>
    selectedService
      ? n.service.name === selectedService.name && n.service.namespace === selectedService.namespace
      : selectedRoute
        ? resourceId(n.route.kind, n.route.metadata.namespace, n.route.metadata.name) ===
          selectedRoute
        : true,
  );
  const first = wanted[0];
  if (!first)
    return fail(
      selectedService
        ? `No route in another namespace is refused ${selectedService.name} yet: connect a rule to it, and the grant is written with the backendRef`
        : 'No backendRef reaches into another namespace without a ReferenceGrant: select the Service to share, or connect a rule to a Service in another namespace',
    );
  const service = first.service;
  const from = [
    ...new Map(
      wanted
        .filter((n) => n.service.name === service.name && n.service.namespace === service.namespace)
        .map((n) => [
          `${n.route.kind}/${n.route.metadata.namespace}`,
          { kind: n.route.kind, namespace: n.route.metadata.namespace },
        ]),
    ).values(),
  ];
  const name = uniqueName(
    `${from.length === 1 ? from[0]?.namespace : 'routes'}-to-${service.name}`
      .slice(0, 63)
      .replace(/-+$/, ''),
    namesOf(workspace, 'ReferenceGrant', service.namespace),
  );
  return gesture(
    addResourceCommand(scope, grantValue(name, service.namespace, from, service.name)),
    `Added ReferenceGrant ${service.namespace}/${name}: ${from.map((f) => `${f.kind}s of ${f.namespace}`).join(', ')} may send to Service ${service.name}`,
  );
}

/** `web.shop.svc.cluster.local` → `{name: web, namespace: shop}`. */
function serviceOf(fqdn: string): ServiceTarget | undefined {
  const [name, namespace, svc] = fqdn.split('.');
  return name && namespace && svc === 'svc' ? { name, namespace } : undefined;
}

function fileOf(command: Command | undefined): { file?: string } {
  return command?.type === 'addResource' && command.file !== undefined
    ? { file: command.file }
    : {};
}
