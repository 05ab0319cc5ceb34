import { GLOBAL_RATE_LIMIT } from './globalRateLimit.ts';
import { GATEWAY_MONITORING } from './monitoring.ts';
import { RATE_LIMIT } from './rateLimit.ts';
import { FAULT_DRILL, MIRROR, TIMEOUTS_RETRIES } from './resilience.ts';
import { SCALING_PACK } from './scalingPack.ts';
import type { Scenario } from './scenario.ts';
import { HTTPS, MUTUAL_TLS } from './tls.ts';
import { BASIC, BLUE_GREEN, CANARY, HEADER_BETA, PATH_SPLIT } from './trafficSplits.ts';
import { ZERO_DOWNTIME } from './zeroDowntime.ts';

export type {
  ParameterSpec,
  ParameterValidator,
  ParameterValue,
  ResolvedParams,
  Scenario,
  ScenarioParams,
} from './scenario.ts';
export { parameterProblems, resolveParameters } from './scenario.ts';

/** The "Add scenario" menu of issue 4, in the order a user meets them. */
export const SCENARIOS: readonly Scenario[] = [
  BASIC,
  CANARY,
  HEADER_BETA,
  BLUE_GREEN,
  PATH_SPLIT,
  MIRROR,
  FAULT_DRILL,
  TIMEOUTS_RETRIES,
  HTTPS,
  MUTUAL_TLS,
  SCALING_PACK,
  ZERO_DOWNTIME,
  RATE_LIMIT,
  GLOBAL_RATE_LIMIT,
  GATEWAY_MONITORING,
];

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
