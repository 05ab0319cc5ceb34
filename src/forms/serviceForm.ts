import type { Command } from '../edit/command.ts';
import { valueAt } from '../model/read.ts';
import { portField } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import { setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { SERVICE_PORT_PROTOCOLS, SERVICE_TYPES } from './options.ts';
import { labelGroup, stringMapGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';
import { intOrPercent, wholeNumber } from './validators.ts';

/**
 * Cloud annotations that make a LoadBalancer Service's load balancer internal or of another
 * kind, as each provider documents them.
 */
export const LOAD_BALANCER_PRESETS: readonly {
  readonly label: string;
  readonly key: string;
  readonly value: string;
}[] = [
  {
    label: 'Azure internal load balancer',
    key: 'service.beta.kubernetes.io/azure-load-balancer-internal',
    value: 'true',
  },
  {
    label: 'AWS Network Load Balancer',
    key: 'service.beta.kubernetes.io/aws-load-balancer-type',
    value: 'nlb',
  },
  {
    label: 'GCP internal load balancer',
    key: 'networking.gke.io/load-balancer-type',
    value: 'Internal',
  },
];

/** A Kubernetes Service: type, ports, selector and annotations (with cloud presets). */
export function serviceForm(ctx: FormContext): FormSection[] {
  const annotations: Path = ['metadata', 'annotations'];
  const presets = LOAD_BALANCER_PRESETS.filter(
    (p) => valueAt(ctx.plain, [...annotations, p.key]) !== p.value,
  ).map((p) => ({
    label: p.label,
    command: setAt(ctx.target, [...annotations, p.key], p.value) as Command,
  }));
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
    ]),
    section('ports', 'Ports', [portsGroup(ctx)]),
    section('annotations', 'Annotations', [
      stringMapGroup(ctx, annotations, {
        title: 'Annotations',
        noun: 'annotation',
        what: 'Annotation',
        presets,
        help: 'Cloud providers read these to configure the load balancer.',
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
