import { valueAt } from '../model/read.ts';
import { section } from './build.ts';
import type { FormContext } from './context.ts';
import {
  globalRateLimitSections,
  localRateLimitSections,
  type PatchValue,
  rateLimitActionSections,
} from './rateLimitForms.ts';
import { labelGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';

/**
 * An EnvoyFilter: its workload selector, and the rate limiting its patches configure (Envoy's
 * local rate limit, the global rate limit filter and the descriptors the gateway sends). The
 * rest of a patch is raw Envoy configuration, edited in the text.
 */
export function envoyFilterForm(ctx: FormContext): FormSection[] {
  const raw = valueAt(ctx.plain, ['spec', 'configPatches']);
  const patches: PatchValue[] = Array.isArray(raw)
    ? raw.map((patch, index) => ({
        path: ['spec', 'configPatches', index, 'patch', 'value'],
        value: valueAt(patch, ['patch', 'value']),
      }))
    : [];
  return [
    section('envoyFilter', 'EnvoyFilter', [
      labelGroup(
        ctx,
        ['spec', 'workloadSelector', 'labels'],
        'Workload selector',
        'The pods this filter patches; none: every workload of its namespace.',
      ),
    ]),
    ...localRateLimitSections(ctx, patches),
    ...globalRateLimitSections(ctx, patches),
    ...rateLimitActionSections(ctx, patches),
  ];
}
