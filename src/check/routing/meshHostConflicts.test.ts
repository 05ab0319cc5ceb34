import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { checkMeshHostConflicts } from './meshHostConflicts.ts';

function vs(name: string, namespace: string, hosts: string, extra = '') {
  return dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: ${name}, namespace: ${namespace}}
    spec:
      hosts: ${hosts}
      ${extra}
      http:
      - route:
        - destination: {host: ratings}
  `;
}

describe('ConflictingMeshGatewayHostsAnalyzer: one host, several mesh VirtualServices (IST0109)', () => {
  test('two mesh VirtualServices for the same host are both reported, at the host', () => {
    const found = run(
      checkMeshHostConflicts,
      workspaceOf(
        vs('a', 'foo', '[ratings]'),
        vs('b', 'bar', '[ratings.foo.svc.cluster.local]', 'gateways: [mesh, gw]'),
      ),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'vs-mesh-host-conflict',
        severity: 'error',
        resource: 'VirtualService/foo/a',
        path: 'spec.hosts[0]',
        istio: 'IST0109',
        kiali: 'KIA1106',
      },
      {
        code: 'vs-mesh-host-conflict',
        severity: 'error',
        resource: 'VirtualService/bar/b',
        path: 'spec.hosts[0]',
        istio: 'IST0109',
        kiali: 'KIA1106',
      },
    ]);
  });

  test('VirtualServices bound only to gateways do not conflict for the mesh', () => {
    expect(
      run(
        checkMeshHostConflicts,
        workspaceOf(vs('a', 'foo', '[ratings]'), vs('b', 'foo', '[ratings]', 'gateways: [gw]')),
      ),
    ).toEqual([]);
  });

  test('short names in different namespaces are different hosts', () => {
    expect(
      run(
        checkMeshHostConflicts,
        workspaceOf(vs('a', 'foo', '[ratings]'), vs('a', 'bar', '[ratings]')),
      ),
    ).toEqual([]);
  });

  test('namespace-local exports in different namespaces do not conflict', () => {
    const found = run(
      checkMeshHostConflicts,
      workspaceOf(
        vs('a', 'foo', '[ratings]', 'exportTo: ["."]'),
        vs('b', 'bar', '[ratings.foo.svc.cluster.local]', 'exportTo: ["."]'),
      ),
    );
    expect(found).toEqual([]);
  });

  test('a namespace-scoped wildcard host conflicts with an overlapping host exported to all', () => {
    const found = run(
      checkMeshHostConflicts,
      workspaceOf(
        vs('a', 'foo', '["*.productpage.d"]', 'exportTo: ["."]'),
        vs('b', 'bar', '["*.d"]', 'exportTo: ["*"]'),
      ),
    );
    expect(found.map((f) => f.resource)).toEqual(['VirtualService/foo/a', 'VirtualService/bar/b']);
  });

  test('each VirtualService is reported once even when several of its hosts conflict', () => {
    const found = run(
      checkMeshHostConflicts,
      workspaceOf(
        vs('a', 'foo', '[x.example.com, y.example.com]'),
        vs('b', 'foo', '[x.example.com, y.example.com]'),
      ),
    );
    expect(found).toHaveLength(2);
  });
});
