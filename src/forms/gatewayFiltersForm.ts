import type { Command } from '../edit/command.ts';
import { valueAt } from '../model/read.ts';
import { routeFiltersProblem } from '../rules/gatewayApi.ts';
import {
  gatewayHeaderNameField,
  gatewayPortField,
  headerMatchValueField,
  mirrorPercentField,
  preciseHostnameField,
  redirectStatusField,
  replacePathField,
} from '../rules/gatewayApiFields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { pairListGroup, refEntries } from './gatewayApiParts.ts';
import { listGroup } from './groups.ts';
import {
  HTTP_FILTER_TYPES,
  PATH_MODIFIER_TYPES,
  REDIRECT_SCHEMES,
  REDIRECT_STATUS_CHOICES,
} from './options.ts';
import type { FormEntry, FormGroup } from './types.ts';

/** The field each filter type keeps its settings in (`type: URLRewrite` → `urlRewrite`). */
const SETTINGS: Readonly<Record<string, string>> = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  RequestMirror: 'requestMirror',
};

/**
 * A rule's `filters`, each edited by its type. A new filter is refused where the CRD's CEL rules
 * would refuse it (a repeated header modifier, a redirect with a rewrite or with backends).
 */
export function httpFiltersGroup(ctx: FormContext, rule: Path): FormGroup {
  const path = [...rule, 'filters'];
  const newType = `${formatPath(path)}#new-type`;
  const backends = valueAt(ctx.plain, [...rule, 'backendRefs']);
  const hasBackends = Array.isArray(backends) && backends.length > 0;
  return listGroup(ctx, {
    title: 'Filters',
    noun: 'filter',
    path,
    help: 'Applied in order to the requests this rule takes.',
    item: (itemPath, index, value) => {
      const type = valueAt(value, ['type']);
      return {
        title: `Filter ${index + 1}: ${String(type ?? '?')}`,
        entries: filterEntries(ctx, itemPath, typeof type === 'string' ? type : ''),
      };
    },
    addFields: [
      inputField(newType, {
        label: 'New filter type',
        type: 'select',
        options: HTTP_FILTER_TYPES,
        required: true,
        value: 'RequestHeaderModifier',
      }),
    ],
    newItem: (values, items) => {
      const type = String(values[newType]);
      const types = [...items.map((item) => String(valueAt(item, ['type']))), type];
      const problem = routeFiltersProblem(types, hasBackends);
      if (problem) return problem;
      return { value: newFilter(type, backends) };
    },
  });
}

/**
 * A filter as it is first written: the settings its type requires (a redirect to https with
 * 301, a mirror of the rule's first backend), else an empty map to fill in.
 */
function newFilter(type: string, backends: unknown): Record<string, unknown> {
  const key = SETTINGS[type] ?? '';
  if (type === 'RequestRedirect')
    return { type, requestRedirect: { scheme: 'https', statusCode: 301 } };
  if (type === 'RequestMirror') {
    const first = Array.isArray(backends) ? backends[0] : undefined;
    const name = valueAt(first, ['name']);
    const port = valueAt(first, ['port']);
    return {
      type,
      requestMirror: {
        backendRef: {
          name: typeof name === 'string' ? `${name}-mirror` : 'mirror',
          ...(typeof port === 'number' ? { port } : {}),
        },
      },
    };
  }
  return { type, [key]: {} };
}

