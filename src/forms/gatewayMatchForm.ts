import type { Command } from '../edit/command.ts';
import { valueAt } from '../model/read.ts';
import { pathMatchProblem } from '../rules/gatewayApi.ts';
import {
  gatewayHeaderNameField,
  grpcMethodField,
  grpcServiceField,
  headerMatchValueField,
  pathValueField,
  queryParamValueField,
} from '../rules/gatewayApiFields.ts';
import type { Path } from '../yaml/path.ts';
import { field } from './build.ts';
import { setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { pairListGroup } from './gatewayApiParts.ts';
import { listGroup } from './groups.ts';
import { GATEWAY_HTTP_METHODS, PATH_MATCH_CHOICES, VALUE_MATCH_TYPES } from './options.ts';
import type { FormEntry, FormGroup } from './types.ts';

/**
 * An HTTPRoute rule's `matches`: a request takes the rule when any one match holds (OR), and a
 * match holds when its path, method, headers and query parameters all do (AND). No match: every
 * request (`PathPrefix /`, the CRD's default).
 */
export function httpRouteMatchGroup(ctx: FormContext, rule: Path): FormGroup {
  return listGroup(ctx, {
    title: 'Matches',
    noun: 'match',
    path: [...rule, 'matches'],
    help: 'A request takes this rule when any one match holds (OR); in a match, every condition must hold (AND). No match: every request (PathPrefix /).',
    item: (path, index) => ({
      title: index === 0 ? 'Match 1' : `Match ${index + 1} (or)`,
      entries: httpMatchEntries(ctx, path),
    }),
    newItem: () => ({ value: { path: { type: 'PathPrefix', value: '/' } } }),
  });
}

function httpMatchEntries(ctx: FormContext, match: Path): FormEntry[] {
  const path = [...match, 'path'];
  const written = valueAt(ctx.plain, path);
  const type = valueAt(written, ['type']);
  const value = valueAt(written, ['value']);
  const currentType = typeof type === 'string' ? type : 'PathPrefix';
  return [
    field(ctx, {
      label: 'Path match type',
      type: 'select',
      path: [...path, 'type'],
      options: PATH_MATCH_CHOICES,
      required: true,
      // The CRD's default, shown as it applies: an unwritten type is PathPrefix.
      value: currentType,
      validate: (next) =>
        typeof next === 'string' && typeof value === 'string'
          ? pathMatchProblem(next, value)
          : undefined,
      write: (target, next): Command[] =>
        next === currentType
          ? []
          : [
              setAt(target, [...path, 'type'], next),
              ...(value === undefined ? [setAt(target, [...path, 'value'], '/')] : []),
            ],
    }),
    field(ctx, {
      label: 'Path',
      type: 'text',
      path: [...path, 'value'],
      placeholder: '/',
      validate: pathValueField(currentType),
      help:
        currentType === 'PathPrefix'
          ? 'Whole path segments: /api matches /api and /api/v1, not /apis. Empty: /.'
          : currentType === 'Exact'
            ? 'The whole path, exactly.'
            : 'An RE2 regular expression over the whole path.',
    }),
    field(ctx, {
      label: 'Method',
      type: 'select',
      path: [...match, 'method'],
      options: GATEWAY_HTTP_METHODS,
      help: 'Empty: any method.',
    }),
    pairListGroup(ctx, [...match, 'headers'], {
      title: 'Headers',
      noun: 'header match',
      what: 'Header',
      nameValidate: gatewayHeaderNameField,
      valueValidate: headerMatchValueField,
      types: VALUE_MATCH_TYPES,
      help: 'Header names match without case.',
    }),
    pairListGroup(ctx, [...match, 'queryParams'], {
      title: 'Query parameters',
      noun: 'query parameter match',
      what: 'Query parameter',
      nameValidate: gatewayHeaderNameField,
      valueValidate: queryParamValueField,
      types: VALUE_MATCH_TYPES,
    }),
  ];
}

/** A GRPCRoute rule's `matches`: the gRPC service and method, and headers. */
export function grpcRouteMatchGroup(ctx: FormContext, rule: Path): FormGroup {
  return listGroup(ctx, {
    title: 'Matches',
    noun: 'match',
    path: [...rule, 'matches'],
    help: 'A request takes this rule when any one match holds. No match: every request.',
    item: (path, index) => {
      const method = [...path, 'method'];
      const exact = valueAt(ctx.plain, [...method, 'type']) !== 'RegularExpression';
      return {
        title: index === 0 ? 'Match 1' : `Match ${index + 1} (or)`,
        entries: [
          field(ctx, {
            label: 'Method match type',
            type: 'select',
            path: [...method, 'type'],
            options: VALUE_MATCH_TYPES,
            help: 'Empty: Exact.',
          }),
          field(ctx, {
            label: 'Service',
            type: 'text',
            path: [...method, 'service'],
            placeholder: 'helloworld.Greeter',
            ...(exact ? { validate: grpcServiceField } : {}),
            help: 'Empty: any service.',
          }),
          field(ctx, {
            label: 'gRPC method',
            type: 'text',
            path: [...method, 'method'],
            placeholder: 'SayHello',
            ...(exact ? { validate: grpcMethodField } : {}),
            help: 'Empty: any method of the service.',
          }),
          pairListGroup(ctx, [...path, 'headers'], {
            title: 'Headers',
            noun: 'header match',
            what: 'Header',
            nameValidate: gatewayHeaderNameField,
            valueValidate: headerMatchValueField,
            types: VALUE_MATCH_TYPES,
          }),
        ],
      };
    },
    newItem: () => ({ value: { method: { service: 'helloworld.Greeter' } } }),
  });
}
