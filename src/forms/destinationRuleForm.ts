import type { Command } from '../edit/command.ts';
import { renameNode } from '../edit/gestures/rename.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { subsetNodeId } from '../graph/ids.ts';
import { valueAt } from '../model/read.ts';
import { dnsLabelField, hostField } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import { setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { labelGroup } from './stringMap.ts';
import { portLevelGroup, trafficPolicySections } from './trafficPolicyForm.ts';
import type { FormSection } from './types.ts';
import { exportToField } from './validators.ts';

/**
 * A DestinationRule: its host, traffic policy, port-level settings and (unless `subsets` is
 * false, for a form that already shows one subset) its subsets.
 */
export function destinationRuleForm(ctx: FormContext, subsets = true): FormSection[] {
  const policy: Path = ['spec', 'trafficPolicy'];
  return [
    section('destinationRule', 'DestinationRule', [
      field(ctx, {
        label: 'Host',
        type: 'text',
        path: ['spec', 'host'],
        required: true,
        validate: hostField,
        help: 'A short name is a Service of this DestinationRule’s namespace.',
      }),
      field(ctx, {
        label: 'Export to',
        type: 'list',
        path: ['spec', 'exportTo'],
        validate: exportToField,
      }),
    ]),
    section(
      'trafficPolicy',
      'Traffic policy',
      trafficPolicySections(ctx, policy),
      'Applies to every subset, unless the subset sets the same field.',
    ),
    section('portLevel', 'Port-level settings', [portLevelGroup(ctx, policy)]),
    ...(subsets ? [section('subsets', 'Subsets', [subsetsGroup(ctx)])] : []),
  ];
}

function subsetsGroup(ctx: FormContext) {
  const nameId = 'subsets#new-name';
  return listGroup(ctx, {
    title: 'Subsets',
    noun: 'subset',
    path: ['spec', 'subsets'],
    help: 'Each subset is the pods of the host with these labels; rules route to it by name.',
    item: (path, index, value) => ({
      title: `Subset ${String(valueAt(value, ['name']) ?? index + 1)}`,
      entries: [subsetName(ctx, path, false), labelGroup(ctx, [...path, 'labels'], 'Labels')],
    }),
    addFields: [
      inputField(nameId, {
        label: 'New subset name',
        type: 'text',
        required: true,
        validate: dnsLabelField,
        placeholder: 'v3',
      }),
    ],
    newItem: (values, items) => {
      const name = values[nameId];
      if (items.some((item) => valueAt(item, ['name']) === name))
        return `There is already a subset ${String(name)}`;
      // The usual convention: a subset per version, selecting pods by their `version` label.
      return { value: { name, labels: { version: name } } };
    },
  });
}

/** `names`: the subset's node is the one selected, and its id follows the name. */
function subsetName(ctx: FormContext, path: Path, names: boolean) {
  const before = valueAt(ctx.plain, [...path, 'name']);
  return field(ctx, {
    label: 'Subset name',
    type: 'text',
    path: [...path, 'name'],
    required: true,
    validate: (value) => dnsLabelField(value) ?? nameTaken(ctx, path, value),
    commitOnBlur: true,
    help: 'Rules refer to the subset by this name; renaming it renames it in the routes and mirrors too.',
    write: (target, value) =>
      typeof value !== 'string' || value === before
        ? []
        : [renamedWithRoutes(ctx, path, value) ?? setAt(target, [...path, 'name'], value)],
    ...(names
      ? {
          nodeAfter: (value: unknown) =>
            typeof value === 'string' ? subsetNodeId(ctx.target, value) : undefined,
        }
      : {}),
  });
}

/** Istio refuses two subsets of one name in a DestinationRule. */
function nameTaken(ctx: FormContext, path: Path, value: unknown): string | undefined {
  const subsets = valueAt(ctx.plain, path.slice(0, -1));
  const own = path[path.length - 1];
  return Array.isArray(subsets) &&
    subsets.some((subset, i) => i !== own && valueAt(subset, ['name']) === value)
    ? `There is already a subset ${String(value)}`
    : undefined;
}

/**
 * The rename gesture's command: the subset's name and every route and mirror sending traffic to
 * it, as one undo step, so no route is left naming a subset that no longer exists. Undefined
 * when the gesture has no node to work from (a repeated name, which the graph draws once).
 */
function renamedWithRoutes(ctx: FormContext, path: Path, name: string): Command | undefined {
  const graph = deriveGraph(ctx.workspace);
  const node = graph.nodes.find(
    (n) => n.kind === 'subset' && n.resource === ctx.target && n.path?.[2] === path[2],
  );
  const renamed = node && renameNode(ctx.workspace, graph, node.id, name);
  return renamed?.ok ? renamed.value.command : undefined;
}

/** A subset node: its name and labels, and the traffic policy that overrides the rule's. */
export function subsetForm(ctx: FormContext, index: number): FormSection[] {
  const path: Path = ['spec', 'subsets', index];
  return [
    section('subset', 'Subset', [
      subsetName(ctx, path, true),
      labelGroup(ctx, [...path, 'labels'], 'Labels'),
    ]),
    section(
      'subsetPolicy',
      'Subset traffic policy',
      [
        ...trafficPolicySections(ctx, [...path, 'trafficPolicy']),
        portLevelGroup(ctx, [...path, 'trafficPolicy']),
      ],
      'Overrides the DestinationRule’s traffic policy field by field, for this subset only.',
    ),
  ];
}
