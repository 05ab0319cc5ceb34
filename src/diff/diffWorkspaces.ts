import type { SimRequest } from '../simulate/types.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { type FindingChanges, findingChanges } from './findingChanges.ts';
import { type ResourceChange, resourceChanges } from './resourceChanges.ts';
import { type TrafficChange, trafficChanges } from './trafficChanges.ts';

/** CONTRACT section 1's `diff` JSON, exactly. */
export interface WorkspaceDiff {
  readonly resources: readonly ResourceChange[];
  readonly traffic: readonly TrafficChange[];
  readonly findings: FindingChanges;
}

export interface DiffOptions {
  /** Saved test requests, simulated on both sides besides the requests derived from the rules. */
  readonly tests?: readonly SimRequest[];
}

/** What changes from `before` to `after`: resources field by field, traffic, findings. */
export function diffWorkspaces(
  before: Workspace,
  after: Workspace,
  options: DiffOptions = {},
): WorkspaceDiff {
  return {
    resources: resourceChanges(before, after),
    traffic: trafficChanges(before, after, options.tests),
    findings: findingChanges(before, after),
  };
}

/** No resource, request or finding differs. */
export function isEmptyDiff(diff: WorkspaceDiff): boolean {
  return (
    diff.resources.length === 0 &&
    diff.traffic.length === 0 &&
    diff.findings.added.length === 0 &&
    diff.findings.removed.length === 0
  );
}
