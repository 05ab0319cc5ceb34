import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import type { RouteKind } from '../model/gatewayRoutes.ts';
import { isModelled } from '../model/kinds.ts';
import { valueAt } from '../model/read.ts';
import {
  gatewayHostnameField,
  objectNameField,
  sectionNameField,
} from '../rules/gatewayApiFields.ts';
import { entries } from '../workspace/workspace.ts';
import { field, inputField, section } from './build.ts';
import type { FormContext } from './context.ts';
import { refEntries } from './gatewayApiParts.ts';
import { listGroup } from './groups.ts';
import { stringListGroup } from './stringList.ts';
import type { FormSection } from './types.ts';

/**
 * A Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute): the Gateways and listeners it
 * attaches to (`parentRefs`) and the hostnames it serves (TCPRoute has none). Its rules have
 * their own forms.
 */
export function gatewayRouteForm(ctx: FormContext, kind: RouteKind): FormSection[] {
  return [
    kind === 'TCPRoute'
      ? undefined
      : section('hostnames', 'Hostnames', [
          stringListGroup(ctx, ['spec', 'hostnames'], {
            title: 'Hostnames',
            noun: 'hostname',
            validate: gatewayHostnameField,
            placeholder: 'shop.example.com',
            help:
              kind === 'TLSRoute'
                ? 'SNI names this route serves; empty: every name the listener accepts.'
                : 'Host headers this route serves; empty: every hostname the listener accepts.',
          }),
        ]),
    section('parents', 'Attached to', [parentRefsGroup(ctx)]),
  ].filter((s): s is FormSection => s !== undefined);
}

function parentRefsGroup(ctx: FormContext) {
  const gateways = gatewayNames(ctx);
  return listGroup(ctx, {
    title: 'Parent Gateways',
    noun: 'parent Gateway',
    path: ['spec', 'parentRefs'],
    help: 'The Gateways (and listeners, by section name or port) this route attaches to.',
    item: (path, index, value) => {
      const section = valueAt(value, ['sectionName']);
      return {
        title: `Parent ${index + 1}: ${String(valueAt(value, ['name']) ?? '?')}${typeof section === 'string' ? ` / ${section}` : ''}`,
        entries: [
          ...refEntries(ctx, path, {
            what: `Parent ${index + 1}`,
            port: 'optional',
            namespaceHelp:
              'Empty: this route’s namespace. Another namespace’s listener must allow it.',
          }),
          field(ctx, {
            label: `Parent ${index + 1} listener (section name)`,
            type: 'text',
            path: [...path, 'sectionName'],
            validate: sectionNameField,
            placeholder: 'https',
            help: 'Empty: every listener of the Gateway that accepts the route.',
          }),
        ],
      };
    },
    addFields: [
      inputField('parentRefs#new-name', {
        label: 'New parent Gateway name',
        type: 'text',
        required: true,
        validate: objectNameField,
        ...(gateways[0] ? { value: gateways[0] } : {}),
      }),
    ],
    newItem: (values) => ({ value: { name: values['parentRefs#new-name'] } }),
  });
}

/** Gateway API Gateways of the route's namespace: the parent a new parentRef most likely names. */
function gatewayNames(ctx: FormContext): string[] {
  const out: string[] = [];
  for (const { object } of entries(ctx.workspace))
    if (
      isModelled(object) &&
      object.kind === K8S_GATEWAY &&
      object.metadata.namespace === ctx.namespace
    )
      out.push(object.metadata.name);
  return out;
}
