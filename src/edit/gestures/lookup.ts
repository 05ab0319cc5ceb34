import type { FlowGraph, GraphNode } from '../../graph/types.ts';
import type { Subset } from '../../model/destinationRule.ts';
import { CLUSTER_DOMAIN } from '../../model/hosts.ts';
import { isModelled, type ModelledObject } from '../../model/kinds.ts';
import { valueAt } from '../../model/read.ts';
import type { HttpRoute, L4Route, VirtualService } from '../../model/virtualService.ts';
import { type Entry, entries, findEntry, type Workspace } from '../../workspace/workspace.ts';
import type { Path } from '../../yaml/path.ts';
import { type CommandResult, fail, ok } from '../command.ts';

/** The node a gesture names, or a refusal a user understands. */
export function findNode(graph: FlowGraph, id: string): CommandResult<GraphNode> {
  const node = graph.nodes.find((n) => n.id === id);
  return node ? ok(node) : fail(`Nothing with id ${id} is on the graph any more`);
}

/** A modelled resource of one kind, with its document's place. */
export interface Found<K extends ModelledObject['kind']> {
  readonly entry: Entry;
  readonly object: Extract<ModelledObject, { kind: K }>;
}

/** The resource `id` when it is of `kind` and the designer models it. */
export function findResource<K extends ModelledObject['kind']>(
  workspace: Workspace,
  id: string | undefined,
  kind: K,
): Found<K> | undefined {
  const entry = id === undefined ? undefined : findEntry(workspace, id);
  const object = entry?.object;
  if (!entry || !object || !isModelled(object) || object.kind !== kind) return undefined;
  return { entry, object: object as Extract<ModelledObject, { kind: K }> };
}

/** Every modelled resource of `kind`, in workspace order. */
export function resourcesOf<K extends ModelledObject['kind']>(
  workspace: Workspace,
  kind: K,
): Found<K>[] {
  const out: Found<K>[] = [];
  const seen = new Set<string>();
  for (const entry of entries(workspace)) {
    const object = entry.object;
    if (seen.has(entry.id) || !isModelled(object) || object.kind !== kind) continue;
    seen.add(entry.id);
    out.push({ entry, object: object as Extract<ModelledObject, { kind: K }> });
  }
  return out;
}

/**
 * The plain value at `path` of a document, as written (unknown fields included, aliases
 * expanded). The model drops what it does not read; copies and list lengths need the whole.
 */
export function rawAt(entry: Entry, path: Path): unknown {
  return valueAt(entry.plain, path);
}

/** How many items the list at `path` holds as written (0 when it is missing). */
export function rawLength(entry: Entry, path: Path): number {
  const value = rawAt(entry, path);
  return Array.isArray(value) ? value.length : 0;
}

/** A rule node's VirtualService and rule. */
export interface RuleRef {
  readonly node: GraphNode;
  readonly vs: Found<'VirtualService'>;
  readonly section: 'http' | 'tls' | 'tcp';
  readonly index: number;
  readonly rule: HttpRoute | L4Route;
  /** `['spec', section, index]`. */
  readonly path: Path;
}

/** Reads the rule a `route` node stands for. */
export function findRule(workspace: Workspace, node: GraphNode): CommandResult<RuleRef> {
  if (
    node.kind !== 'route' ||
    node.section === undefined ||
    node.section === 'rules' ||
    node.index === undefined
  )
    return fail(`${node.label} is not a rule of a VirtualService`);
  const vs = findResource(workspace, node.resource, 'VirtualService');
  const rule = vs?.object[node.section][node.index];
  if (!vs || !rule) return fail(`Rule ${node.label} is no longer in the workspace`);
  return ok({
    node,
    vs,
    section: node.section,
    index: node.index,
    rule,
    path: ['spec', node.section, node.index],
  });
}

/** A subset node's DestinationRule, subset and position in `spec.subsets`. */
export interface SubsetRef {
  readonly dr: Found<'DestinationRule'>;
  readonly subset: Subset;
  readonly index: number;
}

/** Reads the subset a `subset` node stands for. */
export function findSubset(workspace: Workspace, node: GraphNode): CommandResult<SubsetRef> {
  const dr = findResource(workspace, node.resource, 'DestinationRule');
  const index = node.path?.[2];
  const subset = typeof index === 'number' ? dr?.object.subsets[index] : undefined;
  if (node.kind !== 'subset' || !dr || !subset || typeof index !== 'number')
    return fail(`Subset ${node.label} is no longer in the workspace`);
  return ok({ dr, subset, index });
}

/** How messages name a rule: its `name`, else its place (`http[2]`). */
export function ruleName(
  rule: { readonly name?: string | undefined },
  section: string,
  index: number,
): string {
  return rule.name ? rule.name : `${section}[${index}]`;
}

/** `namespace/name` of a resource, as Istio prints references. */
export function qualifiedName(object: {
  readonly metadata: { readonly namespace: string; readonly name: string };
}): string {
  return `${object.metadata.namespace}/${object.metadata.name}`;
}

const CLUSTER_SUFFIX = `.svc.${CLUSTER_DOMAIN}`;

/**
 * How a manifest of `namespace` writes the host `fqdn`: the short Service name when the Service
 * is in the same namespace (short names resolve in the namespace of the rule, virtual_service.proto),
 * the FQDN otherwise, and any other host as it is.
 */
export function hostFor(fqdn: string, namespace: string): string {
  if (!fqdn.endsWith(CLUSTER_SUFFIX)) return fqdn;
  const parts = fqdn.slice(0, -CLUSTER_SUFFIX.length).split('.');
  return parts.length === 2 && parts[1] === namespace ? (parts[0] as string) : fqdn;
}

/** A destination host as a reader says it: `reviews` for a cluster Service, else the host. */
export function shortHost(fqdn: string): string {
  return fqdn.endsWith(CLUSTER_SUFFIX) ? fqdn.slice(0, fqdn.indexOf('.')) : fqdn;
}

/** Whether a VirtualService (by its hosts) is a delegate: one without hosts (virtual_service.proto). */
export function isDelegate(vs: VirtualService): boolean {
  return vs.hosts.length === 0;
}
