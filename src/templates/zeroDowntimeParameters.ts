import { ZONE_KEY } from '../forms/rolloutForm.ts';
import { isZeroBound, rolloutBoundField } from '../forms/validators.ts';
import { autoscalerTargets } from '../model/gatewayAttachments.ts';
import { isModelled } from '../model/kinds.ts';
import { PROXY_CONFIG_ANNOTATION, terminationDrainSeconds } from '../model/proxyDrain.ts';
import { isRecord } from '../model/read.ts';
import { entries, type Workspace } from '../workspace/workspace.ts';
import type { Extension } from './extend.ts';
import { gatewayParameters, gatewayPods } from './gatewayPods.ts';
import { integerIn, numberParam } from './parameters.ts';
import { fromWorkspace } from './scalingParameters.ts';
import { num, type ParameterSpec, type ResolvedParams, text } from './scenario.ts';
import type { Rollout } from './zeroDowntimeResources.ts';

/**
 * The zero-downtime pack's parameters. Where the gateway Deployment exists, each default is its
 * own value, so the pack with its defaults only adds what is missing.
 */

const DEPLOYMENT = 'Deployment';

/** The Deployment's zone spread constraint, if it has one. */
function zoneConstraint(deployment: Extension): Record<string, unknown> | undefined {
  const list = deployment.at(['spec', 'template', 'spec', 'topologySpreadConstraints']);
  return Array.isArray(list)
    ? list.find((c): c is Record<string, unknown> => isRecord(c) && c.topologyKey === ZONE_KEY)
    : undefined;
}

export const WHEN_UNSATISFIABLE = ['ScheduleAnyway', 'DoNotSchedule'] as const;

export const ZERO_DOWNTIME_PARAMETERS: readonly ParameterSpec[] = [
  ...gatewayParameters(''),
  {
    key: 'maxSurge',
    label: 'Max surge',
    help: 'Pods started above the desired count during a rollout (a count or a percentage); none is taken down before its replacement is ready (maxUnavailable 0)',
    type: 'text',
    default: fromWorkspace(
      DEPLOYMENT,
      // A surge of 0 went with a maxUnavailable the pack sets to 0: the default is 1 then.
      (d) => {
        const surge = d.at(['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
        return isZeroBound(surge) ? undefined : surge;
      },
      1,
    ),
    validate: (value) =>
      rolloutBoundField('maxSurge')(String(value)) ??
      (isZeroBound(String(value))
        ? 'At least 1 (or 1%): with maxUnavailable 0, a surge of 0 could replace no pod'
        : undefined),
  },
  {
    ...numberParam('drainSeconds', 'Termination drain (s)', 20, integerIn(1, 3600)),
    help: 'How long the proxy lets open connections finish after SIGTERM (Istio’s terminationDrainDuration, 5s unless set); the grace period is set to outlast it',
    default: fromWorkspace(
      DEPLOYMENT,
      (d) =>
        terminationDrainSeconds(
          d.at(['spec', 'template', 'metadata', 'annotations', PROXY_CONFIG_ANNOTATION]),
        ),
      20,
    ),
  },
  {
    ...numberParam('maxSkew', 'Zone max skew', 1, integerIn(1, 100)),
    help: 'How many more gateway pods one zone may run than another',
    default: fromWorkspace(DEPLOYMENT, (d) => zoneConstraint(d)?.maxSkew, 1),
  },
  {
    key: 'whenUnsatisfiable',
    label: 'When zones cannot be balanced',
    help: 'ScheduleAnyway still starts pods on a cluster with one zone; DoNotSchedule keeps them pending',
    type: 'choice',
    options: WHEN_UNSATISFIABLE,
    default: fromWorkspace(
      DEPLOYMENT,
      (d) => zoneConstraint(d)?.whenUnsatisfiable,
      'ScheduleAnyway',
    ),
    validate: () => undefined,
  },
];

/** Whether an autoscaler in the workspace targets the Deployment `name` of `namespace`. */
function autoscaled(workspace: Workspace, name: string, namespace: string): boolean {
  for (const entry of entries(workspace)) {
    const hpa = entry.object;
    if (hpa.kind !== 'HorizontalPodAutoscaler' || !isModelled(hpa)) continue;
    if (autoscalerTargets(hpa, namespace, name)) return true;
  }
  return false;
}

export function readRollout(params: ResolvedParams, workspace: Workspace): Rollout {
  const surge = text(params, 'maxSurge');
  const pods = gatewayPods(text(params, 'name'), text(params, 'namespace'));
  return {
    pods,
    autoscaled: autoscaled(workspace, pods.name, pods.namespace),
    // Kubernetes reads `1` as a count and `25%` as a percentage.
    maxSurge: /^\d+$/.test(surge) ? Number(surge) : surge,
    drainSeconds: num(params, 'drainSeconds'),
    maxSkew: num(params, 'maxSkew'),
    whenUnsatisfiable: text(params, 'whenUnsatisfiable'),
  };
}
