import { valueAt } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';
import { field, section } from './build.ts';
import type { FormContext } from './context.ts';
import { rolloutForm } from './rolloutForm.ts';
import type { FormEntry, FormSection } from './types.ts';
import { quantityField, wholeNumber } from './validators.ts';

/**
 * A Deployment: replicas and, per container, CPU and memory requests and limits; then how it
 * rolls out (rolloutForm.ts).
 */
export function deploymentForm(ctx: FormContext): FormSection[] {
  const containers = valueAt(ctx.plain, ['spec', 'template', 'spec', 'containers']);
  const list = Array.isArray(containers) ? containers : [];
  return [
    section('deployment', 'Deployment', [
      field(ctx, {
        label: 'Replicas',
        type: 'number',
        path: ['spec', 'replicas'],
        integer: true,
        validate: wholeNumber('Replicas', 0),
        help: 'A HorizontalPodAutoscaler targeting this Deployment sets it instead.',
      }),
    ]),
    ...list.map((container, index) => {
      const name = valueAt(container, ['name']);
      const base: Path = ['spec', 'template', 'spec', 'containers', index, 'resources'];
      return section(
        `container-${index}`,
        `Container ${typeof name === 'string' ? name : index + 1} resources`,
        [
          quantity(ctx, 'CPU request', [...base, 'requests', 'cpu'], '100m'),
          quantity(ctx, 'Memory request', [...base, 'requests', 'memory'], '128Mi'),
          quantity(ctx, 'CPU limit', [...base, 'limits', 'cpu'], '2'),
          quantity(ctx, 'Memory limit', [...base, 'limits', 'memory'], '1Gi'),
        ],
        'An autoscaler’s CPU target is a percentage of the CPU request.',
      );
    }),
    ...rolloutForm(ctx),
  ];
}

function quantity(ctx: FormContext, label: string, path: Path, placeholder: string): FormEntry {
  return field(ctx, { label, type: 'text', path, validate: quantityField, placeholder });
}
