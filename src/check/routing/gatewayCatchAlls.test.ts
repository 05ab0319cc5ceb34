import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { checkGatewayCatchAlls } from './gatewayCatchAlls.ts';

function vs(name: string, body: string, head = 'hosts: [shop.example.com]\n  gateways: [gw]') {
  return `${dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: ${name}, namespace: shop}
    spec:
  `}  ${head}\n${body}`;
}

describe("Kiali's KIA1106 for gateway VirtualServices: only when their merged catch-alls clash", () => {
  const catchAll =
    '  http:\n  - match: [{uri: {prefix: /}}]\n    route: [{destination: {host: web}}]\n';
  const apiOnly =
    '  http:\n  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: api}}]\n';

  test('two VirtualServices of one gateway host that both end in a catch-all are both reported', () => {
    const found = run(
      checkGatewayCatchAlls,
      workspaceOf(
        vs('a', catchAll),
        vs('b', '  http:\n  - route: [{destination: {host: other}}]\n'),
      ),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-gateway-host-catch-all-conflict',
        severity: 'warning',
        resource: 'VirtualService/shop/a',
        path: 'spec.http[0]',
        kiali: 'KIA1106',
      },
      {
        code: 'vs-gateway-host-catch-all-conflict',
        severity: 'warning',
        resource: 'VirtualService/shop/b',
        path: 'spec.http[0]',
        kiali: 'KIA1106',
      },
    ]);
  });

  test('splitting a gateway host across VirtualServices with one catch-all is not reported', () => {
    expect(run(checkGatewayCatchAlls, workspaceOf(vs('a', catchAll), vs('b', apiOnly)))).toEqual(
      [],
    );
  });

  test('different gateways or different hosts do not merge', () => {
    const otherGateway = vs('b', catchAll, 'hosts: [shop.example.com]\n  gateways: [gw2]');
    expect(run(checkGatewayCatchAlls, workspaceOf(vs('a', catchAll), otherGateway))).toEqual([]);
    const otherHost = vs('b', catchAll, 'hosts: [api.example.com]\n  gateways: [gw]');
    expect(run(checkGatewayCatchAlls, workspaceOf(vs('a', catchAll), otherHost))).toEqual([]);
  });
});
