import { nodeLocation } from '../../graph/nodeLocation.ts';
import type { FlowGraph, GraphNode } from '../../graph/types.ts';
import { K8S_GATEWAY } from '../../model/gatewayApi.ts';
import { resolveHost, serviceFqdn } from '../../model/hosts.ts';
import { isModelled } from '../../model/kinds.ts';
import {
  entries,
  findEntry,
  type Workspace,
  type WorkspaceDoc,
} from '../../workspace/workspace.ts';

/**
 * What the inspector subscribes to, as values that stay equal while nothing it shows changes:
 * the selected node (as text), the documents its form reads, the names its selects offer and
 * where it is written. Typing in another resource changes none of them, so the panel does not
 * render again.
 */

/** The selected node as a string (equal strings: same node, same label, same path). */
export function nodeKey(graph: FlowGraph, selection: string | null): string | null {
  if (selection === null) return null;
  const node = graph.nodes.find((n) => n.id === selection);
  return node ? JSON.stringify(node) : null;
}

/**
 * The documents the node's form is built from: the resource's own, and for a Service the
 * DestinationRules of its host (whose sections its form shows).
 */
export function formDocs(workspace: Workspace, node: GraphNode | undefined): WorkspaceDoc[] {
  if (!node?.resource || node.implied) return [];
  const entry = findEntry(workspace, node.resource);
  if (!entry) return [];
  const docs = [entry.doc];
  const object = entry.object;
  if (isModelled(object) && object.kind === 'Service') {
    const fqdn = serviceFqdn(object.metadata.name, object.metadata.namespace);
    for (const other of entries(workspace)) {
      const rule = other.object;
      if (
        isModelled(rule) &&
        rule.kind === 'DestinationRule' &&
        resolveHost(rule.host, rule.metadata.namespace) === fqdn
      )
        docs.push(other.doc);
    }
  }
  return docs;
}

const optionKeys = new WeakMap<Workspace, string>();

/** The Gateways and DestinationRule subsets of the workspace: what the forms' selects offer. */
export function optionsKey(workspace: Workspace): string {
  const cached = optionKeys.get(workspace);
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (const { id, object } of entries(workspace)) {
    if (!isModelled(object)) continue;
    // Gateway API Gateways and GatewayClasses: a new parentRef's default, the class choices.
    if (object.kind === 'Gateway' || object.kind === K8S_GATEWAY || object.kind === 'GatewayClass')
      parts.push(id);
    if (object.kind === 'DestinationRule')
      parts.push(`${id}:${object.host}:${object.subsets.map((s) => s.name).join(',')}`);
  }
  const key = parts.join('\n');
  optionKeys.set(workspace, key);
  return key;
}

/** `file:line` of what the node stands for, or null (implied nodes, unknown resources). */
export function whereText(workspace: Workspace, node: GraphNode | undefined): string | null {
  if (!node) return null;
  const where = nodeLocation(workspace, node);
  return where ? `${where.file}:${where.line}` : null;
}
