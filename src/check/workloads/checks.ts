import type { Check } from '../finding.ts';
import { READINESS_CHECK_READS, readinessChecks } from '../readiness/checks.ts';
import { destinationRuleCaCertificateChecks } from './destinationRuleCaCertificates.ts';
import { destinationRuleDuplicateChecks } from './destinationRuleDuplicates.ts';
import { destinationRuleTargetChecks } from './destinationRuleTargets.ts';
import { envoyFilterPatchChecks } from './envoyFilterPatches.ts';
import { gatewayCertificateChecks } from './gatewayCertificates.ts';
import { gatewayConflictChecks } from './gatewayConflicts.ts';
import { gatewayCredentialChecks } from './gatewayCredentials.ts';
import { gatewayWorkloadChecks } from './gatewayWorkloads.ts';
import { serviceAssociationChecks } from './serviceAssociation.ts';
import { servicePortNameChecks } from './servicePortNames.ts';

/** The checks of this folder, in the order their findings are listed. */
export const WORKLOAD_CHECKS: readonly Check[] = [
  gatewayWorkloadChecks,
  gatewayCredentialChecks,
  gatewayConflictChecks,
  gatewayCertificateChecks,
  servicePortNameChecks,
  serviceAssociationChecks,
  envoyFilterPatchChecks,
  destinationRuleCaCertificateChecks,
  destinationRuleTargetChecks,
  destinationRuleDuplicateChecks,
  // Issue 15: the gateway Deployments against the guide's production checklist.
  readinessChecks,
];

/** Deployments and Pods (the catalog's workloads), and Services (which pick them). */
const WORKLOADS = ['Service', 'Deployment', 'Pod'] as const;

/**
 * The kinds each check of this folder reads (through its helpers too: `workloadSelection`,
 * `serviceRegistry`, the implied default ingress). None reads a VirtualService, so editing a
 * route leaves their findings as they were: lint reuses them (`findings` in lint.ts).
 * `incremental.test.ts` edits every kind and compares with a lint from scratch.
 */
export const WORKLOAD_CHECK_READS: ReadonlyMap<Check, readonly string[]> = new Map<
  Check,
  readonly string[]
>([
  [gatewayWorkloadChecks, ['Gateway', ...WORKLOADS]],
  [gatewayCredentialChecks, ['Gateway', 'Secret', ...WORKLOADS]],
  [gatewayConflictChecks, ['Gateway', ...WORKLOADS]],
  [gatewayCertificateChecks, ['Gateway', 'Secret']],
  [servicePortNameChecks, ['Service']],
  [serviceAssociationChecks, ['Namespace', ...WORKLOADS]],
  [envoyFilterPatchChecks, ['EnvoyFilter']],
  [destinationRuleCaCertificateChecks, ['DestinationRule']],
  [destinationRuleTargetChecks, ['DestinationRule', 'Node', 'ServiceEntry', ...WORKLOADS]],
  [destinationRuleDuplicateChecks, ['DestinationRule']],
  [readinessChecks, READINESS_CHECK_READS],
]);
