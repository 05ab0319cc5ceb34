import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkDelegates } from './delegates.ts';

function vs(name: string, body: string, head = 'hosts: [shop.example.com]\n  gateways: [gw]') {
  return `${dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: ${name}, namespace: shop}
    spec:
  `}  ${head}\n${body}`;
}

describe('delegate references of root VirtualServices', () => {
  const root = vs(
    'root',
    '  http:\n  - match: [{uri: {prefix: /reviews}}]\n    delegate: {name: reviews, namespace: team}\n',
  );
  const delegate = (extra = '') =>
    dedent`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: team}
      spec:
        ${extra}
        http:
        - route: [{destination: {host: reviews}}]
    `;

  test('a delegate VirtualService without hosts, visible to the root, is fine', () => {
    expect(run(checkDelegates, workspaceOf(root, delegate()))).toEqual([]);
  });

  test('a delegate that does not exist is an error at the delegate name', () => {
    const found = run(
      checkDelegates,
      workspaceOf(root, delegate().replace('name: reviews,', 'name: ratings,')),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-delegate-not-found',
        severity: 'error',
        resource: 'VirtualService/shop/root',
        path: 'spec.http[0].delegate.name',
      },
    ]);
  });

  test('a target with hosts, or not exported to the root namespace, is not a usable delegate', () => {
    expect(run(checkDelegates, workspaceOf(root, delegate('hosts: [reviews]')))).toHaveLength(1);
    expect(run(checkDelegates, workspaceOf(root, delegate('exportTo: ["."]')))).toHaveLength(1);
    expect(run(checkDelegates, workspaceOf(root, delegate('exportTo: [shop]')))).toEqual([]);
  });

  test('with no delegate VirtualService in the workspace at all, a missing one is information', () => {
    const severities = (complete: boolean) =>
      findings(workspaceOf(root), { complete })
        .filter((f) => f.code === 'vs-delegate-not-found')
        .map((f) => f.severity);
    expect(severities(false)).toEqual(['info']);
    expect(severities(true)).toEqual(['error']);
  });
});
