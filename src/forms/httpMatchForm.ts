import { valueAt } from '../model/read.ts';
import { headerNameField, portField } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { field } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { keyedMatchGroup, stringMatchFields } from './stringMatch.ts';
import type { FormEntry, FormGroup } from './types.ts';
import { gatewayOptions } from './workspaceOptions.ts';

/**
 * A rule's `match` list: the rule applies when any one block matches (OR), and a block matches
 * when all its conditions hold (AND). An empty list matches every request.
 */
export function httpMatchGroup(ctx: FormContext, rulePath: Path): FormGroup {
  return listGroup(ctx, {
    title: 'Matches',
    noun: 'match block',
    path: [...rulePath, 'match'],
    help: 'A request takes this rule when any one block matches (OR); in a block, every condition must hold (AND). No block: every request.',
    item: (path, index) => ({
      title: index === 0 ? 'Match block 1' : `Match block ${index + 1} (or)`,
      entries: matchEntries(ctx, path),
    }),
    newItem: () => ({ value: { uri: { prefix: '/' } } }),
  });
}

function matchEntries(ctx: FormContext, path: Path): FormEntry[] {
  return [
    ...stringMatchFields(ctx, [...path, 'uri'], {
      what: 'URI',
      defaultKind: 'prefix',
      placeholder: '/api',
      startValue: (kind) => (kind === 'regex' ? '/.*' : '/'),
    }),
    field(ctx, {
      label: 'Ignore URI case',
      type: 'boolean',
      path: [...path, 'ignoreUriCase'],
      help: 'For exact and prefix URI matches only.',
    }),
    keyedMatchGroup(ctx, [...path, 'headers'], {
      title: 'Headers',
      noun: 'header match',
      what: 'Header',
      keyValidate: headerNameField,
      help: 'Header names are lowercase; "present" asks only for the header to be there.',
    }),
    keyedMatchGroup(ctx, [...path, 'withoutHeaders'], {
      title: 'Without headers',
      noun: 'header exclusion',
      what: 'Without header',
      keyValidate: headerNameField,
      help: 'The block matches only when these do not match (a missing header counts as not matching).',
    }),
    keyedMatchGroup(ctx, [...path, 'queryParams'], {
      title: 'Query parameters',
      noun: 'query parameter match',
      what: 'Query parameter',
    }),
    ...stringMatchFields(ctx, [...path, 'method'], {
      what: 'Method',
      defaultKind: 'exact',
      placeholder: 'GET',
    }),
    ...stringMatchFields(ctx, [...path, 'authority'], {
      what: 'Authority',
      defaultKind: 'exact',
      placeholder: 'shop.example.com',
    }),
    ...stringMatchFields(ctx, [...path, 'scheme'], {
      what: 'Scheme',
      defaultKind: 'exact',
      placeholder: 'https',
    }),
    field(ctx, {
      label: 'Port',
      type: 'number',
      path: [...path, 'port'],
      integer: true,
      validate: portField,
      help: 'Only requests that came in on this port.',
    }),
    field(ctx, {
      label: 'Only through gateways',
      type: 'multiselect',
      path: [...path, 'gateways'],
      options: gatewayOptions(ctx, valueAt(ctx.plain, [...path, 'gateways'])),
      help: 'Overrides the VirtualService’s gateways for this block.',
    }),
  ];
}
