import { valueAt } from '../model/read.ts';
import {
  gatewayNamespaceField,
  groupField,
  kindField,
  objectNameField,
} from '../rules/gatewayApiFields.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import type { FormSection } from './types.ts';

/**
 * A `ReferenceGrant`: which resources of other namespaces (`from`) may refer to which
 * resources of its own (`to`), such as HTTPRoutes of `web` to Services here.
 */
export function referenceGrantForm(ctx: FormContext): FormSection[] {
  return [
    section('from', 'From', [
      listGroup(ctx, {
        title: 'Referring resources',
        noun: 'source',
        path: ['spec', 'from'],
        keepLast: true,
        help: 'Kinds in other namespaces that may refer to this namespace.',
        item: (path, index, value) => ({
          title: `From ${index + 1}: ${String(valueAt(value, ['kind']) ?? '?')} in ${String(valueAt(value, ['namespace']) ?? '?')}`,
          entries: [
            field(ctx, {
              label: `From ${index + 1} group`,
              type: 'text',
              path: [...path, 'group'],
              validate: groupField,
              help: 'gateway.networking.k8s.io for routes and Gateways.',
            }),
            field(ctx, {
              label: `From ${index + 1} kind`,
              type: 'text',
              path: [...path, 'kind'],
              required: true,
              validate: kindField,
            }),
            field(ctx, {
              label: `From ${index + 1} namespace`,
              type: 'text',
              path: [...path, 'namespace'],
              required: true,
              validate: gatewayNamespaceField,
            }),
          ],
        }),
        newItem: () => ({
          value: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' },
        }),
      }),
    ]),
    section('to', 'To', [
      listGroup(ctx, {
        title: 'Referred resources',
        noun: 'target',
        path: ['spec', 'to'],
        keepLast: true,
        help: 'Kinds of this namespace they may refer to; a name narrows it to one resource.',
        item: (path, index, value) => ({
          title: `To ${index + 1}: ${String(valueAt(value, ['kind']) ?? '?')}${typeof valueAt(value, ['name']) === 'string' ? ` ${String(valueAt(value, ['name']))}` : ''}`,
          entries: [
            field(ctx, {
              label: `To ${index + 1} group`,
              type: 'text',
              path: [...path, 'group'],
              validate: groupField,
              help: 'Empty: the core group (Service, Secret).',
            }),
            field(ctx, {
              label: `To ${index + 1} kind`,
              type: 'text',
              path: [...path, 'kind'],
              required: true,
              validate: kindField,
            }),
            field(ctx, {
              label: `To ${index + 1} name`,
              type: 'text',
              path: [...path, 'name'],
              validate: objectNameField,
              help: 'Empty: every resource of the kind.',
            }),
          ],
        }),
        newItem: () => ({ value: { group: '', kind: 'Service' } }),
      }),
    ]),
  ];
}
