import type { Command } from '../edit/command.ts';
import { isRecord, valueAt } from '../model/read.ts';
import type { Path } from '../yaml/path.ts';
import { field, inputField, section } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import type { FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import type { FormEntry, FormSection } from './types.ts';
import { quantityField, wholeNumber } from './validators.ts';

const METRICS: Path = ['spec', 'metrics'];

/**
 * A HorizontalPodAutoscaler: replica bounds, the CPU target (autoscaling/v2 `metrics`, or v1's
 * `targetCPUUtilizationPercentage`) and, in v2, the other metrics.
 */
export function autoscalerForm(ctx: FormContext): FormSection[] {
  const v1 = valueAt(ctx.plain, ['apiVersion']) === 'autoscaling/v1';
  const min = valueAt(ctx.plain, ['spec', 'minReplicas']);
  return [
    section('autoscaler', 'HorizontalPodAutoscaler', [
      field(ctx, {
        label: 'Min replicas',
        type: 'number',
        path: ['spec', 'minReplicas'],
        integer: true,
        validate: wholeNumber('Min replicas', 1),
        placeholder: '1',
        help: 'At least 2 keeps the gateway up while a pod restarts.',
      }),
      field(ctx, {
        label: 'Max replicas',
        type: 'number',
        path: ['spec', 'maxReplicas'],
        integer: true,
        required: true,
        validate: wholeNumber('Max replicas', typeof min === 'number' && min > 1 ? min : 1),
      }),
      v1 ? v1CpuField(ctx) : cpuField(ctx),
    ]),
    ...(v1 ? [] : [section('metrics', 'Metrics', [metricsGroup(ctx)])]),
  ];
}

function v1CpuField(ctx: FormContext): FormEntry {
  return field(ctx, {
    label: 'CPU target utilisation (%)',
    type: 'number',
    path: ['spec', 'targetCPUUtilizationPercentage'],
    integer: true,
    validate: wholeNumber('CPU target', 1),
  });
}

function isCpuMetric(metric: unknown): boolean {
  return (
    valueAt(metric, ['type']) === 'Resource' && valueAt(metric, ['resource', 'name']) === 'cpu'
  );
}

/** The CPU target lives in the `Resource` metric named `cpu`, which is added or removed with it. */
function cpuField(ctx: FormContext): FormEntry {
  const metrics = valueAt(ctx.plain, METRICS);
  const list = Array.isArray(metrics) ? metrics : [];
  const index = list.findIndex(isCpuMetric);
  const valuePath: Path =
    index >= 0
      ? [...METRICS, index, 'resource', 'target', 'averageUtilization']
      : [...METRICS, list.length, 'resource', 'target', 'averageUtilization'];
  return field(ctx, {
    id: 'autoscaler#cpu',
    label: 'CPU target utilisation (%)',
    type: 'number',
    path: valuePath,
    integer: true,
    validate: wholeNumber('CPU target', 1),
    placeholder: '80',
    help: 'Average CPU use across the pods, as a percentage of their CPU request.',
    write: (target, value): Command[] => {
      const written =
        index >= 0 ? valueAt(list[index], ['resource', 'target', 'averageUtilization']) : undefined;
      if (value === written) return [];
      if (value === undefined) {
        if (index < 0) return [];
        return list.length === 1
          ? [deleteAt(target, METRICS)]
          : [{ type: 'removeItem', target, path: METRICS, index }];
      }
      if (index >= 0) return [setAt(target, valuePath, value)];
      const metric = {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: value } },
      };
      return list.length === 0
        ? [setAt(target, METRICS, [metric])]
        : [{ type: 'insertItem', target, path: METRICS, index: list.length, value: metric }];
    },
  });
}

function metricsGroup(ctx: FormContext) {
  const nameId = 'metrics#new-name';
  const valueId = 'metrics#new-value';
  return listGroup(ctx, {
    title: 'Metrics',
    noun: 'metric',
    path: METRICS,
    help: 'The autoscaler keeps every metric at or under its target. Custom metrics need a metrics adapter.',
    item: (path, index, metric) => ({
      title: `Metric ${index + 1}: ${metricTitle(metric)}`,
      entries: metricEntries(ctx, path, metric),
    }),
    addFields: [
      inputField(nameId, {
        label: 'New pods metric name',
        type: 'text',
        required: true,
        placeholder: 'requests_per_second',
      }),
      inputField(valueId, {
        label: 'New pods metric average value',
        type: 'text',
        required: true,
        validate: quantityField,
        placeholder: '100',
      }),
    ],
    newItem: (values) => ({
      value: {
        type: 'Pods',
        pods: {
          metric: { name: values[nameId] },
          target: { type: 'AverageValue', averageValue: values[valueId] },
        },
      },
    }),
  });
}

function metricTitle(metric: unknown): string {
  const type = valueAt(metric, ['type']);
  if (type === 'Resource') return `${String(valueAt(metric, ['resource', 'name']))} (resource)`;
  const source =
    typeof type === 'string' ? valueAt(metric, [lowerFirst(type), 'metric', 'name']) : undefined;
  return `${String(source ?? '?')} (${String(type ?? '?')})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The fields of a metric by its type: a utilisation for resources, a target value otherwise. */
function metricEntries(ctx: FormContext, path: Path, metric: unknown): FormEntry[] {
  const type = valueAt(metric, ['type']);
  if (type === 'Resource')
    return [
      field(ctx, {
        label: 'Target average utilisation (%)',
        type: 'number',
        path: [...path, 'resource', 'target', 'averageUtilization'],
        integer: true,
        validate: wholeNumber('Target', 1),
      }),
    ];
  if (typeof type !== 'string' || !isRecord(valueAt(metric, [lowerFirst(type)]))) return [];
  const source = [...path, lowerFirst(type)];
  const targetType = valueAt(metric, [lowerFirst(type), 'target', 'type']);
  const valueKey = targetType === 'Value' ? 'value' : 'averageValue';
  return [
    field(ctx, {
      label: 'Metric name',
      type: 'text',
      path: [...source, 'metric', 'name'],
      required: true,
    }),
    field(ctx, {
      label: valueKey === 'value' ? 'Target value' : 'Target average value',
      type: 'text',
      path: [...source, 'target', valueKey],
      validate: quantityField,
    }),
  ];
}
