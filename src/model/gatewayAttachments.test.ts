import { describe, expect, test } from 'vitest';
import { type EnvoyFilter, readEnvoyFilter } from './envoyFilter.ts';
import {
  autoscalersOf,
  autoscalerTargets,
  budgetSelects,
  budgetsOf,
  envoyFilterApplies,
  envoyFiltersOf,
  gatewayAttachments,
} from './gatewayAttachments.ts';
import {
  type HorizontalPodAutoscaler,
  readHorizontalPodAutoscaler,
} from './horizontalPodAutoscaler.ts';
import { type PodDisruptionBudget, readPodDisruptionBudget } from './podDisruptionBudget.ts';

const GATEWAY_NAME = 'gateway.networking.k8s.io/gateway-name';
const SHOP = { namespace: 'shop', labels: { app: 'shop-gw', istio: 'shop' } };
const SHOP_PODS = { ...SHOP, deploymentName: 'shop-gw' };
/** Pods Istio deployed for the Gateway API Gateway `web` in `shop`. */
const WEB_PODS = {
  namespace: 'shop',
  labels: { [GATEWAY_NAME]: 'web', 'gateway.istio.io/managed': 'istio.io-gateway-controller' },
  deploymentName: 'web-istio',
};

function hpa(
  namespace: string,
  scaleTargetRef: Record<string, unknown>,
  apiVersion = 'autoscaling/v2',
): HorizontalPodAutoscaler {
  return readHorizontalPodAutoscaler({
    apiVersion,
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'scale', namespace },
    spec: { scaleTargetRef, maxReplicas: 4 },
  });
}

function pdb(spec: Record<string, unknown>, apiVersion = 'policy/v1'): PodDisruptionBudget {
  return readPodDisruptionBudget({
    apiVersion,
    kind: 'PodDisruptionBudget',
    metadata: { name: 'budget', namespace: 'shop' },
    spec: { minAvailable: 1, ...spec },
  });
}

function filter(namespace: string, spec: Record<string, unknown> = {}, name = 'f'): EnvoyFilter {
  return readEnvoyFilter({
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'EnvoyFilter',
    metadata: { name, namespace },
    spec: { configPatches: [], ...spec },
  });
}

const byNamespace = <T extends { metadata: { namespace: string } }>(...objects: T[]) => {
  const map = new Map<string, { id: string; object: T }[]>();
  for (const object of objects) {
    const { namespace } = object.metadata;
    const list = map.get(namespace) ?? [];
    list.push({ id: `${namespace}/${list.length}`, object });
    map.set(namespace, list);
  }
  return map;
};

const names = (items: readonly { object: { metadata: { name: string } } }[]) =>
  items.map((item) => item.object.metadata.name);

describe('autoscalerTargets', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-gw' };

  test('an autoscaler scales the Deployment its scaleTargetRef names, in its own namespace', () => {
    expect(autoscalerTargets(hpa('shop', ref), 'shop', 'shop-gw')).toBe(true);
    expect(autoscalerTargets(hpa('shop', ref, 'autoscaling/v1'), 'shop', 'shop-gw')).toBe(true);
    expect(autoscalerTargets(hpa('other', ref), 'shop', 'shop-gw')).toBe(false);
    expect(autoscalerTargets(hpa('shop', ref), 'shop', 'web-istio')).toBe(false);
  });

  test('a StatefulSet of the same name is not the Deployment', () => {
    expect(autoscalerTargets(hpa('shop', { ...ref, kind: 'StatefulSet' }), 'shop', 'shop-gw')).toBe(
      false,
    );
  });

  test('a reference without apiVersion still names the Deployment (a check says it fails)', () => {
    expect(
      autoscalerTargets(hpa('shop', { kind: 'Deployment', name: 'shop-gw' }), 'shop', 'shop-gw'),
    ).toBe(true);
  });

  test('a reference without name names no Deployment', () => {
    expect(autoscalerTargets(hpa('shop', { kind: 'Deployment' }), 'shop', '')).toBe(false);
  });

  test('pods without a known Deployment or namespace have no autoscaler', () => {
    const all = byNamespace(hpa('shop', ref));
    expect(names(autoscalersOf(all, SHOP_PODS))).toEqual(['scale']);
    expect(autoscalersOf(all, { ...SHOP_PODS, deploymentName: undefined })).toEqual([]);
    expect(autoscalersOf(all, { ...SHOP_PODS, namespace: undefined })).toEqual([]);
  });
});

