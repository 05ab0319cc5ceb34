import { type Diagnostic, syntaxDiagnostics } from '../workspace/diagnostics.ts';
import { pathPosition } from '../workspace/position.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { checkContext } from './context.ts';
import type { Finding, QuickFix, ReferencedKind } from './finding.ts';
import { ROUTING_CHECKS } from './routing/checks.ts';
import { STRUCTURE_CHECKS } from './structure/checks.ts';
import { WORKLOAD_CHECKS } from './workloads/checks.ts';

export interface LintOptions {
  /**
   * Treat the workspace as complete for every kind: a reference to a Service, Secret or
   * workload that is not there is wrong, as `istioctl analyze` rates it, even when the
   * workspace holds none of that kind.
   */
  readonly complete?: boolean;
}

/** A diagnostic with the repairs the UI can offer for it. */
export interface LintDiagnostic extends Diagnostic {
  /** `path` as segments, for finding the node it belongs to. */
  readonly fieldPath?: Path;
  readonly fixes?: readonly QuickFix[];
}

const CHECKS = [...STRUCTURE_CHECKS, ...WORKLOAD_CHECKS, ...ROUTING_CHECKS];

/** Every finding about the workspace, as raw findings (before positions). */
export function findings(workspace: Workspace, options: LintOptions = {}): Finding[] {
  const context = checkContext(workspace);
  const out: Finding[] = [];
  for (const check of CHECKS) {
    for (const finding of check(context)) {
      const absent = finding.missing && !options.complete && !context.holds(finding.missing);
      out.push(absent ? notInWorkspace(finding) : finding);
    }
  }
  return out;
}

/**
 * The workspace's diagnostics (CONTRACT section 3): syntax problems, then findings in file and
 * line order, each at the range of the node it is about.
 */
export function lint(workspace: Workspace, options: LintOptions = {}): LintDiagnostic[] {
  const located: LintDiagnostic[] = [];
  for (const finding of findings(workspace, options)) {
    const position = pathPosition(workspace, finding.at, finding.path);
    if (!position) continue;
    located.push({
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      resource: finding.resource,
      ...(finding.path.length ? { path: formatPath(finding.path) } : {}),
      fieldPath: finding.path,
      ...position,
      ...(finding.istio ? { istio: finding.istio } : {}),
      ...(finding.kiali ? { kiali: finding.kiali } : {}),
      ...(finding.fixes?.length ? { fixes: finding.fixes } : {}),
    });
  }
  const order = new Map(workspace.files.map((file, i) => [file.name, i]));
  located.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column,
  );
  return [...syntaxDiagnostics(workspace), ...located];
}

/** How the message names what the workspace holds none of. */
const HELD_KINDS: Record<ReferencedKind, string> = {
  Service: 'Services',
  Secret: 'Secrets',
  Workload: 'Pods or Deployments',
  Gateway: 'Gateways',
  DestinationRule: 'DestinationRules',
  DelegateVirtualService: 'delegate VirtualServices',
};

/**
 * A reference to a kind the workspace holds none of: the workspace is probably a part of what
 * the cluster has, so this is information, not an error (issue 5, "not in this workspace").
 */
function notInWorkspace(finding: Finding): Finding {
  const kind = finding.missing ? HELD_KINDS[finding.missing] : '';
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message} (not in this workspace: it holds no ${kind}; lint with --complete to treat it as complete)`,
  };
}
