import type { Command, DocTarget } from '../edit/command.ts';
import { renameNode } from '../edit/gestures/rename.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { listenerNodeId } from '../graph/ids.ts';
import { sameValue, valueAt } from '../model/read.ts';
import type { FieldValidator } from '../rules/fields.ts';
import { listenerProtocolProblem } from '../rules/gatewayApi.ts';
import {
  gatewayHostnameField,
  gatewayPortField,
  sectionNameField,
} from '../rules/gatewayApiFields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import { deleteAt, listCommands, setAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { refEntries } from './gatewayApiParts.ts';
import { listGroup } from './groups.ts';
import {
  LISTENER_PROTOCOLS,
  LISTENER_TLS_MODES,
  ROUTE_KIND_CHOICES,
  ROUTE_NAMESPACES_FROM,
} from './options.ts';
import { labelGroup } from './stringMap.ts';
import type { FormEntry, FormField, FormSection } from './types.ts';

/** One listener of a Gateway API Gateway: where it listens and which routes may attach. */
export function listenerForm(ctx: FormContext, index: number): FormSection[] {
  const path: Path = ['spec', 'listeners', index];
  const listener = valueAt(ctx.plain, path);
  const tls: Path = [...path, 'tls'];
  const allowed: Path = [...path, 'allowedRoutes'];
  const from = valueAt(ctx.plain, [...allowed, 'namespaces', 'from']);
  const selector = valueAt(ctx.plain, [...allowed, 'namespaces', 'selector']);
  return [
    section('listener', 'Listener', listenerFields(ctx, path)),
    section(`${formatPath(tls)}#tls`, 'TLS', [
      field(ctx, {
        label: 'TLS mode',
        type: 'select',
        path: [...tls, 'mode'],
        options: LISTENER_TLS_MODES,
        validate: (mode) =>
          listenerProtocolProblem(
            protocolOf(listener),
            { mode: typeof mode === 'string' ? mode : '' },
            undefined,
          ),
        help: 'Terminate: the gateway decrypts with the certificates below. Passthrough: TLSRoutes pick a backend by SNI.',
      }),
      listGroup(ctx, {
        title: 'Certificates',
        noun: 'certificate',
        path: [...tls, 'certificateRefs'],
        help: 'Secrets (kubernetes.io/tls) with the certificate and key; another namespace needs a ReferenceGrant.',
        item: (itemPath, i, value) => ({
          title: `Certificate ${i + 1}: ${String(valueAt(value, ['name']) ?? '?')}`,
          entries: refEntries(ctx, itemPath, { what: `Certificate ${i + 1}` }),
        }),
        newItem: (_values, items) => ({ value: { name: newCertificateName(ctx, items.length) } }),
      }),
    ]),
    section(`${formatPath(allowed)}#allowed`, 'Allowed routes', [
      field(ctx, {
        label: 'Routes from namespaces',
        type: 'select',
        path: [...allowed, 'namespaces', 'from'],
        options: ROUTE_NAMESPACES_FROM,
        help: 'Empty: Same (only routes of the Gateway’s namespace).',
      }),
      from === 'Selector' || selector !== undefined
        ? labelGroup(
            ctx,
            [...allowed, 'namespaces', 'selector', 'matchLabels'],
            'Namespace labels',
            'With Selector: routes of namespaces carrying all these labels.',
          )
        : undefined,
      kindsField(ctx, [...allowed, 'kinds']),
    ]),
  ];
}

/** The fields a listener shows both in its own form and in its Gateway's list of listeners. */
/**
 * The rename gesture's command: the listener's name and every parentRef naming it by
 * `sectionName`, as one undo step, so no route is left attached to a listener that is gone.
 */
function renamedWithRoutes(ctx: FormContext, index: unknown, name: string): Command | undefined {
  if (typeof index !== 'number') return undefined;
  const graph = deriveGraph(ctx.workspace);
  const renamed = renameNode(ctx.workspace, graph, listenerNodeId(ctx.target, index), name);
  return renamed.ok ? renamed.value.command : undefined;
}

