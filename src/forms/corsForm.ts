import { isRecord } from '../model/read.ts';
import { durationField } from '../rules/fields.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { HTTP_METHODS } from './options.ts';
import { stringMatchFields } from './stringMatch.ts';
import type { FormSection } from './types.ts';
import { corsHeaderField } from './validators.ts';

/** A rule's CORS policy: the origins (string matches), methods and headers it allows. */
export function corsSection(ctx: FormContext, rule: Path): FormSection {
  const cors = [...rule, 'corsPolicy'];
  return section('cors', 'CORS policy', [
    listGroup(ctx, {
      title: 'Allowed origins',
      noun: 'allowed origin',
      path: [...cors, 'allowOrigins'],
      item: (path, index, value) => ({
        title: `Origin ${index + 1}${isRecord(value) ? `: ${Object.values(value).join('')}` : ''}`,
        entries: stringMatchFields(ctx, path, {
          what: `Origin ${index + 1}`,
          defaultKind: 'exact',
          required: true,
        }),
      }),
      addFields: [
        inputField(`${formatPath(cors)}#new-origin`, {
          label: 'New allowed origin',
          type: 'text',
          required: true,
          placeholder: 'https://shop.example.com',
        }),
      ],
      newItem: (values) => ({ value: { exact: values[`${formatPath(cors)}#new-origin`] } }),
    }),
    field(ctx, {
      label: 'Allowed methods',
      type: 'multiselect',
      path: [...cors, 'allowMethods'],
      options: HTTP_METHODS,
    }),
    field(ctx, {
      label: 'Allowed headers',
      type: 'list',
      path: [...cors, 'allowHeaders'],
      validate: corsHeaderField,
      placeholder: 'content-type, authorization',
    }),
    field(ctx, {
      label: 'Exposed headers',
      type: 'list',
      path: [...cors, 'exposeHeaders'],
      validate: corsHeaderField,
    }),
    field(ctx, {
      label: 'Max age',
      type: 'duration',
      path: [...cors, 'maxAge'],
      validate: durationField,
      placeholder: '24h',
    }),
    field(ctx, {
      label: 'Allow credentials',
      type: 'boolean',
      path: [...cors, 'allowCredentials'],
    }),
  ]);
}
