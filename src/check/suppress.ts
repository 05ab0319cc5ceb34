import { parseResourceId, type ResourceId } from '../model/resource.ts';
import { annotationCodes } from '../model/suppressAnnotation.ts';

/**
 * Findings people can live with, as `istioctl analyze` lets them (issue 11):
 * `--suppress "CODE=Kind namespace/name"` and the `galley.istio.io/analyze-suppress` annotation.
 * Semantics follow Istio's `filterMessages` (pkg/config/analysis/local/istiod_analyze.go).
 */

/** One `--suppress CODE=RESOURCE`: a code and a glob over the resource's friendly name. */
export interface Suppression {
  readonly code: string;
  /** A pattern over `Kind namespace/name` (`Kind name` when cluster-scoped); `*` matches any text. */
  readonly resource: string;
}

/** What hid a finding. */
export type SuppressedBy = 'annotation' | 'flag';

/** The codes a finding can be suppressed by: the project's own, and the upstream ones it carries. */
export interface FindingCodes {
  readonly code: string;
  readonly istio?: string | undefined;
  readonly kiali?: string | undefined;
}

export type ParsedSuppression =
  | { readonly ok: true; readonly suppression: Suppression }
  | { readonly ok: false; readonly error: string };

/**
 * Reads one `--suppress` value. As istioctl does, the value splits on `=` into exactly two parts;
 * an empty code or resource, which istioctl would accept and never match, is refused too.
 */
export function parseSuppression(text: string): ParsedSuppression {
  const parts = text.split('=');
  const [code, resource] = parts;
  if (parts.length !== 2 || !code?.trim() || !resource?.trim())
    return {
      ok: false,
      error: `--suppress ${JSON.stringify(text)} is not CODE=RESOURCE (e.g. --suppress "IST0101=VirtualService web/shop", --suppress "IST0107=Pod *")`,
    };
  return { ok: true, suppression: { code: code.trim(), resource: resource.trim() } };
}

/**
 * Kinds without a namespace: istioctl names them `Kind name`. (Istio's schema collections say
 * which kinds are cluster-scoped; these are the ones a workspace of ingress manifests can hold.)
 */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'IngressClass',
  'GatewayClass',
  'ClusterIssuer',
]);

/**
 * The name istioctl prints and `--suppress` matches: `Kind namespace/name`, or `Kind name` for a
 * cluster-scoped kind (Istio's kube `Origin.FriendlyName`; `name.namespace` before Istio 1.12).
 */
export function friendlyName(id: ResourceId): string | undefined {
  const parsed = parseResourceId(id);
  if (!parsed) return undefined;
  const kind = parsed.kind.split('.')[0] ?? parsed.kind;
  return CLUSTER_SCOPED.has(kind)
    ? `${kind} ${parsed.name}`
    : `${kind} ${parsed.namespace}/${parsed.name}`;
}

/**
 * `*` matches any text (spaces and `/` too), everything else itself: a port of the glob Istio
 * uses (github.com/ryanuber/go-glob), leftmost match of each part as it does.
 */
export function globMatch(pattern: string, subject: string): boolean {
  if (pattern === '') return subject === '';
  if (pattern === '*') return true;
  const parts = pattern.split('*');
  if (parts.length === 1) return subject === pattern;
  const leading = pattern.startsWith('*');
  const trailing = pattern.endsWith('*');
  const end = parts.length - 1;
  let rest = subject;
  for (let i = 0; i < end; i++) {
    const part = parts[i] as string;
    const index = rest.indexOf(part);
    if (i === 0 ? !leading && index !== 0 : index < 0) return false;
    rest = rest.slice(index + part.length);
  }
  return trailing || rest.endsWith(parts[end] as string);
}

/** Whether any of the finding's codes is `code`. */
function carries(finding: FindingCodes, code: string): boolean {
  return finding.code === code || finding.istio === code || finding.kiali === code;
}

/**
 * Why a finding about `resource` is not reported, if it is not: the resource's annotation lists
 * one of its codes (or `*`), or a `--suppress` names one of its codes and matches the resource.
 */
export function suppressedBy(
  finding: FindingCodes & { readonly resource?: ResourceId | undefined },
  annotation: string | undefined,
  suppressions: readonly Suppression[],
): SuppressedBy | undefined {
  if (!finding.resource) return undefined;
  if (annotationCodes(annotation).some((code) => code === '*' || carries(finding, code)))
    return 'annotation';
  if (suppressions.length === 0) return undefined;
  const name = friendlyName(finding.resource);
  if (name === undefined) return undefined;
  return suppressions.some((s) => carries(finding, s.code) && globMatch(s.resource, name))
    ? 'flag'
    : undefined;
}

/** The code a "Suppress" writes: the `istioctl analyze` code where there is one, so istioctl honours it too. */
export function suppressionCode(finding: FindingCodes): string {
  return finding.istio ?? finding.code;
}

/**
 * Why a `--suppress` resource can never match, if it cannot: a namespaced kind named without a
 * namespace, typically the `name.namespace` form istioctl printed before 1.12 (its help still
 * shows it). Undefined when the pattern may match.
 */
export function suppressionHint(suppression: Suppression): string | undefined {
  const match = /^(\S+) ([^/\s*]+)$/.exec(suppression.resource);
  if (!match) return undefined;
  const [, kind = '', name = ''] = match;
  if (CLUSTER_SCOPED.has(kind)) return undefined;
  const dot = name.lastIndexOf('.');
  const instead =
    dot > 0 ? `${kind} ${name.slice(dot + 1)}/${name.slice(0, dot)}` : `${kind} NAMESPACE/${name}`;
  return `--suppress "${suppression.code}=${suppression.resource}" matches nothing: a ${kind} is named "${kind} namespace/name" (try "${instead}")`;
}
