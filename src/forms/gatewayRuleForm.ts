import type { RouteKind } from '../model/gatewayRoutes.ts';
import { valueAt } from '../model/read.ts';
import { timeoutsProblem } from '../rules/gatewayApi.ts';
import { gatewayDurationField, sectionNameField } from '../rules/gatewayApiFields.ts';
import type { Path } from '../yaml/path.ts';
import { backendRefsGroup } from './backendRefsForm.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { httpFiltersGroup } from './gatewayFiltersForm.ts';
import { grpcRouteMatchGroup, httpRouteMatchGroup } from './gatewayMatchForm.ts';
import type { FormField, FormSection } from './types.ts';

/**
 * One rule of a Gateway API route (`spec.rules[i]`): its name, matches (HTTPRoute, GRPCRoute),
 * filters and timeouts (HTTPRoute), and backends (every kind).
 */
export function gatewayRuleForm(ctx: FormContext, kind: RouteKind, index: number): FormSection[] {
  const rule: Path = ['spec', 'rules', index];
  const name = field(ctx, {
    label: 'Rule name',
    type: 'text',
    path: [...rule, 'name'],
    validate: sectionNameField,
    placeholder: 'shop-api',
    help: 'Names the rule in status, policies and on the graph; unique within the route.',
  });
  const backends = section('backends', 'Backends', [backendRefsGroup(ctx, rule)]);
  switch (kind) {
    case 'HTTPRoute':
      return [
        section('rule', 'Rule', [name]),
        section('matches', 'Matches', [httpRouteMatchGroup(ctx, rule)]),
        section('filters', 'Filters', [httpFiltersGroup(ctx, rule)]),
        backends,
        section('timeouts', 'Timeouts', timeoutFields(ctx, rule)),
      ];
    case 'GRPCRoute':
      return [
        section('rule', 'Rule', [name]),
        section('matches', 'Matches', [grpcRouteMatchGroup(ctx, rule)]),
        backends,
      ];
    default:
      return [section('rule', 'Rule', [name]), backends];
  }
}

/**
 * `timeouts.request` and `timeouts.backendRequest`, Gateway API durations; each is checked
 * against the other as written (the backend request fits in the request).
 */
function timeoutFields(ctx: FormContext, rule: Path): FormField[] {
  const path = [...rule, 'timeouts'];
  const written = (key: string) => {
    const value = valueAt(ctx.plain, [...path, key]);
    return typeof value === 'string' ? value : undefined;
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return [
    field(ctx, {
      label: 'Request timeout',
      type: 'text',
      path: [...path, 'request'],
      placeholder: '15s',
      validate: (value) =>
        gatewayDurationField(value) ?? timeoutsProblem(text(value), written('backendRequest')),
      help: 'The whole request, retries included. 0s: none. Durations: 10s, 1m30s, 500ms.',
    }),
    field(ctx, {
      label: 'Backend request timeout',
      type: 'text',
      path: [...path, 'backendRequest'],
      placeholder: '5s',
      validate: (value) =>
        gatewayDurationField(value) ?? timeoutsProblem(written('request'), text(value)),
      help: 'Each attempt at a backend; not longer than the request timeout.',
    }),
  ];
}
