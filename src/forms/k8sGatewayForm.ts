import { isModelled } from '../model/kinds.ts';
import { valueAt } from '../model/read.ts';
import { gatewayPortField, objectNameField } from '../rules/gatewayApiFields.ts';
import { entries } from '../workspace/workspace.ts';
import { choices, field, inputField, section } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { listenerFields, newCertificateName } from './listenerForm.ts';
import { ADDRESS_TYPES, LISTENER_PROTOCOLS } from './options.ts';
import type { FormSection } from './types.ts';

/**
 * A Gateway API `Gateway`: its class, addresses and listeners (each listener's routes, TLS and
 * allowed routes are in the listener's own form).
 */
export function k8sGatewayForm(ctx: FormContext): FormSection[] {
  return [
    section('gateway', 'Gateway', [
      field(ctx, {
        label: 'Gateway class',
        type: 'select',
        path: ['spec', 'gatewayClassName'],
        required: true,
        validate: objectNameField,
        options: choices(classNames(ctx)),
        help: 'istio: Istio deploys a gateway for it. A GatewayClass of the workspace may name another controller.',
      }),
      listGroup(ctx, {
        title: 'Addresses',
        noun: 'address',
        path: ['spec', 'addresses'],
        help: 'With Istio, a Hostname address naming an existing Service uses that Service instead of deploying one.',
        item: (path, index, value) => ({
          title: `Address ${index + 1}: ${String(valueAt(value, ['value']) ?? '?')}`,
          entries: [
            field(ctx, {
              label: `Address ${index + 1} type`,
              type: 'select',
              path: [...path, 'type'],
              options: ADDRESS_TYPES,
              help: 'Empty: IPAddress.',
            }),
            field(ctx, {
              label: `Address ${index + 1} value`,
              type: 'text',
              path: [...path, 'value'],
              required: true,
            }),
          ],
        }),
        addFields: [
          inputField('addresses#new-value', {
            label: 'New address value',
            type: 'text',
            required: true,
            placeholder: 'ingress.istio-system.svc.cluster.local',
          }),
        ],
        newItem: (values) => {
          const value = String(values['addresses#new-value']);
          // An IP is the default type; anything else names a host (Istio's manual deployment).
          return {
            value: /^[0-9.:a-fA-F]+$/.test(value) ? { value } : { type: 'Hostname', value },
          };
        },
      }),
    ]),
    section('listeners', 'Listeners', [listenersGroup(ctx)]),
  ];
}

function listenersGroup(ctx: FormContext) {
  const raw = valueAt(ctx.plain, ['spec', 'listeners']);
  const listeners = Array.isArray(raw) ? raw : [];
  const hasHttps = listeners.some((l) => valueAt(l, ['protocol']) === 'HTTPS');
  return listGroup(ctx, {
    title: 'Listeners',
    noun: 'listener',
    path: ['spec', 'listeners'],
    keepLast: true,
    item: (path, index, value) => ({
      title:
        `Listener ${index + 1}: ${String(valueAt(value, ['name']) ?? '?')} ${String(valueAt(value, ['port']) ?? '')} ${String(valueAt(value, ['protocol']) ?? '')}`.trim(),
      entries: listenerFields(ctx, path),
    }),
    addFields: [
      inputField('listeners#new-protocol', {
        label: 'New listener protocol',
        type: 'select',
        options: LISTENER_PROTOCOLS,
        required: true,
        value: hasHttps ? 'HTTP' : 'HTTPS',
      }),
      inputField('listeners#new-port', {
        label: 'New listener port',
        type: 'number',
        integer: true,
        required: true,
        validate: gatewayPortField,
        value: hasHttps ? 80 : 443,
      }),
    ],
    newItem: (values, items) =>
      newListener(
        ctx,
        String(values['listeners#new-protocol']),
        values['listeners#new-port'] as number,
        items,
      ),
  });
}

/**
 * A listener as an expert writes one: named after its protocol (unique), the first listener's
 * hostname on HTTP-like protocols, and for HTTPS a certificate named after the Gateway (TLS:
 * passthrough). A port, protocol and hostname another listener has is refused (CEL rule).
 */
function newListener(
  ctx: FormContext,
  protocol: string,
  port: number,
  listeners: readonly unknown[],
): { value: Record<string, unknown> } | string {
  const names = listeners.map((l) => valueAt(l, ['name']));
  const base = protocol.toLowerCase();
  const name = names.includes(base) ? `${base}-${port}` : base;
  const hostname = valueAt(listeners[0], ['hostname']);
  const listener: Record<string, unknown> = { name, port, protocol };
  if (typeof hostname === 'string' && protocol !== 'TCP' && protocol !== 'UDP')
    listener.hostname = hostname;
  if (protocol === 'HTTPS')
    listener.tls = { mode: 'Terminate', certificateRefs: [{ name: newCertificateName(ctx, 0) }] };
  if (protocol === 'TLS') listener.tls = { mode: 'Passthrough' };
  const clash = listeners.some(
    (l) =>
      valueAt(l, ['port']) === port &&
      valueAt(l, ['protocol']) === protocol &&
      valueAt(l, ['hostname']) === listener.hostname,
  );
  if (clash)
    return `There is already a ${protocol} listener on port ${port} for this hostname: port, protocol and hostname must be unique`;
  return { value: listener };
}

/** The GatewayClasses of the workspace, and `istio`, which Istio always provides. */
function classNames(ctx: FormContext): string[] {
  const out = ['istio'];
  for (const { object } of entries(ctx.workspace))
    if (isModelled(object) && object.kind === 'GatewayClass' && !out.includes(object.metadata.name))
      out.push(object.metadata.name);
  return out;
}
