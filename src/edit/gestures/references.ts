import { findSubsetOwner } from '../../graph/subsets.ts';
import type { FlowGraph } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { autoscalerTargets } from '../../model/gatewayAttachments.ts';
import { resolveGatewayRef } from '../../model/gatewayNames.ts';
import { resolveHost, serviceFqdn } from '../../model/hosts.ts';
import { parseResourceId, type ResourceId } from '../../model/resource.ts';
import {
  type Destination,
  RULE_SECTIONS,
  type VirtualService,
} from '../../model/virtualService.ts';
import { buildCatalog } from '../../workspace/catalog.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import { listenerReferences } from './gatewayApiParts.ts';
import { backendReferences, grantReferences, parentReferences } from './gatewayApiReferences.ts';
import { findResource, findSubset, resourcesOf } from './lookup.ts';

/** One place in another resource that names a resource. */
export interface Reference {
  /** The resource that holds the reference. */
  readonly resource: ResourceId;
  /** Where it is written, e.g. `['spec', 'http', 0, 'route', 1, 'destination']`. */
  readonly path: Path;
  /** What it does, for lists: "binds it", "routes to it", "mirrors to it"… */
  readonly role: string;
}

/**
 * What else in the workspace refers to a resource, so the UI can warn before deleting or
 * renaming it: VirtualServices binding a Gateway (top level and per match), root rules
 * delegating to a VirtualService, routes and mirrors to a Service's host and DestinationRules
 * for it, routes and mirrors to a DestinationRule's subsets, autoscalers of a Deployment; and in
 * the Gateway API, routes' parentRefs to a Gateway, backendRefs and ReferenceGrants to a Service.
 */
export function references(workspace: Workspace, resourceId: ResourceId): Reference[] {
  const id = parseResourceId(resourceId);
  if (!id) return [];
  switch (id.kind) {
    case 'Gateway':
      return gatewayReferences(workspace, id.namespace, id.name);
    case 'VirtualService':
      return delegateReferences(workspace, id.namespace, id.name);
    case K8S_GATEWAY:
      return parentReferences(workspace, id.namespace, id.name);
    case 'Service':
      return [
        ...hostReferences(workspace, serviceFqdn(id.name, id.namespace)),
        ...backendReferences(workspace, id.namespace, id.name),
        ...grantReferences(workspace, id.namespace, id.name),
      ];
    case 'DestinationRule': {
      const dr = findResource(workspace, resourceId, 'DestinationRule');
      return dr
        ? dr.object.subsets.flatMap((s) => subsetReferences(workspace, resourceId, s.name))
        : [];
    }
    case 'Deployment':
      return resourcesOf(workspace, 'HorizontalPodAutoscaler')
        .filter((h) => autoscalerTargets(h.object, id.namespace, id.name))
        .map((h) => ({
          resource: h.entry.id,
          path: ['spec', 'scaleTargetRef'],
          role: 'scales it',
        }));
    default:
      return [];
  }
}

/**
 * Routes and mirrors that send traffic to one subset of a DestinationRule: those whose host is
 * the rule's host and whose subset Istio would look up in this DestinationRule (the one in the
 * VirtualService's namespace first, as the graph draws it).
 */
export function subsetReferences(
  workspace: Workspace,
  destinationRule: ResourceId,
  subset: string,
): Reference[] {
  const dr = findResource(workspace, destinationRule, 'DestinationRule');
  if (!dr) return [];
  const fqdn = resolveHost(dr.object.host, dr.object.metadata.namespace);
  const catalog = buildCatalog(workspace);
  return destinationsOf(workspace)
    .filter(
      (d) =>
        d.destination.subset === subset &&
        resolveHost(d.destination.host, d.namespace) === fqdn &&
        findSubsetOwner(catalog, fqdn, subset, d.namespace) === destinationRule,
    )
    .map(plain);
}

/**
 * What refers to what a graph node stands for: a resource (see `references`), a subset of a
 * DestinationRule, or a listener of a Gateway API Gateway (parentRefs naming it by sectionName). Rules are referred to by position only, so nothing names them.
 */
export function nodeReferences(
  workspace: Workspace,
  graph: FlowGraph,
  nodeId: string,
): Reference[] {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node?.resource || node.implied) return [];
  if (node.kind === 'listener') return listenerReferences(workspace, node);
  if (node.kind === 'subset') {
    const found = findSubset(workspace, node);
    return found.ok ? subsetReferences(workspace, node.resource, found.value.subset.name) : [];
  }
  return node.path ? [] : references(workspace, node.resource);
}

