import type { Check } from '../finding.ts';
import { checkDelegates } from './delegates.ts';
import { checkDestinationHosts } from './destinationHosts.ts';
import { checkDestinationSubsets } from './destinationSubsets.ts';
import { checkGatewayCatchAlls } from './gatewayCatchAlls.ts';
import { checkGatewayRefs } from './gatewayRefs.ts';
import { checkIngressSubsets } from './ingressSubsets.ts';
import { checkJwtClaimRoutes } from './jwtClaimRoutes.ts';
import { checkKialiRoutes } from './kialiRouteChecks.ts';
import { checkMatchGatewayRefs } from './matchGatewayRefs.ts';
import { checkMeshHostConflicts } from './meshHostConflicts.ts';
import { checkPrefixRewrites } from './prefixRewrites.ts';
import { checkUnreachableRules } from './unreachableRules.ts';

/** The checks of this folder, in the order their findings are listed. */
export const ROUTING_CHECKS: readonly Check[] = [
  checkGatewayRefs,
  checkMatchGatewayRefs,
  checkDelegates,
  checkDestinationHosts,
  checkDestinationSubsets,
  checkIngressSubsets,
  checkMeshHostConflicts,
  checkGatewayCatchAlls,
  checkJwtClaimRoutes,
  checkUnreachableRules,
  checkPrefixRewrites,
  checkKialiRoutes,
];
