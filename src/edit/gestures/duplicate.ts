import type { FlowGraph, GraphNode } from '../../graph/types.ts';
import { isModelled } from '../../model/kinds.ts';
import { isRecord } from '../../model/read.ts';
import { parseResourceId } from '../../model/resource.ts';
import { findEntry, type Workspace } from '../../workspace/workspace.ts';
import type { CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { copyDocumentCommand } from './copyDocument.ts';
import { isRouteRuleNode } from './gatewayApiLookup.ts';
import { duplicateRouteRule } from './gatewayApiParts.ts';
import { type Gesture, gesture, verified } from './gesture.ts';
import { findNode, findRule, findSubset, rawAt, ruleName } from './lookup.ts';
import { copyName, namesOf } from './names.ts';

/**
 * Ctrl+D on a node: a copy right after the original, named `<name>-copy` (then `-copy-2`…).
 * A resource is copied as text, comments included, into the same file; a rule or a subset as
 * a new list item after it. Notes say what Istio will think of two identical things until the
 * copy is changed (conflicting Gateways, a rule never used).
 */
export function duplicate(
  workspace: Workspace,
  graph: FlowGraph,
  nodeId: string,
): CommandResult<Gesture> {
  return verified(workspace, duplicateUnchecked(workspace, graph, nodeId));
}

function duplicateUnchecked(
  workspace: Workspace,
  graph: FlowGraph,
  nodeId: string,
): CommandResult<Gesture> {
  const found = findNode(graph, nodeId);
  if (!found.ok) return found;
  const node = found.value;
  if (isRouteRuleNode(node)) return duplicateRouteRule(workspace, node);
  if (node.kind === 'route') return duplicateRule(workspace, node);
  if (node.kind === 'subset') return duplicateSubset(workspace, node);
  if (!node.resource || node.implied || node.path)
    return fail(`${node.label} is not in the workspace: there is nothing to copy`);
  return duplicateResource(workspace, node.resource);
}

function duplicateResource(workspace: Workspace, target: string): CommandResult<Gesture> {
  const entry = findEntry(workspace, target);
  const id = parseResourceId(target);
  if (!entry || !id) return fail(`${target} is no longer in the workspace`);
  const name = copyName(id.name, namesOf(workspace, id.kind, id.namespace));
  const command = copyDocumentCommand(entry, name);
  if (!command.ok) return command;
  const object = entry.object;
  const notes: string[] = [];
  if (isModelled(object)) {
    if (object.kind === 'Gateway' && object.servers.length > 0)
      notes.push(
        `${name} has the same selector, ports and hosts as ${id.name}: Istio reports the two Gateways as conflicting (IST0145) until you change the copy's hosts or ports`,
      );
    if (object.kind === 'VirtualService' && object.hosts.length > 0)
      notes.push(
        `${name} has the same hosts as ${id.name}: change them, or Istio merges the rules of both for those hosts in creation order`,
      );
    if (object.kind === 'DestinationRule')
      notes.push(
        `${name} is for the same host as ${id.name}: Istio merges the two and ignores a subset defined twice; change the copy's host`,
      );
    if (object.kind === 'Service')
      notes.push(`${name} selects the same pods as ${id.name}: change its selector`);
  }
  return gesture(command.value, `Copied ${id.kind} ${id.name} as ${name}`, notes);
}

function duplicateRule(workspace: Workspace, node: GraphNode): CommandResult<Gesture> {
  const ref = findRule(workspace, node);
  if (!ref.ok) return ref;
  const { vs, section, index, rule, path } = ref.value;
  const value = rawAt(vs.entry, path);
  if (!isRecord(value)) return fail(`Rule ${node.label} cannot be read: fix it in the text first`);
  const taken = new Set(vs.object[section].flatMap((r) => (r.name ? [r.name] : [])));
  const original = ruleName(rule, section, index);
  const name = copyName(rule.name ?? `rule-${index + 1}`, taken);
  return gesture(
    {
      type: 'insertItem',
      target: vs.entry.id,
      path: ['spec', section],
      index: index + 1,
      value: named(value, name),
    },
    `Copied rule ${original} as ${name}, right after it`,
    [
      `${name} matches the same requests as ${original} and comes after it, so Istio never uses it until you change its match`,
    ],
  );
}

function duplicateSubset(workspace: Workspace, node: GraphNode): CommandResult<Gesture> {
  const found = findSubset(workspace, node);
  if (!found.ok) return found;
  const { dr, subset, index } = found.value;
  const value = rawAt(dr.entry, ['spec', 'subsets', index]);
  if (!isRecord(value))
    return fail(`Subset ${node.label} cannot be read: fix it in the text first`);
  const name = copyName(subset.name, new Set(dr.object.subsets.map((s) => s.name)));
  return gesture(
    {
      type: 'insertItem',
      target: dr.entry.id,
      path: ['spec', 'subsets'],
      index: index + 1,
      value: named(value, name),
    },
    `Copied subset ${subset.name} as ${name}`,
    [`${name} selects the same pods as ${subset.name} until you change its labels`],
  );
}

/** The value with `name` set: in its place when it has one, else first, where names are read. */
function named(value: Record<string, unknown>, name: string): Record<string, unknown> {
  return 'name' in value ? { ...value, name } : { name, ...value };
}