function filterEntries(ctx: FormContext, path: Path, type: string): (FormEntry | undefined)[] {
  const settings = [...path, SETTINGS[type] ?? ''];
  switch (type) {
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier':
      return headerModifierEntries(
        ctx,
        settings,
        type === 'RequestHeaderModifier' ? 'request' : 'response',
      );
    case 'RequestRedirect':
      return [
        field(ctx, {
          label: 'Redirect scheme',
          type: 'select',
          path: [...settings, 'scheme'],
          options: REDIRECT_SCHEMES,
          help: 'Empty: the request’s scheme.',
        }),
        field(ctx, {
          label: 'Redirect hostname',
          type: 'text',
          path: [...settings, 'hostname'],
          validate: preciseHostnameField,
          help: 'Empty: the request’s Host.',
        }),
        field(ctx, {
          label: 'Redirect port',
          type: 'number',
          path: [...settings, 'port'],
          integer: true,
          validate: gatewayPortField,
          help: 'Empty: the scheme’s well-known port when the scheme is set, else the listener’s port.',
        }),
        field(ctx, {
          label: 'Redirect status',
          type: 'select',
          path: [...settings, 'statusCode'],
          options: REDIRECT_STATUS_CHOICES,
          validate: redirectStatusField,
          // The enum is of numbers: the select's text is written back as one.
          write: (target, value) =>
            value === undefined
              ? valueAt(ctx.plain, [...settings, 'statusCode']) === undefined
                ? []
                : [deleteAt(target, [...settings, 'statusCode'])]
              : Number(value) === valueAt(ctx.plain, [...settings, 'statusCode'])
                ? []
                : [setAt(target, [...settings, 'statusCode'], Number(value))],
          help: 'Empty: 302.',
        }),
        ...pathModifierEntries(ctx, [...settings, 'path'], 'Redirect'),
      ];
    case 'URLRewrite':
      return [
        field(ctx, {
          label: 'Rewrite hostname',
          type: 'text',
          path: [...settings, 'hostname'],
          validate: preciseHostnameField,
          help: 'The Host header the backend receives.',
        }),
        ...pathModifierEntries(ctx, [...settings, 'path'], 'Rewrite'),
      ];
    case 'RequestMirror':
      return [
        ...refEntries(ctx, [...settings, 'backendRef'], { what: 'Mirror', port: 'required' }),
        field(ctx, {
          label: 'Mirror percent',
          type: 'number',
          path: [...settings, 'percent'],
          integer: true,
          validate: mirrorPercentField,
          help: 'Share of requests copied (their answers are dropped). Empty: all.',
        }),
      ];
    default:
      return [];
  }
}

function headerModifierEntries(
  ctx: FormContext,
  path: Path,
  side: 'request' | 'response',
): FormEntry[] {
  return [
    pairListGroup(ctx, [...path, 'set'], {
      title: 'Set (overwrite)',
      noun: `${side} header to set`,
      what: `Set ${side} header`,
      nameValidate: gatewayHeaderNameField,
      valueValidate: headerMatchValueField,
    }),
    pairListGroup(ctx, [...path, 'add'], {
      title: 'Add (append)',
      noun: `${side} header to add`,
      what: `Add ${side} header`,
      nameValidate: gatewayHeaderNameField,
      valueValidate: headerMatchValueField,
    }),
    field(ctx, {
      label: `Remove ${side} headers`,
      type: 'list',
      path: [...path, 'remove'],
      placeholder: 'x-internal, x-debug',
      validate: gatewayHeaderNameField,
    }),
  ];
}

/** Where each path modifier type keeps its value. */
const MODIFIER_VALUE: Readonly<Record<string, string>> = {
  ReplaceFullPath: 'replaceFullPath',
  ReplacePrefixMatch: 'replacePrefixMatch',
};

/**
 * A redirect's or rewrite's `path`: its type, and the value under the field the type names.
 * Changing the type moves the value to the other field (the CEL rules want exactly the one the
 * type names), in one step.
 */
function pathModifierEntries(ctx: FormContext, path: Path, what: string): FormEntry[] {
  const type = valueAt(ctx.plain, [...path, 'type']);
  const key = typeof type === 'string' ? MODIFIER_VALUE[type] : undefined;
  const current = key === undefined ? undefined : valueAt(ctx.plain, [...path, key]);
  const typeField = field(ctx, {
    label: `${what} path type`,
    type: 'select',
    path: [...path, 'type'],
    options: PATH_MODIFIER_TYPES,
    help: 'ReplacePrefixMatch replaces the matched PathPrefix (the rule needs exactly one PathPrefix match). Empty: the path is kept.',
    write: (target, next): Command[] => {
      if (next === type) return [];
      if (next === undefined) return [deleteAt(target, path)];
      const nextKey = MODIFIER_VALUE[String(next)] ?? '';
      return [
        ...(key !== undefined && current !== undefined ? [deleteAt(target, [...path, key])] : []),
        setAt(target, [...path, 'type'], next),
        setAt(target, [...path, nextKey], typeof current === 'string' ? current : '/'),
      ];
    },
  });
  if (key === undefined) return [typeField];
  return [
    typeField,
    field(ctx, {
      label: `${what} path`,
      type: 'text',
      path: [...path, key],
      required: true,
      validate: replacePathField,
      placeholder: '/',
    }),
  ];
}
