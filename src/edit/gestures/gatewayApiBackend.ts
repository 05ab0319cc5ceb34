import type { BackendRef, RouteKind } from '../../model/gatewayRoutes.ts';
import { serviceFqdn } from '../../model/hosts.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type Command, type CommandResult, fail } from '../command.ts';
import { destinationPort } from './addDestination.ts';
import type { RouteRuleRef } from './gatewayApiLookup.ts';
import { combine, type Gesture, gesture } from './gesture.ts';
import { rawAt, rawLength, resourcesOf } from './lookup.ts';
import { missingGrant, type ServiceTarget } from './referenceGrants.ts';
import { describeSplit, rebalanceForNew } from './weights.ts';

/**
 * Rule → Service: appends a backendRef `{name, namespace?, port}` to a Gateway API rule and
 * rebalances the weights as the VirtualService split does (the newcomer gets an equal share,
 * the others keep their proportions, all written as percentages). With `mirror` (Alt-drag) it
 * adds a RequestMirror filter instead. A reference into another namespace needs a
 * ReferenceGrant there (GEP-709); when none permits it, the same command writes one, in the
 * Service's namespace, right after the route.
 */
export function addBackendRef(
  workspace: Workspace,
  ref: RouteRuleRef,
  service: ServiceTarget,
  options: { readonly mirror?: boolean } = {},
): CommandResult<Gesture> {
  const { route, rule, path, label } = ref;
  const kind = route.object.kind;
  const routeNamespace = route.object.metadata.namespace;
  const target = route.entry.id;
  const name = serviceLabel(service, routeNamespace);
  const filters = 'filters' in rule ? rule.filters : [];
  const isService = (b: BackendRef) =>
    (b.group === '' || b.group === 'core') &&
    b.kind === 'Service' &&
    b.name === service.name &&
    (b.namespace ?? routeNamespace) === service.namespace;

  const port = backendPort(
    workspace,
    service,
    { kind, namespace: routeNamespace },
    rule.backendRefs,
  );
  const backendRef: Record<string, unknown> = { name: service.name };
  if (service.namespace !== routeNamespace) backendRef.namespace = service.namespace;
  backendRef.port = port.number;
  const notes = port.note ? [port.note] : [];
  const commands: Command[] = [];
  let summary: string;

  if (options.mirror) {
    if (kind !== 'HTTPRoute' && kind !== 'GRPCRoute')
      return fail(
        `A ${kind} cannot mirror traffic: only HTTPRoute and GRPCRoute rules have filters`,
      );
    if (filters.some((f) => f.type === 'RequestMirror' && isService(f.backendRef)))
      return fail(`Rule ${label} already mirrors to ${name}`);
    commands.push({
      type: 'insertItem',
      target,
      path: [...path, 'filters'],
      index: rawLength(route.entry, [...path, 'filters']),
      value: { type: 'RequestMirror', requestMirror: { backendRef } },
    });
    summary = `Rule ${label} now mirrors its requests to ${name}`;
  } else {
    if (filters.some((f) => f.type === 'RequestRedirect'))
      return fail(
        `Rule ${label} redirects its requests (RequestRedirect filter), and the Gateway API does not allow backendRefs beside a redirect: remove the filter first`,
      );
    if (rule.backendRefs.some(isService)) return fail(`Rule ${label} already sends to ${name}`);
    const listPath = [...path, 'backendRefs'];
    const weights = rebalanceForNew(rule.backendRefs.map((b) => b.weight));
    rule.backendRefs.forEach((_, i) => {
      const weightPath = [...listPath, i, 'weight'];
      if (rawAt(route.entry, weightPath) !== weights[i])
        commands.push({ type: 'setValue', target, path: weightPath, value: weights[i] });
    });
    const added = weights[weights.length - 1];
    commands.push({
      type: 'insertItem',
      target,
      path: listPath,
      index: rawLength(route.entry, listPath),
      value: added === undefined ? backendRef : { ...backendRef, weight: added },
    });
    const labels = [
      ...rule.backendRefs.map((b) =>
        serviceLabel({ name: b.name, namespace: b.namespace ?? routeNamespace }, routeNamespace),
      ),
      name,
    ];
    summary =
      weights.length === 0
        ? `Rule ${label} of ${kind} ${route.object.metadata.name} now sends to ${name}`
        : `Rule ${label} now splits its traffic: ${describeSplit(labels, weights)}`;
  }

  const grant = missingGrant(
    workspace,
    { kind: route.object.kind, namespace: routeNamespace },
    service,
    { after: route.entry.id },
  );
  if (grant) {
    commands.push(grant.command);
    notes.push(grant.note);
  }
  return gesture(combine(commands), summary, notes);
}

/** `web`, or `web.shop` for a Service in another namespace than the route's. */
function serviceLabel(service: ServiceTarget, routeNamespace: string): string {
  return service.namespace === routeNamespace
    ? service.name
    : `${service.name}.${service.namespace}`;
}

/**
 * The port a backendRef to a Service names (the API requires one for a Service): the one other
 * backendRefs of the rule use for it; the Service's only port; for several, the first port named
 * for HTTP (as for a VirtualService destination, IST0112); for a Service this workspace does not
 * hold, the port other backendRefs to it use, else 80.
 */
export function backendPort(
  workspace: Workspace,
  service: ServiceTarget,
  route: { readonly kind: RouteKind; readonly namespace: string },
  siblings: readonly BackendRef[] = [],
): { number: number; note?: string } {
  const sameService = (b: BackendRef, namespace: string) =>
    b.kind === 'Service' &&
    b.name === service.name &&
    (b.namespace ?? namespace) === service.namespace;
  const sibling = siblings.find((b) => sameService(b, route.namespace) && b.port);
  if (sibling?.port !== undefined) return { number: sibling.port };
  const held = resourcesOf(workspace, 'Service').find(
    (s) =>
      s.object.metadata.name === service.name && s.object.metadata.namespace === service.namespace,
  );
  const ports = (held?.object.ports ?? []).flatMap((p) => (p.port === undefined ? [] : [p.port]));
  if (held && ports.length > 0) {
    const l4 = route.kind === 'TCPRoute' || route.kind === 'TLSRoute';
    const fqdn = serviceFqdn(service.name, service.namespace);
    return destinationPort(workspace, fqdn, l4 ? 'tcp' : 'http') ?? { number: ports[0] as number };
  }
  for (const other of gatewayApiIndex(workspace).routes)
    for (const rule of other.route.rules)
      for (const b of rule.backendRefs)
        if (sameService(b, other.route.metadata.namespace) && b.port !== undefined)
          return { number: b.port };
  return held
    ? { number: 80, note: `Service ${service.name} declares no port: port 80 was written` }
    : {
        number: 80,
        note: `Service ${service.name} is not in this workspace, so its port is not known: port 80 was written (change it if the Service listens elsewhere)`,
      };
}
