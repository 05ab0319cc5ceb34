import { formatPath, type Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { stringMapGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';
import {
  headerOperationNameField,
  headerValueField,
  requestHeaderNameField,
} from './validators.ts';

/**
 * Istio `Headers` of a rule: for requests and responses, headers to `set` (overwrite), `add`
 * (append) and `remove`.
 */
export function headerOperationSections(ctx: FormContext, path: Path): FormSection[] {
  return (['request', 'response'] as const).map((side) => {
    const base = [...path, side];
    const title = side === 'request' ? 'Request headers' : 'Response headers';
    const nameCheck = side === 'request' ? requestHeaderNameField : headerOperationNameField;
    return section(`${formatPath(base)}#headers`, title, [
      stringMapGroup(ctx, [...base, 'set'], {
        title: 'Set (overwrite)',
        noun: `${side} header to set`,
        what: `Set ${side} header`,
        keyValidate: nameCheck,
        valueValidate: headerValueField,
      }),
      stringMapGroup(ctx, [...base, 'add'], {
        title: 'Add (append)',
        noun: `${side} header to add`,
        what: `Add ${side} header`,
        keyValidate: nameCheck,
        valueValidate: headerValueField,
      }),
      field(ctx, {
        label: `Remove ${side} headers`,
        type: 'list',
        path: [...base, 'remove'],
        placeholder: 'x-internal, x-debug',
        validate: headerOperationNameField,
      }),
    ]);
  });
}
