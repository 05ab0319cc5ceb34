import { durationField } from '../check/structure/fields.ts';
import { isRecord } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import { type FormContext, valueAt } from './context.ts';
import { labelGroup } from './stringMap.ts';
import type { FormSection } from './types.ts';
import { wholeNumber } from './validators.ts';

const LOCAL_RATE_LIMIT = 'local_ratelimit';

/**
 * An EnvoyFilter. Only its local rate limit token buckets are edited in forms (Envoy's
 * `local_ratelimit` filter, written directly or in a `TypedStruct`); the rest of a patch is raw
 * Envoy configuration, edited in the text.
 */
export function envoyFilterForm(ctx: FormContext): FormSection[] {
  const patches = valueAt(ctx.plain, ['spec', 'configPatches']);
  const buckets: Path[] = [];
  if (Array.isArray(patches)) {
    patches.forEach((patch, index) => {
      const value = valueAt(patch, ['patch', 'value']);
      if (!JSON.stringify(value ?? null).includes(LOCAL_RATE_LIMIT)) return;
      for (const found of tokenBuckets(value, []))
        buckets.push(['spec', 'configPatches', index, 'patch', 'value', ...found]);
    });
  }
  return [
    section('envoyFilter', 'EnvoyFilter', [
      labelGroup(
        ctx,
        ['spec', 'workloadSelector', 'labels'],
        'Workload selector',
        'The pods this filter patches; none: every workload of its namespace.',
      ),
    ]),
    ...buckets.map((bucket, i) =>
      section(
        `bucket-${i}`,
        buckets.length === 1 ? 'Local rate limit' : `Local rate limit ${i + 1}`,
        [
          field(ctx, {
            label: 'Max tokens',
            type: 'number',
            path: [...bucket, 'max_tokens'],
            integer: true,
            required: true,
            validate: wholeNumber('Max tokens', 1),
            help: 'The burst: requests allowed at once.',
          }),
          field(ctx, {
            label: 'Tokens per fill',
            type: 'number',
            path: [...bucket, 'tokens_per_fill'],
            integer: true,
            validate: wholeNumber('Tokens per fill', 1),
          }),
          field(ctx, {
            label: 'Fill interval',
            type: 'duration',
            path: [...bucket, 'fill_interval'],
            required: true,
            validate: durationField,
            placeholder: '60s',
          }),
        ],
        'Each gateway pod allows this many requests per interval; the rest get 429.',
      ),
    ),
  ];
}

/** Paths of every `token_bucket` map below `value`. */
function tokenBuckets(value: unknown, at: Path): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => tokenBuckets(item, [...at, i]));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'token_bucket' && isRecord(child) ? [[...at, key]] : tokenBuckets(child, [...at, key]),
  );
}
