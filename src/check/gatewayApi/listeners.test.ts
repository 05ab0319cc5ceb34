import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { findings } from '../lint.ts';
import { checkListenerConflicts } from './listenerConflicts.ts';
import { checkListenerRefs } from './listenerRefs.ts';
import { GATEWAY } from './testYaml.fixtures.ts';

/** A Gateway `infra/edge` with the given listeners (YAML list items at column 0). */
function gateway(listeners: string): string {
  const items = listeners
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: infra}\nspec:\n  gatewayClassName: istio\n  listeners:\n${items}\n`;
}

const conflicts = (text: string) => run(checkListenerConflicts, workspaceOf(text)).map(seen);
const refs = (...texts: string[]) => run(checkListenerRefs, workspaceOf(...texts)).map(seen);

const CERT = dedent`
  apiVersion: v1
  kind: Secret
  metadata: {name: edge-cert, namespace: infra}
  type: kubernetes.io/tls
`;

describe('listener Conflicted (listener_conflict.go)', () => {
  test('HTTP listeners on one port with different hostnames are distinct', () => {
    expect(conflicts(GATEWAY)).toEqual([]);
  });

  test('HTTP and HTTPS on one port for the same hostname: the later one, ProtocolConflict', () => {
    const found = run(
      checkListenerConflicts,
      workspaceOf(
        gateway(dedent`
          - {name: a, port: 8080, protocol: HTTP, hostname: a.example.com}
          - {name: b, port: 8080, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: c}]}}
        `),
      ),
    );
    expect(found.map(seen)).toEqual([
      {
        code: 'gwapi-listener-conflict',
        severity: 'error',
        resource: 'Gateway.gateway.networking.k8s.io/infra/edge',
        path: 'spec.listeners[1].port',
      },
    ]);
    expect(found[0]?.message).toContain('ProtocolConflict');
  });

  test('HTTPS and TLS on one port with different hostnames do not conflict', () => {
    expect(
      conflicts(
        gateway(dedent`
          - {name: a, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: c}]}}
          - {name: b, port: 443, protocol: TLS, hostname: b.example.com, tls: {mode: Passthrough}}
        `),
      ),
    ).toEqual([]);
  });

  test('TCP against anything on its port conflicts, TCP and UDP too', () => {
    expect(
      conflicts(
        gateway(dedent`
          - {name: a, port: 9000, protocol: TCP}
          - {name: b, port: 9000, protocol: HTTP, hostname: b.example.com}
          - {name: c, port: 9000, protocol: UDP}
        `),
      ).map((f) => f.path),
    ).toEqual(['spec.listeners[1].port', 'spec.listeners[2].port']);
  });

  test('an unset hostname and an empty one are the same (*): HostnameConflict', () => {
    const found = run(
      checkListenerConflicts,
      workspaceOf(
        gateway(dedent`
          - {name: a, port: 80, protocol: HTTP}
          - {name: b, port: 80, protocol: HTTP, hostname: ""}
        `),
      ),
    );
    expect(found[0]?.message).toContain('HostnameConflict');
  });

  test('an exact repeat of port, protocol and hostname is the CRD rule, not a conflict', () => {
    const text = gateway(dedent`
      - {name: a, port: 80, protocol: HTTP}
      - {name: b, port: 80, protocol: HTTP}
    `);
    expect(conflicts(text)).toEqual([]);
    expect(findings(workspaceOf(text)).map((f) => f.code)).toContain('gwapi-cel-listener-unique');
  });
});

describe('listener ResolvedRefs: certificateRefs and route kinds', () => {
  test('a Secret of the workspace resolves', () => {
    expect(refs(GATEWAY, CERT)).toEqual([]);
  });

  test('a Secret that is not there: on its name; info when the workspace holds no Secrets', () => {
    const other = CERT.replace('name: edge-cert', 'name: other');
    expect(refs(GATEWAY, other)).toEqual([
      {
        code: 'gwapi-certificate-not-found',
        severity: 'error',
        resource: 'Gateway.gateway.networking.k8s.io/infra/edge',
        path: 'spec.listeners[2].tls.certificateRefs[0].name',
      },
    ]);
    const lowered = findings(workspaceOf(GATEWAY)).find(
      (f) => f.code === 'gwapi-certificate-not-found',
    );
    expect(lowered?.severity).toBe('info');
  });

  test('a Secret of another namespace needs a ReferenceGrant from the Gateway; the fix adds it', () => {
    const certs = gateway(dedent`
      - {name: s, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: shared, namespace: certs}]}}
    `);
    const secret = CERT.replace(
      'name: edge-cert, namespace: infra',
      'name: shared, namespace: certs',
    );
    const ws = workspaceOf(certs, secret);
    const [finding] = run(checkListenerRefs, ws);
    expect(finding?.code).toBe('gwapi-certificate-ref-not-permitted');
    expect(finding?.message).toContain(
      'add a ReferenceGrant in namespace "certs" from Gateway in "infra" to Secret shared',
    );
    expect(run(checkListenerRefs, applyFix(ws, finding?.fixes?.[0]))).toEqual([]);
  });

  test('a certificateRef that is not a Secret: InvalidCertificateRef', () => {
    const certs = gateway(dedent`
      - {name: s, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: c, kind: ConfigMap}]}}
    `);
    expect(refs(certs, CERT)).toMatchObject([
      {
        code: 'gwapi-certificate-invalid-kind',
        path: 'spec.listeners[0].tls.certificateRefs[0].kind',
      },
    ]);
  });

  test('a route kind the protocol cannot carry: InvalidRouteKinds, a warning', () => {
    const text = gateway(dedent`
      - {name: a, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: HTTPRoute}, {kind: TCPRoute}]}}
    `);
    expect(refs(text)).toEqual([
      {
        code: 'gwapi-listener-invalid-route-kind',
        severity: 'warning',
        resource: 'Gateway.gateway.networking.k8s.io/infra/edge',
        path: 'spec.listeners[0].allowedRoutes.kinds[1]',
      },
    ]);
  });

  test('an HTTPS listener without tls serves nothing in Istio', () => {
    expect(refs(gateway('- {name: a, port: 443, protocol: HTTPS}'))).toMatchObject([
      {
        code: 'gwapi-listener-tls-missing',
        severity: 'warning',
        path: 'spec.listeners[0].protocol',
      },
    ]);
  });
});
