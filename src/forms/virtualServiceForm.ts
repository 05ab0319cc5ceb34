import { valueAt } from '../model/read.ts';
import { hostField } from '../rules/fields.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { stringListGroup } from './stringList.ts';
import type { FormSection } from './types.ts';
import { exportToField } from './validators.ts';
import { gatewayOptions } from './workspaceOptions.ts';

/** A VirtualService's own fields; its rules have forms of their own (select a rule row). */
export function virtualServiceForm(ctx: FormContext): FormSection[] {
  return [
    section(
      'virtualService',
      'VirtualService',
      [
        stringListGroup(ctx, ['spec', 'hosts'], {
          title: 'Hosts',
          noun: 'host',
          validate: hostField,
          placeholder: 'shop.example.com',
          help: 'The hosts these rules answer for. None: a delegate, used by another VirtualService’s rule.',
        }),
        field(ctx, {
          label: 'Gateways',
          type: 'multiselect',
          path: ['spec', 'gateways'],
          options: gatewayOptions(ctx, valueAt(ctx.plain, ['spec', 'gateways'])),
          help: 'None chosen: mesh only (the sidecars), not the ingress gateway.',
        }),
        field(ctx, {
          label: 'Export to',
          type: 'list',
          path: ['spec', 'exportTo'],
          validate: exportToField,
          placeholder: '., istio-system',
          help: 'Namespaces that see this VirtualService ("." this one, "*" all). Empty: all.',
        }),
      ],
      'Select a rule row on the graph to edit its matches and destinations.',
    ),
  ];
}
