import type { Command, CommandResult } from '../edit/command.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { packCommand } from './packParts.ts';
import { SCALING_PARAMETERS } from './scalingParameters.ts';
import { PACK_PARTS, readPack } from './scalingResources.ts';
import { defineScenario, type ResolvedParams, type Scenario } from './scenario.ts';

export { CLOUD_PRESETS } from './scalingParameters.ts';

/**
 * The gateway scaling pack (the seed's scaling guide): an autoscaler with at least two
 * replicas, CPU requests and limits for it to scale on, a disruption budget so a drain never
 * takes every pod, and the LoadBalancer Service in front, with a preset for the cloud's load
 * balancer. Resources of the same name are extended rather than refused: the pack sets the
 * fields it owns and keeps everything else (scalingResources.ts says which).
 */
function scalingCommand(params: ResolvedParams, workspace: Workspace): CommandResult<Command> {
  const pack = readPack(params);
  const { name, namespace } = pack.pods;
  return packCommand(
    PACK_PARTS,
    pack,
    workspace,
    `The gateway ${namespace}/${name} already has every setting of the pack`,
  );
}

export const SCALING_PACK: Scenario = defineScenario({
  id: 'gateway-scaling',
  title: 'Gateway scaling pack',
  description:
    'For the ingress gateway pods: a HorizontalPodAutoscaler (at least 2 replicas, scaling on CPU), CPU and memory requests and limits on the gateway Deployment (the autoscaler measures CPU against the request), a PodDisruptionBudget that keeps one pod up during drains, and the LoadBalancer Service on ports 80 and 443 with an optional cloud preset. Resources of the same name are extended, not replaced: the pack sets its own fields and keeps the others.',
  parameters: SCALING_PARAMETERS,
  create: scalingCommand,
});
