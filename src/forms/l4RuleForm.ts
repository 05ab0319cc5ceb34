import { valueAt } from '../model/read.ts';
import type { RuleSection } from '../model/virtualService.ts';
import { hostField, portField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import type { FormContext } from './context.ts';
import { destinationsGroup } from './destinationsForm.ts';
import { listGroup } from './groups.ts';
import type { FormEntry, FormSection } from './types.ts';
import { gatewayOptions } from './workspaceOptions.ts';

/** A `tls` or `tcp` rule: matches on port (and SNI for TLS) and weighted destinations. */
export function l4RuleForm(
  ctx: FormContext,
  kind: Exclude<RuleSection, 'http'>,
  index: number,
): FormSection[] {
  const rule: Path = ['spec', kind, index];
  return [
    section('rule', 'Rule', [
      field(ctx, { label: 'Rule name', type: 'text', path: [...rule, 'name'] }),
    ]),
    section('matches', 'Matches', [l4MatchGroup(ctx, rule, kind)]),
    section('destinations', 'Destinations', [destinationsGroup(ctx, rule)]),
  ];
}

function l4MatchGroup(ctx: FormContext, rule: Path, kind: 'tls' | 'tcp') {
  const path = [...rule, 'match'];
  const addId = `${formatPath(path)}#new`;
  return listGroup(ctx, {
    title: 'Matches',
    noun: 'match block',
    path,
    keepLast: kind === 'tls',
    help:
      kind === 'tls'
        ? 'A connection takes this rule when any block matches; each needs the SNI host names it serves.'
        : 'A connection takes this rule when any block matches. No block: every connection.',
    item: (itemPath, i) => ({
      title: i === 0 ? 'Match block 1' : `Match block ${i + 1} (or)`,
      entries: l4MatchEntries(ctx, itemPath, kind),
    }),
    addFields: [
      kind === 'tls'
        ? inputField(addId, {
            label: 'New match SNI host',
            type: 'text',
            required: true,
            validate: hostField,
          })
        : inputField(addId, {
            label: 'New match port',
            type: 'number',
            integer: true,
            required: true,
            validate: portField,
          }),
    ],
    newItem: (values) => ({
      value: kind === 'tls' ? { sniHosts: [values[addId]] } : { port: values[addId] },
    }),
  });
}

function l4MatchEntries(ctx: FormContext, path: Path, kind: 'tls' | 'tcp'): FormEntry[] {
  return [
    kind === 'tls'
      ? field(ctx, {
          label: 'SNI hosts',
          type: 'list',
          path: [...path, 'sniHosts'],
          required: true,
          validate: hostField,
          help: 'Each must be one of the VirtualService’s hosts (or under a wildcard one).',
        })
      : undefined,
    field(ctx, {
      label: 'Port',
      type: 'number',
      path: [...path, 'port'],
      integer: true,
      validate: portField,
    }),
    field(ctx, {
      label: 'Only through gateways',
      type: 'multiselect',
      path: [...path, 'gateways'],
      options: gatewayOptions(ctx, valueAt(ctx.plain, [...path, 'gateways'])),
    }),
  ].filter((e): e is NonNullable<typeof e> => e !== undefined);
}