describe('budgetSelects', () => {
  test('matchLabels: a subset of the pod labels selects them', () => {
    expect(budgetSelects(pdb({ selector: { matchLabels: { app: 'shop-gw' } } }), SHOP.labels)).toBe(
      true,
    );
    expect(budgetSelects(pdb({ selector: { matchLabels: { app: 'web' } } }), SHOP.labels)).toBe(
      false,
    );
  });

  test('matchExpressions count: In, NotIn, Exists and DoesNotExist', () => {
    const expr = (key: string, operator: string, values?: string[]) =>
      pdb({ selector: { matchExpressions: [{ key, operator, values }] } });
    expect(budgetSelects(expr('app', 'In', ['shop-gw', 'web']), SHOP.labels)).toBe(true);
    expect(budgetSelects(expr('app', 'In', ['web']), SHOP.labels)).toBe(false);
    expect(budgetSelects(expr('app', 'NotIn', ['web']), SHOP.labels)).toBe(true);
    expect(budgetSelects(expr('app', 'NotIn', ['shop-gw']), SHOP.labels)).toBe(false);
    expect(budgetSelects(expr('istio', 'Exists'), SHOP.labels)).toBe(true);
    expect(budgetSelects(expr('version', 'Exists'), SHOP.labels)).toBe(false);
    expect(budgetSelects(expr('version', 'DoesNotExist'), SHOP.labels)).toBe(true);
    expect(budgetSelects(expr('istio', 'DoesNotExist'), SHOP.labels)).toBe(false);
  });

  test('matchLabels and matchExpressions are ANDed', () => {
    const both = (values: string[]) =>
      pdb({
        selector: {
          matchLabels: { app: 'shop-gw' },
          matchExpressions: [{ key: 'istio', operator: 'In', values }],
        },
      });
    expect(budgetSelects(both(['shop']), SHOP.labels)).toBe(true);
    expect(budgetSelects(both(['other']), SHOP.labels)).toBe(false);
  });

  test('no selector selects no pods; {} every pod in policy/v1, none in policy/v1beta1', () => {
    expect(budgetSelects(pdb({}), SHOP.labels)).toBe(false);
    expect(budgetSelects(pdb({ selector: {} }), SHOP.labels)).toBe(true);
    expect(budgetSelects(pdb({ selector: {} }, 'policy/v1beta1'), SHOP.labels)).toBe(false);
    expect(
      budgetSelects(pdb({ selector: { matchLabels: { app: 'shop-gw' } } }, 'policy/v1beta1'), {
        ...SHOP.labels,
      }),
    ).toBe(true);
  });

  test('budgets are looked for in the pods’ namespace only', () => {
    const all = byNamespace(pdb({ selector: { matchLabels: { app: 'shop-gw' } } }));
    expect(names(budgetsOf(all, SHOP_PODS))).toEqual(['budget']);
    expect(budgetsOf(all, { ...SHOP_PODS, namespace: 'other' })).toEqual([]);
    expect(budgetsOf(all, { ...SHOP_PODS, namespace: undefined })).toEqual([]);
  });
});

