import type { Check } from '../finding.ts';
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
];
