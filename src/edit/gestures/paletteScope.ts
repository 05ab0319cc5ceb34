import { clusterNamespace } from '../../graph/services.ts';
import type { FlowGraph, GraphNode } from '../../graph/types.ts';
import { DEFAULT_NAMESPACE, parseResourceId, type ResourceId } from '../../model/resource.ts';
import { findEntry, type Workspace } from '../../workspace/workspace.ts';
import type { Command } from '../command.ts';

/** What the UI knows when an item is picked from the palette. */
export interface PaletteContext {
  /**
   * The selected node id (or a resource id, e.g. a DestinationRule picked in the inspector): the
   * Gateway that gets a server, the VirtualService (or one of its rules) that gets a rule, the
   * DestinationRule (or one of its subsets, or its Service) that gets a subset; for a new
   * resource, the one it relates to (its namespace, its file, the host it is for).
   */
  readonly selected?: string;
  /** The file open in the editor: where new resources go (else the file of the related one). */
  readonly file?: string;
  /** The namespace of a new resource (else the related resource's, else `default`). */
  readonly namespace?: string;
  /** Hosts of a new VirtualService; the first is the host of a new DestinationRule. */
  readonly hosts?: readonly string[];
  /** A Gateway (node id or resource id) a new VirtualService binds to. */
  readonly gateway?: string;
}

/** A palette request resolved against the workspace and the graph. */
export interface Scope {
  readonly workspace: Workspace;
  readonly graph: FlowGraph;
  readonly context: PaletteContext;
  /** The selected node, when `selected` names one. */
  readonly node: GraphNode | undefined;
  /** The resource the selection stands for (a rule's VirtualService, a subset's DestinationRule). */
  readonly resource: ResourceId | undefined;
}

export function scopeOf(workspace: Workspace, graph: FlowGraph, context: PaletteContext): Scope {
  const selected = context.selected;
  const node = selected === undefined ? undefined : graph.nodes.find((n) => n.id === selected);
  const resource =
    node?.resource ??
    (selected !== undefined && findEntry(workspace, selected) ? selected : undefined);
  return { workspace, graph, context, node, resource };
}

/** The namespace for a new resource related to the selection. */
export function namespaceOf(scope: Scope): string {
  if (scope.context.namespace) return scope.context.namespace;
  const id = scope.resource === undefined ? undefined : parseResourceId(scope.resource);
  if (id) return id.namespace;
  const fqdn = selectedServiceHost(scope);
  return (fqdn && clusterNamespace(fqdn)) || DEFAULT_NAMESPACE;
}

/** `addResource` of `value`, into the active file, else the file of `related` or the selection. */
export function addResourceCommand(
  scope: Scope,
  value: Readonly<Record<string, unknown>>,
  related?: ResourceId,
): Command {
  const anchor = related ?? scope.resource;
  const file =
    scope.context.file ??
    (anchor === undefined ? undefined : findEntry(scope.workspace, anchor)?.file);
  return file === undefined ? { type: 'addResource', value } : { type: 'addResource', value, file };
}

/** The FQDN of the selected service node, or of the Service behind a selected subset. */
export function selectedServiceHost(scope: Scope): string | undefined {
  const node = scope.node;
  if (node?.kind === 'service') return node.id.slice('service:'.length);
  if (node?.kind === 'subset') {
    const edge = scope.graph.edges.find((e) => e.kind === 'subset' && e.target === node.id);
    return edge?.source.slice('service:'.length);
  }
  return undefined;
}

/**
 * A destination for a new rule when nothing better is known: the first Service of the
 * namespace the graph shows as a destination (not a gateway's load balancer), else any.
 */
export function someServiceHost(scope: Scope, namespace: string): string | undefined {
  const services = scope.graph.nodes.filter(
    (n) => n.kind === 'service' && n.resource?.startsWith('Service/'),
  );
  const local = services.find((n) => n.resource?.startsWith(`Service/${namespace}/`));
  return (local ?? services[0])?.id.slice('service:'.length);
}

/** A Gateway named by node id or resource id. */
export function gatewayIdOf(scope: Scope, ref: string | undefined): ResourceId | undefined {
  if (ref === undefined) return undefined;
  const node = scope.graph.nodes.find((n) => n.id === ref);
  return node ? node.resource : ref;
}

/** Where a new rule routes when nothing is known: a name to replace, said in a note. */
export const PLACEHOLDER_HOST = 'app';