/** Sentences for a delete or rename warning: "2 VirtualServices still refer to it (web/a, web/b)". */
export function referenceWarning(refs: readonly Reference[]): string | undefined {
  if (refs.length === 0) return undefined;
  const byKind = new Map<string, Set<string>>();
  for (const ref of refs) {
    const id = parseResourceId(ref.resource);
    if (!id) continue;
    const names = byKind.get(id.kind) ?? new Set<string>();
    names.add(`${id.namespace}/${id.name}`);
    byKind.set(id.kind, names);
  }
  const counts = [...byKind].map(
    ([kind, names]) => `${names.size} ${names.size === 1 ? kind : plural(kind)}`,
  );
  const all = [...byKind.values()].flatMap((names) => [...names]);
  const verb = all.length === 1 ? 'refers' : 'refer';
  return `${joinAnd(counts)} still ${verb} to it (${all.join(', ')})`;
}

function plural(kind: string): string {
  return kind.endsWith('s') ? `${kind}es` : `${kind}s`;
}

function joinAnd(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function gatewayReferences(workspace: Workspace, namespace: string, name: string): Reference[] {
  const out: Reference[] = [];
  for (const { entry, object: vs } of resourcesOf(workspace, 'VirtualService')) {
    const ns = vs.metadata.namespace;
    const check = (ref: string, path: Path) => {
      const target = resolveGatewayRef(ref, ns);
      if (target?.namespace === namespace && target.name === name)
        out.push({ resource: entry.id, path, role: 'binds it' });
    };
    (vs.gateways ?? []).forEach((ref, i) => {
      check(ref, ['spec', 'gateways', i]);
    });
    for (const section of RULE_SECTIONS) {
      vs[section].forEach((rule, r) => {
        rule.match.forEach((match, m) => {
          match.gateways?.forEach((ref, g) => {
            check(ref, ['spec', section, r, 'match', m, 'gateways', g]);
          });
        });
      });
    }
  }
  return out;
}

function delegateReferences(workspace: Workspace, namespace: string, name: string): Reference[] {
  const out: Reference[] = [];
  for (const { entry, object: vs } of resourcesOf(workspace, 'VirtualService')) {
    vs.http.forEach((rule, r) => {
      const d = rule.delegate;
      if (d && d.name === name && (d.namespace || vs.metadata.namespace) === namespace)
        out.push({
          resource: entry.id,
          path: ['spec', 'http', r, 'delegate'],
          role: 'delegates to it',
        });
    });
  }
  return out;
}

/** Routes and mirrors to the host `fqdn`, and DestinationRules for it. */
export function hostReferences(workspace: Workspace, fqdn: string): Reference[] {
  const out: Reference[] = destinationsOf(workspace)
    .filter((d) => resolveHost(d.destination.host, d.namespace) === fqdn)
    .map(plain);
  for (const { entry, object: dr } of resourcesOf(workspace, 'DestinationRule')) {
    if (resolveHost(dr.host, dr.metadata.namespace) === fqdn)
      out.push({ resource: entry.id, path: ['spec', 'host'], role: 'sets its traffic policy' });
  }
  return out;
}

interface DestinationRef extends Reference {
  readonly destination: Destination;
  /** The namespace the host is resolved in: the VirtualService's. */
  readonly namespace: string;
}

function plain({ resource, path, role }: Reference): Reference {
  return { resource, path, role };
}

/** Every destination and mirror written in VirtualServices, with its path. */
function destinationsOf(workspace: Workspace): DestinationRef[] {
  const out: DestinationRef[] = [];
  for (const { entry, object: vs } of resourcesOf(workspace, 'VirtualService')) {
    collect(vs, (destination, path, role) => {
      out.push({ resource: entry.id, path, role, destination, namespace: vs.metadata.namespace });
    });
  }
  return out;
}

function collect(
  vs: VirtualService,
  add: (destination: Destination, path: Path, role: string) => void,
): void {
  for (const section of RULE_SECTIONS) {
    vs[section].forEach((rule, r) => {
      rule.route.forEach((d, i) => {
        if (d.destination)
          add(d.destination, ['spec', section, r, 'route', i, 'destination'], 'routes to it');
      });
    });
  }
  vs.http.forEach((rule, r) => {
    if (rule.mirror) add(rule.mirror, ['spec', 'http', r, 'mirror'], 'mirrors to it');
    rule.mirrors?.forEach((m, i) => {
      if (m.destination)
        add(m.destination, ['spec', 'http', r, 'mirrors', i, 'destination'], 'mirrors to it');
    });
  });
}
