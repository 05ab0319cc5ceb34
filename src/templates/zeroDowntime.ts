import type { Command, CommandResult } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { packCommand } from './packParts.ts';
import { defineScenario, type ResolvedParams, type Scenario } from './scenario.ts';
import { readRollout, ZERO_DOWNTIME_PARAMETERS } from './zeroDowntimeParameters.ts';
import { ROLLOUT_PARTS } from './zeroDowntimeResources.ts';

/**
 * The zero-downtime pack (the guide's "zero-downtime upgrades"): the gateway Deployment rolls
 * out one new pod before it takes an old one down, sends traffic to a pod only once its proxy
 * is ready, lets a stopping proxy drain its connections, spreads its pods across zones; and a
 * disruption budget keeps one pod up while nodes drain (the scaling pack's, the same fields).
 * Like the scaling pack it extends what exists and refuses when nothing is left to set.
 */
function rolloutCommand(params: ResolvedParams, workspace: Workspace): CommandResult<Command> {
  const rollout = readRollout(params, workspace);
  const { name, namespace } = rollout.pods;
  return packCommand(
    ROLLOUT_PARTS,
    rollout,
    workspace,
    `The gateway ${namespace}/${name} already has every setting of the zero-downtime pack`,
  );
}

export const ZERO_DOWNTIME: Scenario = defineScenario({
  id: 'zero-downtime',
  title: 'Zero-downtime pack',
  description:
    'For the ingress gateway Deployment: a RollingUpdate strategy with maxUnavailable 0 and a surge, the proxy’s readiness probe on port 15021 /healthz/ready, a termination drain (Istio’s terminationDrainDuration in the proxy.istio.io/config annotation, with a grace period that outlasts it), pods spread across zones (topology.kubernetes.io/zone), and a PodDisruptionBudget that keeps one pod up. Resources of the same name are extended, not replaced: the pack sets its own fields and keeps the others.',
  parameters: ZERO_DOWNTIME_PARAMETERS,
  create: rolloutCommand,
});
