import type { Command } from '../../edit/command.ts';
import { budgetSelects } from '../../model/gatewayAttachments.ts';
import { formatLabelSelector } from '../../model/labels.ts';
import type { PodDisruptionBudget } from '../../model/podDisruptionBudget.ts';
import { type Item, inNamespace } from '../../workspace/catalog.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { entryOf, findingOn, selectorText } from '../workloads/resources.ts';
import { keepTwoOnAutoscaler, MIN_GATEWAY_REPLICAS } from './autoscaling.ts';
import { type KeptReplicas, keptReplicas, podSelector, strategyOf } from './deployment.ts';
import type { ReadinessGateway } from './gateways.ts';
import {
  blocksEveryDrain,
  desiredHealthy,
  rolloutUnavailable,
  type Strategy,
  scaledValue,
} from './scale.ts';

/**
 * The gateway pods' PodDisruptionBudget: there is one, it selects them, a drain can evict one
 * of them, and a rollout does not take more down than it keeps.
 */

/** The budgets in the gateway's namespace named for it that select none of its pods. */
function missingBudgets(context: CheckContext, gateway: ReadinessGateway) {
  return inNamespace(context.catalog.budgetsByNamespace, gateway.namespace).filter(
    (pdb) =>
      pdb.object.metadata.name === gateway.name && !budgetSelects(pdb.object, gateway.labels),
  );
}

/** No budget for the gateway pods, or the one named for the gateway selecting other pods. */
export function* budgetPresenceFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  if (gateway.budgets.length > 0) return;
  const selector = podSelector(gateway);
  const misses = missingBudgets(context, gateway);
  for (const pdb of misses) {
    const entry = entryOf(context, pdb.id);
    if (!entry) continue;
    yield findingOn(entry, {
      code: 'readiness-pdb-selector-misses',
      severity: 'warning',
      message: `PodDisruptionBudget ${pdb.object.metadata.name} is named for the gateway ${gateway.name}, but its selector (${formatLabelSelector(pdb.object.labelSelector) || 'none'}) matches none of its pods (${selectorText(gateway.labels)}): a drain may evict every gateway pod at once. Select ${selectorText(selector)}.`,
      path: ['spec', 'selector'],
      fixes: [
        {
          title: `Select the gateway pods (${selectorText(selector)})`,
          command: {
            type: 'setValue',
            target: pdb.id,
            path: ['spec', 'selector'],
            value: { matchLabels: selector },
          },
        },
      ],
    });
  }
  const deployment = gateway.deployment;
  // The implied gateway's Deployment is not written: nothing to point at, and the checklist says it.
  if (misses.length > 0 || !deployment) return;
  const kept = keptReplicas(gateway);
  const commands: Command[] = [
    {
      type: 'addResource',
      after: deployment.item.id,
      value: {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: gateway.name, namespace: gateway.namespace },
        spec: { minAvailable: 1, selector: { matchLabels: selector } },
      },
    },
    ...keepTwo(gateway, kept),
  ];
  yield findingOn(deployment.entry, {
    code: 'readiness-pdb-missing',
    severity: 'warning',
    message: `No PodDisruptionBudget selects the pods of the gateway ${gateway.name} (${selectorText(gateway.labels)}): a node drain or cluster upgrade may evict all of them at once and stop ingress traffic. Add one that keeps at least one pod available.`,
    path: ['spec', 'selector'],
    fixes: [
      {
        title:
          commands.length > 1
            ? `Add PodDisruptionBudget ${gateway.name} (minAvailable 1) and run ${MIN_GATEWAY_REPLICAS} replicas`
            : `Add PodDisruptionBudget ${gateway.name} (minAvailable 1)`,
        command: commands.length > 1 ? { type: 'batch', commands } : (commands[0] as Command),
      },
    ],
  });
}

/** Commands that keep two gateway pods where fewer are kept (a budget of one pod then lets a drain through). */
function keepTwo(gateway: ReadinessGateway, kept: KeptReplicas | undefined): Command[] {
  if (!kept || kept.replicas >= MIN_GATEWAY_REPLICAS) return [];
  const [hpa] = gateway.autoscalers;
  if (kept.by === 'autoscaler' && hpa) return [keepTwoOnAutoscaler(hpa)];
  if (!gateway.deployment) return [];
  return [
    {
      type: 'setValue',
      target: gateway.deployment.item.id,
      path: ['spec', 'replicas'],
      value: MIN_GATEWAY_REPLICAS,
    },
  ];
}

/** What a budget's field says, as written (`minAvailable: 100%`). */
function budgetText(pdb: PodDisruptionBudget): string {
  return pdb.maxUnavailable !== undefined
    ? `maxUnavailable: ${pdb.maxUnavailable}`
    : `minAvailable: ${pdb.minAvailable}`;
}

