import { suppressCommand } from '../edit/suppressFinding.ts';
import { SUPPRESS_ANNOTATION } from '../model/suppressAnnotation.ts';
import { type Diagnostic, syntaxDiagnostics } from '../workspace/diagnostics.ts';
import { pathPosition } from '../workspace/position.ts';
import { sameItems } from '../workspace/sameItems.ts';
import { type Entry, entries, type Workspace } from '../workspace/workspace.ts';
import { formatPath, type Path } from '../yaml/path.ts';
import { type CheckContext, checkContext } from './context.ts';
import type { Check, Finding, QuickFix, ReferencedKind } from './finding.ts';
import { GATEWAY_API_CHECKS } from './gatewayApi/checks.ts';
import { INGRESS_CHECKS } from './ingress/checks.ts';
import { MONITORING_CHECKS } from './monitoring/checks.ts';
import { ROUTING_CHECKS } from './routing/checks.ts';
import { STRUCTURE_CHECKS } from './structure/checks.ts';
import { type SuppressedBy, type Suppression, suppressedBy, suppressionCode } from './suppress.ts';
import { WORKLOAD_CHECK_READS, WORKLOAD_CHECKS } from './workloads/checks.ts';

export interface LintOptions {
  /**
   * Treat the workspace as complete for every kind: a reference to a Service, Secret or
   * workload that is not there is wrong, as `istioctl analyze` rates it, even when the
   * workspace holds none of that kind.
   */
  readonly complete?: boolean;
  /** `--suppress CODE=RESOURCE`: findings not to report (the annotation is always honoured). */
  readonly suppress?: readonly Suppression[];
}

/** A diagnostic with the repairs the UI can offer for it. */
export interface LintDiagnostic extends Diagnostic {
  /** `path` as segments, for finding the node it belongs to. */
  readonly fieldPath?: Path;
  readonly fixes?: readonly QuickFix[];
  /** Adds the finding's code to its resource's `galley.istio.io/analyze-suppress` annotation. */
  readonly suppress?: QuickFix;
}

/** A diagnostic that is not reported, and why. */
export interface SuppressedDiagnostic extends LintDiagnostic {
  readonly suppressedBy: SuppressedBy;
}

/** What lint reports, and what it found but does not report (suppressed). */
export interface LintReport {
  readonly diagnostics: LintDiagnostic[];
  readonly suppressed: SuppressedDiagnostic[];
}

const READS: ReadonlyMap<Check, readonly string[]> = WORKLOAD_CHECK_READS;

const CHECKS = [
  ...STRUCTURE_CHECKS,
  ...WORKLOAD_CHECKS,
  ...ROUTING_CHECKS,
  ...GATEWAY_API_CHECKS,
  ...INGRESS_CHECKS,
  ...MONITORING_CHECKS,
];

/** What a check that declares its kinds found, and the lists of those kinds it found it in. */
const found = new WeakMap<Check, { reads: readonly (readonly Entry[])[]; findings: Finding[] }>();

/**
 * A check's findings: taken from its last run when it declares the kinds it reads (`READS`) and
 * none of their documents changed (the context keeps such a kind's list object), so a keystroke
 * in a VirtualService does not run the checks of Gateways and workloads again.
 */
function run(check: Check, context: CheckContext): Iterable<Finding> {
  const kinds = READS.get(check);
  if (!kinds?.length) return check(context);
  const reads = kinds.map((kind) => context.entriesOf(kind));
  const last = found.get(check);
  if (last?.reads.every((list, i) => sameItems(list, reads[i]))) return last.findings;
  const findings = [...check(context)];
  found.set(check, { reads, findings });
  return findings;
}

/** Every finding about the workspace, as raw findings (before positions). */
export function findings(workspace: Workspace, options: LintOptions = {}): Finding[] {
  const context = checkContext(workspace);
  const out: Finding[] = [];
  for (const check of CHECKS) {
    for (const finding of run(check, context)) {
      const absent = finding.missing && !options.complete && !context.holds(finding.missing);
      out.push(absent ? notInWorkspace(finding) : finding);
    }
  }
  return out;
}

/**
 * The workspace's diagnostics (CONTRACT section 3): syntax problems, then findings in file and
 * line order, each at the range of the node it is about. Suppressed findings are left out.
 */
export function lint(workspace: Workspace, options: LintOptions = {}): LintDiagnostic[] {
  return lintReport(workspace, options).diagnostics;
}

/**
 * The diagnostics, and apart from them the findings suppressed by their resource's
 * `galley.istio.io/analyze-suppress` annotation or by `options.suppress`, as istioctl leaves them
 * out (its `filterMessages`). Each reported finding about a resource offers "Suppress".
 */
export function lintReport(workspace: Workspace, options: LintOptions = {}): LintReport {
  const byId = new Map<string, Entry>();
  for (const entry of entries(workspace)) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const located: LintDiagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const finding of findings(workspace, options)) {
    const position = pathPosition(workspace, finding.at, finding.path);
    if (!position) continue;
    const entry = byId.get(finding.resource);
    const diagnostic: LintDiagnostic = {
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
    };
    const hidden = suppressedBy(
      finding,
      entry?.object.metadata.annotations[SUPPRESS_ANNOTATION],
      options.suppress ?? [],
    );
    if (hidden) suppressed.push({ ...diagnostic, suppressedBy: hidden });
    else if (entry) located.push({ ...diagnostic, suppress: suppressFix(entry, finding) });
    else located.push(diagnostic);
  }
  const order = new Map(workspace.files.map((file, i) => [file.name, i]));
  const byPlace = (a: LintDiagnostic, b: LintDiagnostic) =>
    (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column;
  located.sort(byPlace);
  suppressed.sort(byPlace);
  return { diagnostics: [...syntaxDiagnostics(workspace), ...located], suppressed };
}

/** "Suppress" for one finding: its istioctl code (else its own) added to its resource's annotation. */
function suppressFix(entry: Entry, finding: Finding): QuickFix {
  const code = suppressionCode(finding);
  return {
    title: `Suppress ${code} on ${entry.object.kind} ${entry.object.metadata.name} (${SUPPRESS_ANNOTATION})`,
    command: suppressCommand(entry, code),
  };
}

/** How the message names what the workspace holds none of. */
const HELD_KINDS: Record<ReferencedKind, string> = {
  Service: 'Services',
  Secret: 'Secrets',
  ConfigMap: 'ConfigMaps',
  Workload: 'Pods or Deployments',
  Gateway: 'Gateways',
  'Gateway.gateway.networking.k8s.io': 'Gateway API Gateways',
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
