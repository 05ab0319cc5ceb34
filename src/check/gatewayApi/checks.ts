import type { Check } from '../finding.ts';
import { checkFrontendTls } from './frontendTls.ts';
import { checkGatewayClasses } from './gatewayClasses.ts';
import { checkListenerConflicts } from './listenerConflicts.ts';
import { checkListenerRefs } from './listenerRefs.ts';
import { checkRouteBackends } from './routeBackends.ts';
import { checkRouteParents } from './routeParents.ts';
import { gatewayApiValidation } from './validation.ts';

/** The Gateway API checks, in the order their findings are listed. */
export const GATEWAY_API_CHECKS: readonly Check[] = [
  gatewayApiValidation,
  checkGatewayClasses,
  checkListenerConflicts,
  checkListenerRefs,
  checkFrontendTls,
  checkRouteParents,
  checkRouteBackends,
];