export function listenerFields(ctx: FormContext, path: Path): FormEntry[] {
  const listener = valueAt(ctx.plain, path);
  const index = path[path.length - 1];
  const others = listenersOf(ctx).filter((_, i) => i !== index);
  const protocol = protocolOf(listener);
  return [
    field(ctx, {
      label: 'Listener name',
      type: 'text',
      path: [...path, 'name'],
      required: true,
      commitOnBlur: true,
      validate: uniqueName(others),
      help: 'Routes name it in parentRefs (sectionName): renaming it renames those too.',
      write: (target, value) =>
        typeof value !== 'string' || value === valueAt(listener, ['name'])
          ? []
          : [renamedWithRoutes(ctx, index, value) ?? setAt(target, [...path, 'name'], value)],
    }),
    field(ctx, {
      label: 'Port',
      type: 'number',
      path: [...path, 'port'],
      integer: true,
      required: true,
      validate: gatewayPortField,
    }),
    field(ctx, {
      label: 'Protocol',
      type: 'select',
      path: [...path, 'protocol'],
      options: LISTENER_PROTOCOLS,
      required: true,
      write: (target, value) => protocolWrite(ctx, target, path, value),
    }),
    field(ctx, {
      label: 'Hostname',
      type: 'text',
      path: [...path, 'hostname'],
      placeholder: '*.example.com',
      validate: (value) =>
        gatewayHostnameField(value) ??
        (typeof value === 'string' && value !== ''
          ? listenerProtocolProblem(protocol, undefined, value)
          : undefined),
      help: 'Empty: every hostname. Routes attach when their hostnames intersect this one.',
    }),
  ];
}

function listenersOf(ctx: FormContext): unknown[] {
  const listeners = valueAt(ctx.plain, ['spec', 'listeners']);
  return Array.isArray(listeners) ? listeners : [];
}

function protocolOf(listener: unknown): string {
  const protocol = valueAt(listener, ['protocol']);
  return typeof protocol === 'string' ? protocol : '';
}

function uniqueName(others: readonly unknown[]): FieldValidator {
  return (value) => {
    if (typeof value === 'string' && others.some((l) => valueAt(l, ['name']) === value))
      return `There is already a listener ${value}: names are unique within a Gateway`;
    return sectionNameField(value);
  };
}

/**
 * A new protocol brings the TLS settings it needs and drops those it forbids (the Gateway's CEL
 * rules): HTTP, TCP and UDP have no `tls`, TCP and UDP no hostname; HTTPS terminates with a
 * certificate named after the Gateway, TLS passes through. One undo step.
 */
function protocolWrite(ctx: FormContext, target: DocTarget, path: Path, value: unknown): Command[] {
  const listener = valueAt(ctx.plain, path);
  const before = protocolOf(listener);
  if (typeof value !== 'string' || value === before) return [];
  const out: Command[] = [setAt(target, [...path, 'protocol'], value)];
  const tls = valueAt(listener, ['tls']);
  if (['HTTP', 'TCP', 'UDP'].includes(value) && tls !== undefined)
    out.push(deleteAt(target, [...path, 'tls']));
  if ((value === 'TCP' || value === 'UDP') && valueAt(listener, ['hostname']) !== undefined)
    out.push(deleteAt(target, [...path, 'hostname']));
  const mode = valueAt(tls, ['mode']);
  if (value === 'HTTPS' && (tls === undefined || (mode !== undefined && mode !== 'Terminate')))
    out.push(
      setAt(target, [...path, 'tls'], {
        mode: 'Terminate',
        certificateRefs: [{ name: newCertificateName(ctx, 0) }],
      }),
    );
  if (value === 'TLS' && mode === undefined)
    out.push(setAt(target, [...path, 'tls', 'mode'], 'Passthrough'));
  return out;
}

/** `<gateway>-credential`, as Istio's samples name a Gateway's certificate Secret. */
export function newCertificateName(ctx: FormContext, count: number): string {
  const name = String(valueAt(ctx.plain, ['metadata', 'name']) ?? 'gateway');
  return count === 0 ? `${name}-credential` : `${name}-credential-${count + 1}`;
}

/**
 * `allowedRoutes.kinds` as one multi-select of route kinds. The list holds `{group, kind}`
 * objects: a kind still chosen keeps its written item, a new one is `{kind}` (the group
 * defaults to gateway.networking.k8s.io), so choosing one more kind adds one item.
 */
function kindsField(ctx: FormContext, path: Path): FormField {
  const raw = valueAt(ctx.plain, path);
  const written = Array.isArray(raw) ? raw : [];
  const kinds = written.map((item) => valueAt(item, ['kind'])).filter((k) => typeof k === 'string');
  return field(ctx, {
    label: 'Route kinds',
    type: 'multiselect',
    path,
    value: kinds.length > 0 ? kinds : undefined,
    options: ROUTE_KIND_CHOICES,
    help: 'None chosen: the kinds the protocol carries (HTTPRoute on HTTP and HTTPS, TLSRoute on TLS, TCPRoute on TCP).',
    write: (target, value) => {
      const chosen = Array.isArray(value) ? value : [];
      const after = [
        ...written.filter((item) => chosen.includes(valueAt(item, ['kind']))),
        ...chosen
          .filter((kind) => !kinds.includes(kind))
          .map((kind) => ({ kind }) as Record<string, unknown>),
      ];
      if (sameValue(after, written)) return [];
      return listCommands(target, path, raw, after, clearPath(ctx.plain, path));
    },
  });
}
