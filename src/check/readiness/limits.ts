import { quantityValue } from '../../templates/quantity.ts';
import type { Finding } from '../finding.ts';
import { findingOn } from '../workloads/resources.ts';
import { CONTAINERS, templateContainers } from './deployment.ts';
import type { ReadinessGateway } from './gateways.ts';

/**
 * A limit below its request, per container and resource, the quantities compared as numbers
 * (`500m` < `1`, `1Gi` = `1024Mi`): the API server refuses the pod template ("must be less than
 * or equal to cpu limit"), so the gateway Deployment cannot be applied.
 */
export function* limitBelowRequestFindings(gateway: ReadinessGateway): Generator<Finding> {
  const deployment = gateway.deployment;
  if (!deployment) return;
  for (const container of templateContainers(deployment.entry.plain)) {
    for (const [resource, limit] of Object.entries(container.limits)) {
      const request = container.requests[resource];
      if (!isQuantity(limit) || !isQuantity(request)) continue;
      const limitValue = quantityValue(String(limit));
      const requestValue = quantityValue(String(request));
      if (limitValue === undefined || requestValue === undefined || limitValue >= requestValue)
        continue;
      const name = container.name || `#${container.index + 1}`;
      yield findingOn(deployment.entry, {
        code: 'readiness-limit-below-request',
        severity: 'error',
        message: `Container ${name} of the gateway Deployment ${gateway.name} has a ${resource} limit (${limit}) below its request (${request}): the API server refuses a request above its limit. Raise the limit to at least ${request}.`,
        path: [...CONTAINERS, container.index, 'resources', 'limits', resource],
        fixes: [
          {
            title: `Raise the ${resource} limit of ${name} to ${request}`,
            command: {
              type: 'setValue',
              target: deployment.item.id,
              path: [...CONTAINERS, container.index, 'resources', 'limits', resource],
              value: request,
            },
          },
        ],
      });
    }
  }
}

function isQuantity(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
