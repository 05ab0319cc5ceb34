import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, textOf, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkDestinationSubsets } from './destinationSubsets.ts';

const rule = dedent`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: reviews, namespace: shop}
  spec:
    host: reviews
    subsets:
    - name: v1
      labels: {version: v1}
`;

function routeTo(destination: string, namespace = 'shop', mirror = '') {
  return dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: reviews, namespace: ${namespace}}
    spec:
      hosts: [reviews]
      http:
      - route:
        - destination: ${destination}
        ${mirror}
  `;
}

describe('DestinationRuleAnalyzer: subsets of route and mirror destinations (IST0101)', () => {
  test('a subset defined in a DestinationRule for the host, short name or FQDN, is found', () => {
    expect(
      run(checkDestinationSubsets, workspaceOf(rule, routeTo('{host: reviews, subset: v1}'))),
    ).toEqual([]);
    const fqdn = routeTo('{host: reviews.shop.svc.cluster.local, subset: v1}', 'web');
    expect(run(checkDestinationSubsets, workspaceOf(rule, fqdn))).toEqual([]);
  });

  test('an undefined subset gives IST0101 (KIA1107) at the subset', () => {
    const found = run(
      checkDestinationSubsets,
      workspaceOf(rule, routeTo('{host: reviews, subset: v2}')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-destination-subset-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/reviews',
        path: 'spec.http[0].route[0].destination.subset',
        istio: 'IST0101',
        kiali: 'KIA1107',
      },
    ]);
  });

  test('a short name in another namespace is another host: its subsets are not found', () => {
    const found = run(
      checkDestinationSubsets,
      workspaceOf(rule, routeTo('{host: reviews, subset: v1}', 'web')),
    );
    expect(found.map((f) => f.istio)).toEqual(['IST0101']);
  });

  test('a mirror subset is checked as "mirror+subset", without the Kiali code', () => {
    const vs = routeTo(
      '{host: reviews, subset: v1}',
      'shop',
      'mirror: {host: reviews, subset: shadow}',
    );
    const found = run(checkDestinationSubsets, workspaceOf(rule, vs));
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-mirror-subset-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/reviews',
        path: 'spec.http[0].mirror.subset',
        istio: 'IST0101',
      },
    ]);
  });

  test('the fix creates the subset in the only DestinationRule for the host, and clears the finding', () => {
    const workspace = workspaceOf(rule, routeTo('{host: reviews, subset: v2}'));
    const fix = run(checkDestinationSubsets, workspace)[0]?.fixes?.[0];
    expect(fix?.title).toBe('Create subset v2 in DestinationRule reviews');
    expect(fix?.command).toMatchObject({
      type: 'insertItem',
      target: 'DestinationRule/shop/reviews',
      path: ['spec', 'subsets'],
      index: 1,
      value: { name: 'v2', labels: { version: 'v2' } },
    });
    const fixed = applyFix(workspace, fix);
    expect(textOf(fixed, 0)).toContain('name: v2');
    expect(run(checkDestinationSubsets, fixed)).toEqual([]);
  });

  test('a DestinationRule without subsets gets the list created', () => {
    const bare = dedent`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: shop}
      spec:
        host: reviews
    `;
    const workspace = workspaceOf(bare, routeTo('{host: reviews, subset: v1}'));
    const fix = run(checkDestinationSubsets, workspace)[0]?.fixes?.[0];
    expect(fix?.command.type).toBe('setValue');
    expect(run(checkDestinationSubsets, applyFix(workspace, fix))).toEqual([]);
  });

  test('no fix when two DestinationRules are for the host', () => {
    const second = rule
      .replace('name: reviews, namespace', 'name: reviews-b, namespace')
      .replace('name: v1', 'name: v3');
    const found = run(
      checkDestinationSubsets,
      workspaceOf(rule, second, routeTo('{host: reviews, subset: v2}')),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.fixes).toBeUndefined();
    expect(
      run(
        checkDestinationSubsets,
        workspaceOf(rule, second, routeTo('{host: reviews, subset: v3}')),
      ),
    ).toEqual([]);
  });

  test('with no DestinationRule in the workspace, a missing subset is information', () => {
    const workspace = workspaceOf(routeTo('{host: reviews, subset: v1}'));
    const ofSubsets = (complete: boolean) =>
      findings(workspace, { complete })
        .filter((f) => f.code === 'vs-destination-subset-not-found')
        .map((f) => [f.istio, f.severity]);
    expect(ofSubsets(false)).toEqual([['IST0101', 'info']]);
    expect(ofSubsets(true)).toEqual([['IST0101', 'error']]);
  });
});
