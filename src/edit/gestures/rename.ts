import type { FlowGraph, GraphNode } from '../../graph/types.ts';
import { serviceFqdn } from '../../model/hosts.ts';
import { parseResourceId, resourceId } from '../../model/resource.ts';
import { dnsLabelField } from '../../rules/fields.ts';
import { findEntry, inDocument, type Workspace } from '../../workspace/workspace.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail } from '../command.ts';
import { isRouteRuleNode } from './gatewayApiLookup.ts';
import { renameListener, renameRouteRule } from './gatewayApiParts.ts';
import { backendReferences, grantReferences } from './gatewayApiReferences.ts';
import { combine, type Gesture, gesture, verified } from './gesture.ts';
import { findNode, findRule, findSubset, ruleName } from './lookup.ts';
import { hostReferences, type Reference, references, subsetReferences } from './references.ts';

/**
 * Renaming what a node stands for, with what refers to it:
 * - a resource: `renameResource` (which rewrites Gateway references in `gateways` and
 *   `parentRefs` and VirtualService references in `delegate`), plus, for a Service, every route,
 *   mirror and DestinationRule host naming it (in the form it was written: `web`, `web.shop`,
 *   the FQDN) and every backendRef and ReferenceGrant naming it, and for a Deployment, the
 *   autoscalers targeting it;
 * - a listener: its name and the parentRefs naming it by `sectionName`;
 * - a subset: its name, and the routes and mirrors that send traffic to it;
 * - a rule: its `name` (nothing refers to a rule by name).
 */
export function renameNode(
  workspace: Workspace,
  graph: FlowGraph,
  nodeId: string,
  newName: string,
): CommandResult<Gesture> {
  return verified(workspace, renameNodeUnchecked(workspace, graph, nodeId, newName));
}

function renameNodeUnchecked(
  workspace: Workspace,
  graph: FlowGraph,
  nodeId: string,
  newName: string,
): CommandResult<Gesture> {
  const found = findNode(graph, nodeId);
  if (!found.ok) return found;
  const node = found.value;
  const name = newName.trim();
  if (name === '') return fail('Enter a name');
  if (isRouteRuleNode(node)) return renameRouteRule(workspace, node, name);
  if (node.kind === 'listener') return renameListener(workspace, node, name);
  if (node.kind === 'route') return renameRule(workspace, node, name);
  if (node.kind === 'subset') return renameSubset(workspace, node, name);
  if (!node.resource || node.implied || node.path)
    return fail(`${node.label} is not in the workspace: there is nothing to rename`);
  return renameWhole(workspace, node.resource, name);
}

function renameWhole(workspace: Workspace, target: string, name: string): CommandResult<Gesture> {
  const id = parseResourceId(target);
  if (!id || !findEntry(workspace, target)) return fail(`${target} is no longer in the workspace`);
  if (id.name === name) return fail(`${id.kind} ${id.name} already has that name`);
  const problem = nameProblem(id.kind, name);
  if (problem) return fail(problem);
  if (findEntry(workspace, resourceId(id.kind, id.namespace, name)))
    return fail(`A ${id.kind} named ${name} already exists in namespace ${id.namespace}`);

  const refs = references(workspace, target);
  const commands: Command[] = [{ type: 'renameResource', target, name }];
  if (id.kind === 'Service') {
    for (const ref of hostReferences(workspace, serviceFqdn(id.name, id.namespace))) {
      const hostPath = ref.role === 'sets its traffic policy' ? ref.path : [...ref.path, 'host'];
      const written = hostAt(workspace, ref, hostPath);
      if (written === undefined) continue;
      commands.push({
        type: 'setValue',
        target: ref.resource,
        path: hostPath,
        value: renamedHost(written, id.name, name),
      });
    }
  }
  if (id.kind === 'Service') {
    // backendRefs and ReferenceGrants name the Service by `name`, in the same form everywhere.
    for (const ref of [
      ...backendReferences(workspace, id.namespace, id.name),
      ...grantReferences(workspace, id.namespace, id.name),
    ])
      commands.push({
        type: 'setValue',
        target: ref.resource,
        path: [...ref.path, 'name'],
        value: name,
      });
  }
  if (id.kind === 'Deployment') {
    for (const ref of refs) {
      commands.push({
        type: 'setValue',
        target: ref.resource,
        path: [...ref.path, 'name'],
        value: name,
      });
    }
  }
  const updated =
    refs.length === 0
      ? ''
      : `; updated ${refs.length} ${refs.length === 1 ? 'reference' : 'references'}`;
  return gesture(combine(commands), `Renamed ${id.kind} ${id.name} to ${name}${updated}`);
}

