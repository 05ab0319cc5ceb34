import { describe, expect, test } from 'vitest';
import { run, workspaceOf } from '../../testing/routingChecks.ts';
import { GATEWAY } from './testYaml.fixtures.ts';
import { gatewayApiValidation } from './validation.ts';

function listeners(...items: string[]) {
  const text = `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: infra}\nspec:\n  gatewayClassName: istio\n  listeners:\n${items.map((i) => `  - ${i}`).join('\n')}\n`;
  return run(gatewayApiValidation, workspaceOf(text)).map((f) => `${f.code} ${f.path.join('.')}`);
}

describe('Gateway CEL: listeners', () => {
  test('a valid Gateway passes', () => {
    expect(run(gatewayApiValidation, workspaceOf(GATEWAY))).toEqual([]);
  });

  test('tls only on HTTPS and TLS', () => {
    expect(
      listeners('{name: a, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: c}]}}'),
    ).toEqual(['gwapi-cel-listener-tls-not-allowed spec.listeners.0.tls']);
  });

  test('HTTPS terminates; TLS must say its mode', () => {
    expect(listeners('{name: a, port: 443, protocol: HTTPS, tls: {mode: Passthrough}}')).toEqual([
      'gwapi-cel-listener-tls-mode spec.listeners.0.tls.mode',
    ]);
    expect(
      listeners('{name: a, port: 443, protocol: TLS, tls: {certificateRefs: [{name: c}]}}'),
    ).toEqual(['gwapi-cel-listener-tls-mode spec.listeners.0.tls']);
    expect(listeners('{name: a, port: 443, protocol: TLS, tls: {mode: Passthrough}}')).toEqual([]);
  });

  test('a terminating listener names a certificate', () => {
    expect(listeners('{name: a, port: 443, protocol: HTTPS, tls: {mode: Terminate}}')).toEqual([
      'gwapi-cel-tls-certificates spec.listeners.0.tls',
    ]);
  });

  test('TCP and UDP listeners carry no hostname', () => {
    expect(listeners('{name: a, port: 9000, protocol: TCP, hostname: a.example.com}')).toEqual([
      'gwapi-cel-listener-hostname-l4 spec.listeners.0.hostname',
    ]);
  });

  test('listener names are unique', () => {
    expect(
      listeners('{name: a, port: 80, protocol: HTTP}', '{name: a, port: 81, protocol: HTTP}'),
    ).toEqual(['gwapi-listener-duplicate-name spec.listeners.1.name']);
  });
});

describe('Gateway API CRD schema', () => {
  test('a wrong type or value is the schema finding, on its field', () => {
    const found = listeners(
      '{name: a, port: "80", protocol: HTTP}',
      '{name: b, port: 81, protocol: HTTP, hostname: "Bad_Host"}',
    );
    expect(found).toEqual([
      'gwapi-schema spec.listeners.0.port',
      'gwapi-schema spec.listeners.1.hostname',
    ]);
  });

  test('a missing required field', () => {
    expect(listeners('{name: a, protocol: HTTP}')).toEqual(['gwapi-schema spec.listeners.0']);
  });
});
