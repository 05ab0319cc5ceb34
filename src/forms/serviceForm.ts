import type { Command } from '../edit/command.ts';
import { balancedPorts, CLOUD_PRESETS, STATUS_PORT } from '../model/cloudLoadBalancers.ts';
import { isRecord, valueAt } from '../model/read.ts';

import { portField } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { choices, field, inputField, section } from './build.ts';
import { combine, setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { SERVICE_PORT_PROTOCOLS, SERVICE_TYPES } from './options.ts';
import { labelGroup, stringMapGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';
import { intOrPercent, wholeNumber } from './validators.ts';

const ANNOTATIONS: Path = ['metadata', 'annotations'];

/**
 * The cloud presets a LoadBalancer Service's annotations group offers (model/cloudLoadBalancers.ts),
 * each one command: every annotation the preset writes and, for Azure's probes, the status port
 * they name. A preset already in place is not offered.
 */
function cloudPresets(ctx: FormContext): { label: string; command: Command }[] {
  const annotations = valueAt(ctx.plain, ANNOTATIONS);
  const written = isRecord(annotations) ? annotations : {};
  const ports = valueAt(ctx.plain, ['spec', 'ports']);
  const list = Array.isArray(ports) ? ports : [];
  const numbers = balancedPorts(ctx.plain);
  const hasStatus = list.some((p) => valueAt(p, ['port']) === STATUS_PORT.port);
  const out: { label: string; command: Command }[] = [];
  for (const preset of Object.values(CLOUD_PRESETS)) {
    if (!preset) continue;
    const wanted = preset.annotations({ ports: numbers, publicIpName: '' });
    const missing = wanted.filter(([key, value]) => written[key] !== value);
    if (missing.length === 0 && (!preset.statusPort || hasStatus)) continue;
    const commands = missing.map(([key, value]) => setAt(ctx.target, [...ANNOTATIONS, key], value));
    if (preset.statusPort && !hasStatus)
      commands.push(
        list.length === 0
          ? setAt(ctx.target, ['spec', 'ports'], [{ ...STATUS_PORT }])
          : {
              type: 'insertItem',
              target: ctx.target,
              path: ['spec', 'ports'],
              index: list.length,
              value: { ...STATUS_PORT },
            },
      );
    out.push({ label: preset.label, command: combine(commands) as Command });
  }
  return out;
}

/** A Kubernetes Service: type, ports, selector and annotations (with cloud presets). */
export function serviceForm(ctx: FormContext): FormSection[] {
  return [
    section('service', 'Service', [
      field(ctx, {
        label: 'Service type',
        type: 'select',
        path: ['spec', 'type'],
        options: SERVICE_TYPES,
        help: 'LoadBalancer gives the gateway an external address; empty is ClusterIP.',
      }),
      labelGroup(ctx, ['spec', 'selector'], 'Selector', 'The pods this Service sends traffic to.'),
      field(ctx, {
        label: 'External traffic policy',
        type: 'select',
        path: ['spec', 'externalTrafficPolicy'],
        options: choices(['Cluster', 'Local']),
        placeholder: 'Cluster',
        help: 'Local keeps the client’s IP (no hop between nodes) and sends only to nodes running a selected pod; Kubernetes then allocates spec.healthCheckNodePort, which the cloud load balancer probes.',
      }),
    ]),
    section('ports', 'Ports', [portsGroup(ctx)]),
    section('annotations', 'Annotations', [
      stringMapGroup(ctx, ANNOTATIONS, {
        title: 'Annotations',
        noun: 'annotation',
        what: 'Annotation',
        presets: cloudPresets(ctx),
        help: 'Cloud providers read these to configure the load balancer; a preset writes what its cloud documents (an Azure public IP is named by adding service.beta.kubernetes.io/azure-pip-name).',
      }),
    ]),
  ];
}

function portsGroup(ctx: FormContext) {
  const nameId = 'ports#new-name';
  const portId = 'ports#new-port';
  return listGroup(ctx, {
    title: 'Ports',
    noun: 'port',
    path: ['spec', 'ports'],
    help: 'Name ports by protocol (http, https, grpc…): Istio reads the protocol from the name.',
    item: (path, index, value) => ({
      title: `Port ${String(valueAt(value, ['name']) ?? index + 1)}`,
      entries: [
        field(ctx, {
          label: 'Port name',
          type: 'text',
          path: [...path, 'name'],
          placeholder: 'http',
        }),
        field(ctx, {
          label: 'Port',
          type: 'number',
          path: [...path, 'port'],
          integer: true,
          required: true,
          validate: portField,
        }),
        field(ctx, {
          label: 'Target port',
          type: 'text',
          path: [...path, 'targetPort'],
          placeholder: '8080 or a container port name',
          // A number is a port number; anything else names a container port.
          write: (target, value) => {
            const next = intOrPercent(value);
            const written = valueAt(ctx.plain, [...path, 'targetPort']);
            if (next === written) return [];
            return next === undefined
              ? [{ type: 'deleteValue', target, path: [...path, 'targetPort'] }]
              : [setAt(target, [...path, 'targetPort'], next)];
          },
        }),
        field(ctx, {
          label: 'Node port',
          type: 'number',
          path: [...path, 'nodePort'],
          integer: true,
          validate: wholeNumber('Node port', 30000, 32767),
        }),
        field(ctx, {
          label: 'Port protocol',
          type: 'select',
          path: [...path, 'protocol'],
          options: SERVICE_PORT_PROTOCOLS,
        }),
      ],
    }),
    addFields: [
      inputField(nameId, {
        label: 'New port name',
        type: 'text',
        required: true,
        placeholder: 'https',
      }),
      inputField(portId, {
        label: 'New port number',
        type: 'number',
        integer: true,
        required: true,
        validate: portField,
      }),
    ],
    newItem: (values) => ({
      value: { name: values[nameId], port: values[portId], targetPort: values[portId] },
    }),
  });
}
