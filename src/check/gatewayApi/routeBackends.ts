/**
 * Whether each backendRef of a route resolves, as the route's `ResolvedRefs` condition would say:
 * the rules' backendRefs, and the backendRefs of RequestMirror filters (on a rule or on a
 * backendRef). Resolution is answered once, by `gatewayApiIndex().backend` (`resolveBackendRef`).
 */
import type { BackendRef, RouteFilter } from '../../model/gatewayRoutes.ts';
import {
  type GatewayApiIndex,
  gatewayApiIndex,
  type IndexedRoute,
} from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { addGrantFix, type GrantNeed, grantAdvice } from './referenceGrantFix.ts';

export function* checkRouteBackends(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  for (const indexed of index.routes)
    for (const { ref, path, mirror } of backendRefsOf(indexed)) {
      const finding = backendFinding(index, indexed, ref, path, mirror);
      if (finding) yield finding;
    }
}

interface PlacedRef {
  readonly ref: BackendRef;
  readonly path: Path;
  readonly mirror: boolean;
}

/** Every backendRef of a route with its path: rules', then each one's mirror filters. */
function backendRefsOf({ route }: IndexedRoute): PlacedRef[] {
  const out: PlacedRef[] = [];
  const mirrors = (filters: readonly RouteFilter[], at: Path) =>
    filters.forEach((filter, k) => {
      if (filter.type === 'RequestMirror')
        out.push({
          ref: filter.backendRef,
          path: [...at, 'filters', k, 'requestMirror', 'backendRef'],
          mirror: true,
        });
    });
  const rules: readonly { backendRefs: readonly BackendRef[]; filters?: readonly RouteFilter[] }[] =
    route.rules;
  rules.forEach((rule, i) => {
    const rulePath: Path = ['spec', 'rules', i];
    mirrors(rule.filters ?? [], rulePath);
    rule.backendRefs.forEach((ref, j) => {
      const refPath: Path = [...rulePath, 'backendRefs', j];
      out.push({ ref, path: refPath, mirror: false });
      mirrors(ref.filters, refPath);
    });
  });
  return out;
}

function backendFinding(
  index: GatewayApiIndex,
  { entry, route }: IndexedRoute,
  ref: BackendRef,
  path: Path,
  mirror: boolean,
): Finding | undefined {
  const namespace = route.metadata.namespace;
  const resolution = index.backend(ref, { kind: route.kind, namespace });
  const base = { resource: entry.id, at: entryAddress(entry), severity: 'error' as const };
  const l4 = route.kind === 'TCPRoute' || route.kind === 'TLSRoute';
  const what = `${route.kind} ${route.metadata.name}'s ${mirror ? 'mirror ' : ''}backendRef ${ref.kind} ${resolution.namespace}/${ref.name}`;
  if (resolution.resolved) {
    // The workspace holds no Services: this one is "not in this workspace" (lint lowers it), but
    // with --complete it is missing, as a cluster would say.
    const service = ref.kind === 'Service' && (ref.group === '' || ref.group === 'core');
    if (service && index.lookup.serviceExists(resolution.namespace, ref.name) === undefined)
      return notFound(base, what, path, l4);
    return undefined;
  }
  switch (resolution.reason) {
    case 'InvalidKind':
      return {
        ...base,
        code: 'gwapi-backend-invalid-kind',
        message: `${what} is not resolved (InvalidKind): Istio routes to a Service, a ServiceEntry (networking.istio.io) or a Hostname, not group "${ref.group}" kind "${ref.kind}"`,
        path: [...path, 'kind'],
      };
    case 'RefNotPermitted': {
      const need: GrantNeed = {
        fromKind: route.kind,
        fromNamespace: namespace,
        toGroup: ref.group === 'core' ? '' : ref.group,
        toKind: ref.kind,
        toName: ref.name,
        toNamespace: resolution.namespace,
      };
      return {
        ...base,
        code: 'gwapi-ref-not-permitted',
        message: `${what} is not resolved (RefNotPermitted): no ReferenceGrant in namespace "${resolution.namespace}" lets ${route.kind}s of "${namespace}" refer to it; ${grantAdvice(need)}`,
        path: [...path, 'namespace'],
        fixes: [addGrantFix(need, index, entry.id)],
      };
    }
    case 'BackendNotFound':
      return notFound(base, what, path, l4);
  }
}

function notFound(
  base: Pick<Finding, 'resource' | 'at' | 'severity'>,
  what: string,
  path: Path,
  l4: boolean,
): Finding {
  return {
    ...base,
    code: 'gwapi-backend-not-found',
    message: `${what} is not resolved (BackendNotFound): no such Service; ${l4 ? 'connections sent to it fail' : 'the gateway answers requests sent to it with a 500'}. Create the Service or correct the name`,
    path: [...path, 'name'],
    missing: 'Service',
  };
}
