import type { Command } from '../edit/command.ts';
import { PROXY_READINESS, proxyContainerIndex } from '../model/gatewayProxy.ts';
import {
  DEFAULT_GRACE_PERIOD_SECONDS,
  gracePeriodFor,
  PROXY_CONFIG_ANNOTATION,
  terminationDrainSeconds,
  withoutTerminationDrain,
  withTerminationDrain,
} from '../model/proxyDrain.ts';
import { isRecord, sameValue, valueAt } from '../model/read.ts';
import { portField } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';
import { choices, field, inputField, section } from './build.ts';
import { deleteAt, setAt } from './commands.ts';
import { clearPath, type FormContext } from './context.ts';
import { listGroup } from './groups.ts';
import { labelGroup } from './stringMap.ts';
import type { FieldWriter, FormEntry, FormSection } from './types.ts';
import { intOrPercent, isZeroBound, rolloutBoundField, wholeNumber } from './validators.ts';

/**
 * What a Deployment needs to roll out without dropping requests (the zero-downtime pack's
 * fields, each editable on its own): the rolling update's bounds, the proxy's readiness probe,
 * how long a stopping pod drains, and how its pods spread across zones.
 */

const STRATEGY: Path = ['spec', 'strategy'];
const TEMPLATE: Path = ['spec', 'template'];
const POD: Path = [...TEMPLATE, 'spec'];
const DRAIN_ANNOTATION: Path = [...TEMPLATE, 'metadata', 'annotations', PROXY_CONFIG_ANNOTATION];
const GRACE: Path = [...POD, 'terminationGracePeriodSeconds'];
const SPREAD: Path = [...POD, 'topologySpreadConstraints'];

/** Kubernetes' default for either bound of a rolling update. */
const DEFAULT_BOUND = '25%';

/** The zone label nodes carry (Kubernetes' well-known `topology.kubernetes.io/zone`). */
export const ZONE_KEY = 'topology.kubernetes.io/zone';

export function rolloutForm(ctx: FormContext): FormSection[] {
  const recreate = valueAt(ctx.plain, [...STRATEGY, 'type']) === 'Recreate';
  const containers = valueAt(ctx.plain, [...POD, 'containers']);
  const proxy = proxyContainerIndex(containers);
  return [
    section(
      'rollout',
      'Rollout',
      [
        field(ctx, {
          label: 'Strategy',
          type: 'select',
          path: [...STRATEGY, 'type'],
          options: choices(['RollingUpdate', 'Recreate']),
          placeholder: 'RollingUpdate',
          help: 'Recreate stops every pod before starting new ones: the gateway is down meanwhile.',
          write: strategyWriter(ctx),
        }),
        ...(recreate
          ? []
          : [
              boundField(ctx, 'Max surge', 'maxSurge', 'maxUnavailable'),
              boundField(ctx, 'Max unavailable', 'maxUnavailable', 'maxSurge'),
            ]),
      ],
      'maxUnavailable 0 takes an old pod down only once its replacement is ready.',
    ),
    ...(proxy === -1 ? [] : [readinessSection(ctx, proxy)]),
    drainSection(ctx),
    section('zones', 'Topology spread', [spreadGroup(ctx)]),
  ];
}

/** Recreate takes no `rollingUpdate` (the API server refuses it), so choosing it removes them. */
function strategyWriter(ctx: FormContext): FieldWriter {
  const path: Path = [...STRATEGY, 'type'];
  return (target, value) => {
    const written = valueAt(ctx.plain, path);
    if (value === undefined)
      return written === undefined ? [] : [deleteAt(target, clearPath(ctx.plain, path))];
    if (sameValue(value, written)) return [];
    const rolling = valueAt(ctx.plain, [...STRATEGY, 'rollingUpdate']);
    return [
      setAt(target, path, value),
      ...(value === 'Recreate' && rolling !== undefined
        ? [deleteAt(target, [...STRATEGY, 'rollingUpdate'])]
        : []),
    ];
  };
}

function boundField(
  ctx: FormContext,
  label: string,
  key: 'maxSurge' | 'maxUnavailable',
  other: 'maxSurge' | 'maxUnavailable',
): FormEntry {
  const path: Path = [...STRATEGY, 'rollingUpdate', key];
  const otherValue = valueAt(ctx.plain, [...STRATEGY, 'rollingUpdate', other]) ?? DEFAULT_BOUND;
  const check = rolloutBoundField(key);
  return field(ctx, {
    label,
    type: 'text',
    path,
    placeholder: DEFAULT_BOUND,
    validate: (value) =>
      check(value) ??
      (isZeroBound(intOrPercent(value)) && isZeroBound(otherValue)
        ? 'maxSurge and maxUnavailable cannot both be 0: no pod could be replaced'
        : undefined),
    write: (target, value) => {
      const next = intOrPercent(value);
      const written = valueAt(ctx.plain, path);
      if (next === undefined)
        return written === undefined ? [] : [deleteAt(target, clearPath(ctx.plain, path))];
      return sameValue(next, written) ? [] : [setAt(target, path, next)];
    },
  });
}

