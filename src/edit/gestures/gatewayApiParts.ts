import type { GraphNode } from '../../graph/types.ts';
import { isRecord } from '../../model/read.ts';
import { sectionNameProblem } from '../../rules/gatewayApi.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { type Command, type CommandResult, fail } from '../command.ts';
import { findListener, findRouteRule, listenerLabel } from './gatewayApiLookup.ts';
import { parentReferences } from './gatewayApiReferences.ts';
import { combine, type Gesture, gesture } from './gesture.ts';
import { rawAt } from './lookup.ts';
import { copyName } from './names.ts';
import { article } from './referenceGrants.ts';
import type { Reference } from './references.ts';

/**
 * Duplicate, reorder and rename for the parts of Gateway API resources the graph draws as rows:
 * a route's rules and a Gateway's listeners. Unlike a VirtualService, a route's rule order is not
 * what decides: the most specific match wins across every route on a listener, and list order
 * only breaks ties (HTTPRouteRule, apis/v1/httproute_types.go), which the notes say.
 */

/** Ctrl+D on a rule row: a copy right after it, named `<name>-copy`. */
export function duplicateRouteRule(workspace: Workspace, node: GraphNode): CommandResult<Gesture> {
  const ref = findRouteRule(workspace, node);
  if (!ref.ok) return ref;
  const { route, index, rule, path, label } = ref.value;
  const value = rawAt(route.entry, path);
  if (!isRecord(value)) return fail(`Rule ${label} cannot be read: fix it in the text first`);
  const taken = new Set(route.object.rules.flatMap((r) => (r.name ? [r.name] : [])));
  const name = copyName(rule.name ?? `rule-${index + 1}`, taken);
  return gesture(
    {
      type: 'insertItem',
      target: route.entry.id,
      path: ['spec', 'rules'],
      index: index + 1,
      value: 'name' in value ? { ...value, name } : { name, ...value },
    },
    `Copied rule ${label} as ${name}, right after it`,
    [
      `${name} matches the same requests as ${label}; with equal matches the earlier rule wins, so ${name} is not used until you change its matches`,
    ],
  );
}

/** Moving a rule row within its route. */
export function reorderRouteRule(
  workspace: Workspace,
  node: GraphNode,
  toIndex: number,
): CommandResult<Gesture> {
  const ref = findRouteRule(workspace, node);
  if (!ref.ok) return ref;
  const { route, index, label } = ref.value;
  const count = route.object.rules.length;
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= count)
    return fail(
      `${route.object.metadata.name} has ${count} rules: position ${toIndex + 1} does not exist`,
    );
  if (toIndex === index) return fail(`Rule ${label} is already at position ${index + 1}`);
  return gesture(
    { type: 'moveItem', target: route.entry.id, path: ['spec', 'rules'], from: index, to: toIndex },
    `Moved rule ${label} to position ${toIndex + 1} of ${count}`,
    [
      `In ${article(route.object.kind)} ${route.object.kind} the most specific match wins, whatever the order; the order decides only between rules whose matches are equally specific`,
    ],
  );
}

/** Renaming a rule row: its `name`, unique within the route (the API's rule). */
export function renameRouteRule(
  workspace: Workspace,
  node: GraphNode,
  name: string,
): CommandResult<Gesture> {
  const ref = findRouteRule(workspace, node);
  if (!ref.ok) return ref;
  const { route, index, rule, path, label } = ref.value;
  if (rule.name === name) return fail(`Rule ${label} already has that name`);
  const problem = sectionNameProblem(name);
  if (problem) return fail(problem);
  if (route.object.rules.some((r, i) => i !== index && r.name === name))
    return fail(`Another rule of ${route.object.metadata.name} is already named ${name}`);
  return gesture(
    { type: 'setValue', target: route.entry.id, path: [...path, 'name'], value: name },
    `Renamed rule ${label} to ${name}`,
  );
}

/** Renaming a listener row: its `name`, and the `sectionName` of every parentRef naming it. */
export function renameListener(
  workspace: Workspace,
  node: GraphNode,
  name: string,
): CommandResult<Gesture> {
  const found = findListener(workspace, node);
  if (!found.ok) return found;
  const { gateway, index, listener } = found.value;
  const old = listenerLabel(found.value);
  if (listener.name === name) return fail(`Listener ${old} already has that name`);
  const problem = sectionNameProblem(name);
  if (problem) return fail(problem);
  if (gateway.object.listeners.some((l, i) => i !== index && l.name === name))
    return fail(`Gateway ${gateway.object.metadata.name} already has a listener named ${name}`);
  const refs = listenerReferences(workspace, node);
  const commands: Command[] = [
    {
      type: 'setValue',
      target: gateway.entry.id,
      path: ['spec', 'listeners', index, 'name'],
      value: name,
    },
    ...refs.map(
      (ref): Command => ({
        type: 'setValue',
        target: ref.resource,
        path: [...ref.path, 'sectionName'],
        value: name,
      }),
    ),
  ];
  const updated =
    refs.length === 0
      ? ''
      : `; updated ${refs.length} ${refs.length === 1 ? 'route' : 'routes'} attached to it`;
  return gesture(combine(commands), `Renamed listener ${old} to ${name}${updated}`);
}

/** parentRefs that name one listener by `sectionName`. */
export function listenerReferences(workspace: Workspace, node: GraphNode): Reference[] {
  const found = findListener(workspace, node);
  if (!found.ok || !found.value.listener.name) return [];
  const { namespace, name } = found.value.gateway.object.metadata;
  return parentReferences(workspace, namespace, name, found.value.listener.name);
}
