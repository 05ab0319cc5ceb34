import { MESH, resolveGatewayName } from '../../model/gatewayNames.ts';
import { selects } from '../../model/labels.ts';
import type { Dict } from '../../model/read.ts';
import { labels as readLabels, valueAt } from '../../model/read.ts';
import type { VirtualService } from '../../model/virtualService.ts';
import type { Path } from '../../yaml/path.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { gatewayLookup } from './gatewayLookup.ts';
import { field } from './rawValues.ts';
import { addressOf, virtualServiceEntries } from './virtualServiceEntries.ts';

/** `constant.HeaderJWTClaim`: header names of this form match on JWT claims. */
const JWT_CLAIM_PREFIX = '@request.auth.claims';
/** `constants.IstioSystemNamespace`: a RequestAuthentication here applies mesh-wide. */
const ROOT_NAMESPACE = 'istio-system';

/**
 * Istio's `JWTClaimRouteAnalyzer` (pkg/config/analysis/analyzers/virtualservice/jwtclaimroute.go)
 * → IST0149: a VirtualService matches on a JWT claim (`@request.auth.claims.*` in `headers` or
 * `withoutHeaders`), and a pod selected by one of its Istio Gateways has no RequestAuthentication
 * (in `istio-system` or the pod's namespace; no selector selects every pod). Without one the
 * claim is never extracted, so the match never succeeds. One message per such pod, as in Istio.
 */
export function* checkJwtClaimRoutes(context: CheckContext): Iterable<Finding> {
  const vss = virtualServiceEntries(context);
  if (!vss.some(({ vs }) => claimMatch(vs))) return;
  const authentications = requestAuthenticationSelectors(context);
  const lookup = gatewayLookup(context);
  for (const { entry, vs } of vss) {
    const claim = claimMatch(vs);
    if (!claim) continue;
    for (const ref of vs.gateways ?? []) {
      if (ref === MESH) continue;
      const key = resolveGatewayName(ref, vs.metadata.namespace);
      const target = lookup.get(key);
      // A missing Gateway is the gateway check's finding.
      if (target?.kind !== 'istio') continue;
      const selector = target.gateway.selector ?? {};
      for (const pod of context.workloads) {
        const podLabels = pod.object.podLabels;
        if (!selects(selector, podLabels)) continue;
        const covering = [
          ...(authentications.get(ROOT_NAMESPACE) ?? []),
          ...(pod.object.metadata.namespace === ROOT_NAMESPACE
            ? []
            : (authentications.get(pod.object.metadata.namespace) ?? [])),
        ];
        if (covering.some((s) => selects(s, podLabels))) continue;
        yield {
          code: 'vs-jwt-claim-without-authentication',
          severity: 'error',
          message: `Routing on JWT claim "${claim.key}" through Gateway ${key}, but no RequestAuthentication applies to its pod ${pod.object.metadata.namespace}/${pod.object.metadata.name}, so the claim is never set and the match never succeeds; add a RequestAuthentication selecting the gateway pods in ${ROOT_NAMESPACE} or ${pod.object.metadata.namespace}`,
          resource: entry.id,
          at: addressOf(entry),
          path: claim.path,
          istio: 'IST0149',
        };
      }
    }
  }
}

/** `routeBasedOnJWTClaimKey`: the first claim header of the http matches, and where it is. */
function claimMatch(vs: VirtualService): { key: string; path: Path } | undefined {
  for (const [r, rule] of vs.http.entries()) {
    for (const [m, match] of rule.match.entries()) {
      for (const group of ['headers', 'withoutHeaders'] as const) {
        for (const key of Object.keys(match[group] ?? {})) {
          if (key.startsWith(JWT_CLAIM_PREFIX)) {
            return { key, path: ['spec', 'http', r, 'match', m, group, key] };
          }
        }
      }
    }
  }
  return undefined;
}

/**
 * RequestAuthentication selectors by namespace. The kind is not modelled: its plain value is read.
 * A missing `selector.matchLabels` selects every pod (`klabels.SelectorFromSet(nil)`).
 */
function requestAuthenticationSelectors(context: CheckContext): Map<string, Dict<string>[]> {
  const out = new Map<string, Dict<string>[]>();
  for (const entry of context.entriesOf('RequestAuthentication')) {
    if (!entry.object.apiVersion.startsWith('security.istio.io/')) continue;
    const raw = context.raw(entry);
    const selector = readLabels(field(valueAt(raw, ['spec', 'selector']), 'matchLabels'));
    const namespace = entry.object.metadata.namespace;
    const list = out.get(namespace);
    if (list) list.push(selector);
    else out.set(namespace, [selector]);
  }
  return out;
}