function renameRule(workspace: Workspace, node: GraphNode, name: string): CommandResult<Gesture> {
  const ref = findRule(workspace, node);
  if (!ref.ok) return ref;
  const { vs, section, index, rule, path } = ref.value;
  const old = ruleName(rule, section, index);
  if (rule.name === name) return fail(`Rule ${old} already has that name`);
  if (vs.object[section].some((r, i) => i !== index && r.name === name))
    return fail(`Another rule of ${vs.object.metadata.name} is already named ${name}`);
  return gesture(
    { type: 'setValue', target: vs.entry.id, path: [...path, 'name'], value: name },
    `Renamed rule ${old} to ${name}`,
  );
}

function renameSubset(workspace: Workspace, node: GraphNode, name: string): CommandResult<Gesture> {
  const found = findSubset(workspace, node);
  if (!found.ok) return found;
  const { dr, subset, index } = found.value;
  if (subset.name === name) return fail(`Subset ${name} already has that name`);
  const problem = dnsLabelField(name);
  if (problem) return fail(`"${name}" is not a valid subset name: ${lowerFirst(problem)}`);
  if (dr.object.subsets.some((s) => s.name === name))
    return fail(`DestinationRule ${dr.object.metadata.name} already has a subset named ${name}`);
  const refs = subsetReferences(workspace, dr.entry.id, subset.name);
  const commands: Command[] = [
    {
      type: 'setValue',
      target: dr.entry.id,
      path: ['spec', 'subsets', index, 'name'],
      value: name,
    },
    ...refs.map(
      (ref): Command => ({
        type: 'setValue',
        target: ref.resource,
        path: [...ref.path, 'subset'],
        value: name,
      }),
    ),
  ];
  const updated =
    refs.length === 0
      ? ''
      : `; updated ${refs.length} ${refs.length === 1 ? 'route' : 'routes'} to it`;
  return gesture(combine(commands), `Renamed subset ${subset.name} to ${name}${updated}`);
}

/**
 * Names Kubernetes and Istio accept per kind: Services are DNS-1035 labels (they become DNS
 * names), Gateways DNS-1123 labels (`ValidateGateway`); the rest DNS-1123 subdomains, which
 * `renameResource` checks.
 */
function nameProblem(kind: string, name: string): string | undefined {
  if (kind === 'Service' && !/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name))
    return `"${name}" is not a valid Service name: start with a letter, then lower case letters, digits and inner dashes, at most 63 characters`;
  if (kind === 'Gateway') {
    // Kubernetes names are lower case; Istio adds that a Gateway name has no dots.
    const problem = name === name.toLowerCase() ? dnsLabelField(name) : 'use lower case letters';
    if (problem) return `"${name}" is not a valid Gateway name: ${lowerFirst(problem)}`;
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The host text written at a reference, as written (case and form kept). */
function hostAt(
  workspace: Workspace,
  ref: Reference,
  path: readonly (string | number)[],
): string | undefined {
  const entry = findEntry(workspace, ref.resource);
  const value = entry?.doc.document.getIn(inDocument(entry, path));
  return typeof value === 'string' ? value : undefined;
}

/** `web` → `shop`, `web.prod` → `shop.prod`, `web.prod.svc.cluster.local` → `shop.prod.svc.cluster.local`. */
function renamedHost(host: string, oldName: string, newName: string): string {
  const dot = host.indexOf('.');
  const first = dot === -1 ? host : host.slice(0, dot);
  return first.toLowerCase() === oldName ? newName + (dot === -1 ? '' : host.slice(dot)) : host;
}
