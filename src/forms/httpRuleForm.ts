import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { destinationsGroup } from './destinationsForm.ts';
import { headerOperationSections } from './headerOperations.ts';
import { httpMatchGroup } from './httpMatchForm.ts';
import { httpPolicySections } from './httpPoliciesForm.ts';
import type { FormSection } from './types.ts';

/** One `http` rule of a VirtualService: its name, matches, destinations and policies. */
export function httpRuleForm(ctx: FormContext, index: number): FormSection[] {
  const rule: Path = ['spec', 'http', index];
  return [
    section('rule', 'Rule', [
      field(ctx, {
        label: 'Rule name',
        type: 'text',
        path: [...rule, 'name'],
        placeholder: 'shop-api',
        help: 'Names the rule in access logs, metrics and on the graph.',
      }),
    ]),
    section('matches', 'Matches', [httpMatchGroup(ctx, rule)]),
    section('destinations', 'Destinations', [destinationsGroup(ctx, rule)]),
    ...httpPolicySections(ctx, rule),
    ...headerOperationSections(ctx, [...rule, 'headers']),
  ];
}
