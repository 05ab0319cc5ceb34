import { valueAt } from '../model/read.ts';
import {
  abortStatusField,
  dnsLabelField,
  durationField,
  hostField,
  percentageField,
  portField,
  redirectCodeField,
  regexField,
  retryOnField,
} from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import { deleteAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { corsSection } from './corsForm.ts';
import { DERIVE_PORT, REDIRECT_SCHEMES, RETRY_ON } from './options.ts';
import type { FormSection } from './types.ts';
import { wholeNumber } from './validators.ts';
import { subsetOptions } from './workspaceOptions.ts';

/**
 * What an HTTP rule does besides routing: rewrite, redirect, direct response, delegate,
 * timeout and retries, fault injection, mirroring and CORS. Istio allows only one of route,
 * redirect, direct response and delegate; the checks say so when more are written.
 */
export function httpPolicySections(ctx: FormContext, rule: Path): FormSection[] {
  return [
    rewriteSection(ctx, rule),
    redirectSection(ctx, rule),
    directResponseSection(ctx, rule),
    delegateSection(ctx, rule),
    timeoutSection(ctx, rule),
    faultSection(ctx, rule),
    mirrorSection(ctx, rule),
    corsSection(ctx, rule),
  ];
}

function rewriteSection(ctx: FormContext, rule: Path): FormSection {
  const rewrite = [...rule, 'rewrite'];
  return section('rewrite', 'Rewrite', [
    field(ctx, {
      label: 'Rewrite URI',
      type: 'text',
      path: [...rewrite, 'uri'],
      placeholder: '/',
      help: 'Replaces the part of the path the URI match matched (the prefix).',
    }),
    field(ctx, {
      label: 'Rewrite URI regex',
      type: 'text',
      path: [...rewrite, 'uriRegexRewrite', 'match'],
      validate: regexField,
      placeholder: '^/api/(.*)',
    }),
    field(ctx, {
      label: 'Rewrite URI regex replacement',
      type: 'text',
      path: [...rewrite, 'uriRegexRewrite', 'rewrite'],
      placeholder: '/\\1',
    }),
    field(ctx, {
      label: 'Rewrite authority',
      type: 'text',
      path: [...rewrite, 'authority'],
      placeholder: 'backend.internal',
    }),
  ]);
}

function redirectSection(ctx: FormContext, rule: Path): FormSection {
  const redirect = [...rule, 'redirect'];
  return section(
    'redirect',
    'Redirect',
    [
      field(ctx, {
        label: 'Redirect URI',
        type: 'text',
        path: [...redirect, 'uri'],
        placeholder: '/new',
      }),
      field(ctx, {
        label: 'Redirect prefix rewrite',
        type: 'text',
        path: [...redirect, 'prefixRewrite'],
        placeholder: '/v2',
        help: 'Replaces only the matched prefix (needs a URI prefix match); not with a redirect URI.',
      }),
      field(ctx, {
        label: 'Redirect authority',
        type: 'text',
        path: [...redirect, 'authority'],
        placeholder: 'www.example.com',
      }),
      field(ctx, {
        label: 'Redirect port',
        type: 'number',
        path: [...redirect, 'port'],
        integer: true,
        validate: portField,
      }),
      field(ctx, {
        label: 'Redirect port from',
        type: 'select',
        path: [...redirect, 'derivePort'],
        options: DERIVE_PORT,
      }),
      field(ctx, {
        label: 'Redirect scheme',
        type: 'select',
        path: [...redirect, 'scheme'],
        options: REDIRECT_SCHEMES,
      }),
      field(ctx, {
        label: 'Redirect code',
        type: 'number',
        path: [...redirect, 'redirectCode'],
        integer: true,
        validate: redirectCodeField,
        placeholder: '301',
      }),
    ],
    'Answers with a redirect instead of routing: no destinations, rewrite or fault with it.',
  );
}

function directResponseSection(ctx: FormContext, rule: Path): FormSection {
  const response = [...rule, 'directResponse'];
  return section(
    'directResponse',
    'Direct response',
    [
      field(ctx, {
        label: 'Response status',
        type: 'number',
        path: [...response, 'status'],
        integer: true,
        validate: abortStatusField,
        placeholder: '503',
      }),
      field(ctx, {
        label: 'Response body',
        type: 'textarea',
        path: [...response, 'body', 'string'],
      }),
    ],
    'Answers from the gateway itself, instead of routing.',
  );
}

function delegateSection(ctx: FormContext, rule: Path): FormSection {
  const delegate = [...rule, 'delegate'];
  return section(
    'delegate',
    'Delegate',
    [
      field(ctx, { label: 'Delegate VirtualService', type: 'text', path: [...delegate, 'name'] }),
      field(ctx, {
        label: 'Delegate namespace',
        type: 'text',
        path: [...delegate, 'namespace'],
        validate: dnsLabelField,
        help: 'Empty: this VirtualService’s namespace.',
      }),
    ],
    'Hands the matched requests to the rules of another VirtualService (one with no hosts).',
  );
}

function timeoutSection(ctx: FormContext, rule: Path): FormSection {
  const retries = [...rule, 'retries'];
  const retryOn = [...retries, 'retryOn'];
  const written = valueAt(ctx.plain, retryOn);
  const tokens = typeof written === 'string' && written !== '' ? written.split(',') : undefined;
  return section('timeouts', 'Timeout and retries', [
    field(ctx, {
      label: 'Timeout',
      type: 'duration',
      path: [...rule, 'timeout'],
      validate: durationField,
      placeholder: '10s',
      help: 'For the whole request; none by default.',
    }),
    field(ctx, {
      label: 'Retry attempts',
      type: 'number',
      path: [...retries, 'attempts'],
      integer: true,
      validate: wholeNumber('Attempts', 0),
      placeholder: '2',
    }),
    field(ctx, {
      label: 'Per-try timeout',
      type: 'duration',
      path: [...retries, 'perTryTimeout'],
      validate: durationField,
      placeholder: '2s',
    }),
    field(ctx, {
      label: 'Retry on',
      type: 'multiselect',
      path: retryOn,
      value: tokens,
      options: RETRY_ON,
      validate: (value) => retryOnField(Array.isArray(value) ? value.join(',') : value),
      help: 'Istio’s default: connect-failure, refused-stream, unavailable, cancelled, retriable-status-codes.',
      // Istio writes the conditions as one comma-separated string.
      write: (target, value) => {
        const next = Array.isArray(value) ? value.join(',') : undefined;
        if (next === written) return [];
        if (next === undefined) return [deleteAt(target, clearPath(ctx.plain, retryOn))];
        return [{ type: 'setValue', target, path: retryOn, value: next }];
      },
    }),
  ]);
}

function faultSection(ctx: FormContext, rule: Path): FormSection {
  const fault = [...rule, 'fault'];
  return section(
    'fault',
    'Fault injection',
    [
      field(ctx, {
        label: 'Delay',
        type: 'duration',
        path: [...fault, 'delay', 'fixedDelay'],
        validate: durationField,
        placeholder: '5s',
      }),
      field(ctx, {
        label: 'Delayed requests (%)',
        type: 'percentage',
        path: [...fault, 'delay', 'percentage', 'value'],
        validate: percentageField,
      }),
      field(ctx, {
        label: 'Abort with HTTP status',
        type: 'number',
        path: [...fault, 'abort', 'httpStatus'],
        integer: true,
        validate: abortStatusField,
        placeholder: '503',
      }),
      field(ctx, {
        label: 'Aborted requests (%)',
        type: 'percentage',
        path: [...fault, 'abort', 'percentage', 'value'],
        validate: percentageField,
      }),
    ],
    'Timeouts and retries are not applied while faults are injected.',
  );
}

function mirrorSection(ctx: FormContext, rule: Path): FormSection {
  const mirror = [...rule, 'mirror'];
  return section(
    'mirror',
    'Mirror',
    [
      field(ctx, {
        label: 'Mirror host',
        type: 'text',
        path: [...mirror, 'host'],
        validate: hostField,
      }),
      field(ctx, {
        label: 'Mirror subset',
        type: 'select',
        path: [...mirror, 'subset'],
        options: subsetOptions(ctx, valueAt(ctx.plain, [...mirror, 'host'])),
      }),
      field(ctx, {
        label: 'Mirror port',
        type: 'number',
        path: [...mirror, 'port', 'number'],
        integer: true,
        validate: portField,
      }),
      field(ctx, {
        label: 'Mirrored requests (%)',
        type: 'percentage',
        path: [...rule, 'mirrorPercentage', 'value'],
        validate: percentageField,
        help: 'Empty: all requests are mirrored.',
      }),
    ],
    'Sends a copy of each request to another service; its answers are dropped.',
  );
}