function readinessSection(ctx: FormContext, index: number): FormSection {
  const probe: Path = [...POD, 'containers', index, 'readinessProbe'];
  const name = valueAt(ctx.plain, [...POD, 'containers', index, 'name']);
  const portPath: Path = [...probe, 'httpGet', 'port'];
  return section(
    'readiness',
    `Readiness probe (${typeof name === 'string' ? name : `container ${index + 1}`})`,
    [
      field(ctx, {
        label: 'Readiness path',
        type: 'text',
        path: [...probe, 'httpGet', 'path'],
        placeholder: PROXY_READINESS.path,
      }),
      field(ctx, {
        label: 'Readiness port',
        type: 'text',
        path: portPath,
        placeholder: String(PROXY_READINESS.port),
        validate: (value) => (/^\d+$/.test(String(value)) ? portField(Number(value)) : undefined),
        // A number is a port number; anything else names a container port.
        write: (target, value) => {
          const next = intOrPercent(value);
          const written = valueAt(ctx.plain, portPath);
          if (next === undefined)
            return written === undefined ? [] : [deleteAt(target, clearPath(ctx.plain, portPath))];
          return sameValue(next, written) ? [] : [setAt(target, portPath, next)];
        },
      }),
      field(ctx, {
        label: 'Probe period (s)',
        type: 'number',
        path: [...probe, 'periodSeconds'],
        integer: true,
        placeholder: '10',
        validate: wholeNumber('Probe period', 1),
      }),
      field(ctx, {
        label: 'Failure threshold',
        type: 'number',
        path: [...probe, 'failureThreshold'],
        integer: true,
        placeholder: '3',
        validate: wholeNumber('Failure threshold', 1),
      }),
    ],
    `Istio’s proxy answers ${PROXY_READINESS.path} on port ${PROXY_READINESS.port} once it has its configuration.`,
  );
}

function drainSection(ctx: FormContext): FormSection {
  const grace = valueAt(ctx.plain, GRACE);
  const annotation = valueAt(ctx.plain, DRAIN_ANNOTATION);
  const drain = terminationDrainSeconds(annotation);
  const effectiveGrace = typeof grace === 'number' ? grace : DEFAULT_GRACE_PERIOD_SECONDS;
  return section(
    'drain',
    'Termination drain',
    [
      field(ctx, {
        label: 'Proxy drain (s)',
        id: 'drain#seconds',
        type: 'number',
        path: DRAIN_ANNOTATION,
        value: drain,
        integer: true,
        placeholder: '5',
        validate: wholeNumber('Proxy drain', 1, 3600),
        help: `Istio’s terminationDrainDuration (the ${PROXY_CONFIG_ANNOTATION} annotation): how long the proxy lets open connections finish after SIGTERM.`,
        write: (target, value): Command[] => {
          if (value === undefined) {
            if (drain === undefined) return [];
            const rest = withoutTerminationDrain(annotation);
            return rest === undefined
              ? [deleteAt(target, clearPath(ctx.plain, DRAIN_ANNOTATION))]
              : [setAt(target, DRAIN_ANNOTATION, rest)];
          }
          const seconds = Number(value);
          if (seconds === drain) return [];
          const next = withTerminationDrain(annotation, seconds);
          if (next === undefined) return [];
          // The kubelet kills the pod at the grace period: it is raised to outlast the drain.
          const needed = gracePeriodFor(seconds);
          const raise = effectiveGrace < needed ? [setAt(target, GRACE, needed)] : [];
          return [setAt(target, DRAIN_ANNOTATION, next), ...raise];
        },
      }),
      field(ctx, {
        label: 'Grace period (s)',
        type: 'number',
        path: GRACE,
        integer: true,
        placeholder: String(DEFAULT_GRACE_PERIOD_SECONDS),
        validate: (value) =>
          wholeNumber('Grace period', 0)(value) ??
          (drain !== undefined && Number(value) <= drain
            ? `The proxy drains for ${drain}s: the grace period must be longer, or the pod is killed mid-drain`
            : undefined),
        help: 'terminationGracePeriodSeconds: after it the kubelet kills whatever still runs.',
      }),
    ],
    annotationProblem(annotation),
  );
}

function annotationProblem(annotation: unknown): string | undefined {
  return annotation !== undefined && withTerminationDrain(annotation, 1) === undefined
    ? `The ${PROXY_CONFIG_ANNOTATION} annotation is not a ProxyConfig map: mend it in the text.`
    : undefined;
}

function spreadGroup(ctx: FormContext) {
  const keyId = 'spread#new-key';
  const matchLabels = valueAt(ctx.plain, ['spec', 'selector', 'matchLabels']);
  return listGroup(ctx, {
    title: 'Topology spread constraints',
    noun: 'spread constraint',
    path: SPREAD,
    help: `${ZONE_KEY} spreads the pods across zones: a zone outage then takes only its share.`,
    item: (path, index, value) => ({
      title: `Spread by ${String(valueAt(value, ['topologyKey']) ?? index + 1)}`,
      entries: [
        field(ctx, {
          label: 'Topology key',
          type: 'text',
          path: [...path, 'topologyKey'],
          required: true,
          placeholder: ZONE_KEY,
        }),
        field(ctx, {
          label: 'Max skew',
          type: 'number',
          path: [...path, 'maxSkew'],
          integer: true,
          required: true,
          validate: wholeNumber('Max skew', 1),
        }),
        field(ctx, {
          label: 'When unsatisfiable',
          type: 'select',
          path: [...path, 'whenUnsatisfiable'],
          options: choices(['ScheduleAnyway', 'DoNotSchedule']),
          required: true,
          help: 'DoNotSchedule keeps a pod pending rather than break the skew.',
        }),
        labelGroup(
          ctx,
          [...path, 'labelSelector', 'matchLabels'],
          'Counted pods',
          'The pods whose spread is counted: the Deployment’s own labels.',
        ),
      ],
    }),
    addFields: [
      inputField(keyId, {
        label: 'New spread topology key',
        type: 'text',
        required: true,
        value: ZONE_KEY,
        placeholder: ZONE_KEY,
      }),
    ],
    newItem: (values) => ({
      value: {
        maxSkew: 1,
        topologyKey: values[keyId],
        whenUnsatisfiable: 'ScheduleAnyway',
        ...(isRecord(matchLabels) ? { labelSelector: { matchLabels: { ...matchLabels } } } : {}),
      },
    }),
  });
}