describe('envoyFilterApplies', () => {
  test('without workloadSelector: every workload of its namespace, of all from the root namespace', () => {
    expect(envoyFilterApplies(filter('shop'), SHOP)).toBe(true);
    expect(envoyFilterApplies(filter('elsewhere'), SHOP)).toBe(false);
    expect(envoyFilterApplies(filter('istio-system'), SHOP)).toBe(true);
  });

  test('a workloadSelector takes the workloads whose labels include its labels', () => {
    const selecting = (labels: Record<string, string>, namespace = 'shop') =>
      filter(namespace, { workloadSelector: { labels } });
    expect(envoyFilterApplies(selecting({ istio: 'shop' }), SHOP)).toBe(true);
    expect(envoyFilterApplies(selecting({ istio: 'shop', app: 'web' }), SHOP)).toBe(false);
    expect(envoyFilterApplies(selecting({ istio: 'shop' }, 'istio-system'), SHOP)).toBe(true);
    expect(envoyFilterApplies(selecting({ istio: 'other' }, 'istio-system'), SHOP)).toBe(false);
  });

  test('pods known only by labels take only the root namespace’s filters', () => {
    const pods = { namespace: undefined, labels: SHOP.labels };
    expect(envoyFilterApplies(filter('shop'), pods)).toBe(false);
    expect(envoyFilterApplies(filter('istio-system'), pods)).toBe(true);
  });

  const targeting = (namespace: string, ref: Record<string, unknown>, selector?: object) =>
    filter(namespace, {
      targetRefs: [ref],
      ...(selector ? { workloadSelector: { labels: selector } } : {}),
    });
  const webRef = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web' };

  test('a filter with targetRefs never applies to pods of an Istio Gateway, even selecting them', () => {
    expect(envoyFilterApplies(targeting('shop', webRef), SHOP)).toBe(false);
    expect(envoyFilterApplies(targeting('shop', webRef, { istio: 'shop' }), SHOP)).toBe(false);
  });

  test('targetRefs take the pods of the Gateway API Gateway they name, in the same namespace', () => {
    expect(envoyFilterApplies(targeting('shop', webRef), WEB_PODS)).toBe(true);
    expect(envoyFilterApplies(targeting('shop', { ...webRef, namespace: 'shop' }), WEB_PODS)).toBe(
      true,
    );
    expect(envoyFilterApplies(targeting('shop', { ...webRef, name: 'api' }), WEB_PODS)).toBe(false);
    expect(envoyFilterApplies(targeting('shop', { ...webRef, namespace: 'web' }), WEB_PODS)).toBe(
      false,
    );
    expect(envoyFilterApplies(targeting('istio-system', webRef), WEB_PODS)).toBe(false);
    expect(envoyFilterApplies(targeting('shop', { ...webRef, group: '' }), WEB_PODS)).toBe(false);
    expect(
      envoyFilterApplies(targeting('shop', { ...webRef, kind: 'GatewayClass' }), WEB_PODS),
    ).toBe(false);
  });

  test('Gateway API pods still take a filter without targetRefs by its workloadSelector', () => {
    const selecting = (labels: Record<string, string>) =>
      filter('shop', { workloadSelector: { labels } });
    expect(envoyFilterApplies(selecting({ [GATEWAY_NAME]: 'web' }), WEB_PODS)).toBe(true);
    expect(envoyFilterApplies(selecting({ [GATEWAY_NAME]: 'api' }), WEB_PODS)).toBe(false);
  });

  test('own namespace first, then the root namespace; the root namespace once for its own pods', () => {
    const all = byNamespace(
      filter('istio-system', {}, 'mesh-wide'),
      filter('shop', {}, 'local'),
      filter('elsewhere', {}, 'not-here'),
    );
    expect(names(envoyFiltersOf(all, SHOP))).toEqual(['local', 'mesh-wide']);
    expect(names(envoyFiltersOf(all, { ...SHOP, namespace: 'istio-system' }))).toEqual([
      'mesh-wide',
    ]);
  });
});

test('gatewayAttachments reads the three indexes for one set of pods', () => {
  const found = gatewayAttachments(
    {
      autoscalersByNamespace: byNamespace(
        hpa('shop', { apiVersion: 'apps/v1', kind: 'Deployment', name: 'shop-gw' }),
      ),
      budgetsByNamespace: byNamespace(pdb({ selector: { matchLabels: { istio: 'shop' } } })),
      envoyFiltersByNamespace: byNamespace(filter('shop', { targetRefs: [{ name: 'web' }] })),
    },
    SHOP_PODS,
  );
  expect({
    autoscalers: names(found.autoscalers),
    budgets: names(found.budgets),
    filters: names(found.filters),
  }).toEqual({ autoscalers: ['scale'], budgets: ['budget'], filters: [] });
});