/** A rollout's maxUnavailable as written, saying how a percentage counts. */
function unavailableText(strategy: Strategy): string {
  const value = strategy.maxUnavailable;
  if (value === undefined) return '25% by default, rounded down';
  return typeof value === 'string' ? `${value}, rounded down` : String(value);
}

function keptText(kept: KeptReplicas): string {
  return kept.by === 'autoscaler'
    ? `the ${kept.replicas} the autoscaler keeps (minReplicas)`
    : `the Deployment's ${kept.replicas} replica${kept.replicas === 1 ? '' : 's'}`;
}

/**
 * A budget a drain can never satisfy: it wants as many pods available as the gateway keeps
 * (the autoscaler's minimum, else the Deployment's replicas), so evictions are refused for
 * ever and node drains and cluster upgrades hang.
 */
export function* blockedDrainFindings(
  context: CheckContext,
  gateway: ReadinessGateway,
): Generator<Finding> {
  const kept = keptReplicas(gateway);
  if (!kept) return;
  for (const pdb of gateway.budgets) {
    const entry = entryOf(context, pdb.id);
    if (!entry || !blocksEveryDrain(pdb.object, kept.replicas)) continue;
    const byMax = pdb.object.maxUnavailable !== undefined;
    yield findingOn(entry, {
      code: 'readiness-pdb-blocks-drain',
      severity: 'warning',
      message: `PodDisruptionBudget ${pdb.object.metadata.name} (${budgetText(pdb.object)}) lets no gateway pod be evicted with ${keptText(kept)}: node drains and cluster upgrades wait for ever. ${byMax ? 'Allow one pod unavailable' : 'Keep fewer pods available than the gateway runs'}.`,
      path: ['spec', byMax ? 'maxUnavailable' : 'minAvailable'],
      fixes: [drainFix(pdb, gateway, kept)],
    });
  }
}

function drainFix(pdb: Item<PodDisruptionBudget>, gateway: ReadinessGateway, kept: KeptReplicas) {
  const byMax = pdb.object.maxUnavailable !== undefined;
  const enough = kept.replicas >= MIN_GATEWAY_REPLICAS;
  const value = byMax || !enough ? 1 : kept.replicas - 1;
  const field = byMax ? 'maxUnavailable' : 'minAvailable';
  const set: Command = { type: 'setValue', target: pdb.id, path: ['spec', field], value };
  const commands = [set, ...keepTwo(gateway, kept)];
  return {
    title: enough
      ? `Set ${field} to ${value}`
      : `Run ${MIN_GATEWAY_REPLICAS} replicas and set ${field} to ${value}`,
    command: commands.length > 1 ? ({ type: 'batch', commands } as Command) : set,
  };
}

/**
 * A rollout that can take more pods down than a budget keeps: rollouts do not consult budgets,
 * so `replicas - maxUnavailable` (rounded down, as the Deployment controller does) below the
 * budget's available pods means an upgrade drops capacity the budget promised.
 */
export function* rolloutFindings(gateway: ReadinessGateway): Generator<Finding> {
  const deployment = gateway.deployment;
  const kept = keptReplicas(gateway);
  if (!deployment || !kept) return;
  const strategy = strategyOf(deployment.entry.plain);
  const unavailable = rolloutUnavailable(strategy, kept.replicas);
  if (unavailable === undefined || unavailable === 0) return;
  for (const pdb of gateway.budgets) {
    const desired = desiredHealthy(pdb.object, kept.replicas);
    // A budget that blocks drains is reported as such; its fix comes first.
    if (desired === undefined || desired >= kept.replicas) continue;
    if (kept.replicas - unavailable >= desired) continue;
    const recreate = strategy.type === 'Recreate';
    const how = recreate
      ? 'the Recreate strategy stops every pod before starting new ones'
      : `a rollout may take ${unavailable} of ${keptText(kept)} down at once (maxUnavailable ${unavailableText(strategy)})`;
    const surge = scaledValue(strategy.maxSurge ?? '25%', kept.replicas, true);
    const rollingUpdate = {
      maxUnavailable: 0,
      maxSurge: recreate || surge === undefined || surge === 0 ? 1 : (strategy.maxSurge ?? '25%'),
    };
    yield findingOn(deployment.entry, {
      code: 'readiness-rollout-below-pdb',
      severity: 'warning',
      message: `In Deployment ${gateway.name}, ${how}, leaving ${kept.replicas - unavailable} while PodDisruptionBudget ${pdb.object.metadata.name} keeps ${desired} available: rollouts do not wait for the budget, so an upgrade drops ingress capacity. Set maxUnavailable to 0 so new pods start before old ones stop.`,
      path: ['spec', 'strategy'],
      fixes: [
        {
          title: 'Roll out with maxUnavailable 0',
          command: {
            type: 'setValue',
            target: deployment.item.id,
            path: ['spec', 'strategy'],
            value: { type: 'RollingUpdate', rollingUpdate },
          },
        },
      ],
    });
    return;
  }
}
