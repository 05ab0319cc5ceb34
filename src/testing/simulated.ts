import { simulate } from '../simulate/simulate.ts';
import type { SimRequest, Simulation } from '../simulate/types.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** For tests: the simulation of a request that must be readable (a test failure otherwise). */
export function simulated(workspace: Workspace, request: SimRequest): Simulation {
  const result = simulate(workspace, request);
  if (!result.ok) throw new Error(`the request cannot be simulated: ${result.error}`);
  return result.value;
}
