import { describe, expect, it } from 'vitest';
import { BOOKINFO_GATEWAY } from '../../testing/gatewayApiSamples.ts';
import { gatewayReadiness } from './checklist.ts';
import { deployment, GATEWAY, hpa, pdb, readinessFindings, workspaceOf } from './testWorkspace.ts';

/** A budget for the gateway pods (`istio: edge`, `app: istio-edge`) with `selector` as written. */
const budget = (selector: string, name = 'istio-edge') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: edge}
spec:
  minAvailable: 1
${selector}`;

describe('which budgets protect the gateway pods', () => {
  it('a budget selecting them by matchExpressions counts: no missing budget', () => {
    const byExpression = budget(
      '  selector: {matchExpressions: [{key: app, operator: In, values: [istio-edge]}]}\n',
    );
    const workspace = workspaceOf(GATEWAY, deployment(), hpa(), byExpression);
    expect(readinessFindings(workspace, 'readiness-pdb-missing')).toEqual([]);
    expect(readinessFindings(workspace, 'readiness-pdb-selector-misses')).toEqual([]);
  });

  it('a budget named for the gateway whose expressions pick other pods misses them', () => {
    const others = budget(
      '  selector: {matchExpressions: [{key: app, operator: NotIn, values: [istio-edge]}]}\n',
    );
    const [found] = readinessFindings(
      workspaceOf(GATEWAY, deployment(), hpa(), others),
      'readiness-pdb-selector-misses',
    );
    expect(found?.message).toContain('its selector (app notin (istio-edge)) matches none');
  });

  it('a budget without selector protects no pod: it is named as missing them', () => {
    const found = readinessFindings(
      workspaceOf(GATEWAY, deployment(), hpa(), budget('')),
      'readiness-pdb-selector-misses',
    );
    expect(found.map((f) => f.resource)).toEqual(['PodDisruptionBudget/edge/istio-edge']);
  });

  it('matchLabels alone, as before, protects them', () => {
    const workspace = workspaceOf(GATEWAY, deployment(), hpa(), pdb());
    expect(readinessFindings(workspace, 'readiness-pdb-missing')).toEqual([]);
  });
});

const localLimit = (namespace: string, target: string) => `apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: limit, namespace: ${namespace}}
spec:
  ${target}
  configPatches:
  - applyTo: HTTP_FILTER
    match: {context: GATEWAY}
    patch:
      operation: INSERT_BEFORE
      value: {name: envoy.filters.http.local_ratelimit}
`;

const rateLimited = (workspace: ReturnType<typeof workspaceOf>, namespace: string, name: string) =>
  gatewayReadiness(workspace, { namespace, name }).find((item) => item.topic === 'rateLimit')?.ok;

describe('which EnvoyFilters rate limit the gateway', () => {
  const toBookinfo =
    'targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: bookinfo-gateway}]';

  it('a filter whose targetRefs name a Gateway API Gateway limits the pods Istio deploys for it', () => {
    expect(
      rateLimited(
        workspaceOf(BOOKINFO_GATEWAY, localLimit('shop', toBookinfo)),
        'shop',
        'bookinfo-gateway-istio',
      ),
    ).toBe(true);
    expect(
      rateLimited(
        workspaceOf(
          BOOKINFO_GATEWAY,
          localLimit('shop', toBookinfo.replace('bookinfo-gateway}', 'api}')),
        ),
        'shop',
        'bookinfo-gateway-istio',
      ),
    ).toBe(false);
    expect(
      rateLimited(
        workspaceOf(BOOKINFO_GATEWAY, localLimit('istio-system', toBookinfo)),
        'shop',
        'bookinfo-gateway-istio',
      ),
    ).toBe(false);
  });

  it('a filter with targetRefs does not limit an Istio Gateway’s pods; one selecting them does', () => {
    const targeted = localLimit(
      'edge',
      `${toBookinfo}\n  workloadSelector: {labels: {istio: edge}}`,
    );
    const selected = localLimit('edge', 'workloadSelector: {labels: {istio: edge}}');
    expect(rateLimited(workspaceOf(GATEWAY, deployment(), targeted), 'edge', 'istio-edge')).toBe(
      false,
    );
    expect(rateLimited(workspaceOf(GATEWAY, deployment(), selected), 'edge', 'istio-edge')).toBe(
      true,
    );
  });
});
