import { describe, expect, test } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { applyFix, run, seen, workspaceOf } from '../../testing/routingChecks.ts';
import { checkGatewayClasses } from './gatewayClasses.ts';
import { GATEWAY, GATEWAY_CLASS } from './testYaml.fixtures.ts';

describe('GatewayClass: which controller takes a Gateway', () => {
  test("Istio's built-in class needs no GatewayClass in the workspace", () => {
    expect(run(checkGatewayClasses, workspaceOf(GATEWAY))).toEqual([]);
    expect(run(checkGatewayClasses, workspaceOf(GATEWAY_CLASS, GATEWAY))).toEqual([]);
  });

  test('a class that is neither held nor built in: Istio ignores the Gateway; the fix uses istio', () => {
    const ws = workspaceOf(GATEWAY.replace('gatewayClassName: istio', 'gatewayClassName: nginx'));
    const [finding] = run(checkGatewayClasses, ws);
    expect(finding && seen(finding)).toEqual({
      code: 'gwapi-unknown-class',
      severity: 'warning',
      resource: 'Gateway.gateway.networking.k8s.io/infra/edge',
      path: 'spec.gatewayClassName',
    });
    expect(finding?.message).toContain('Istio will ignore this Gateway');
    expect(run(checkGatewayClasses, applyFix(ws, finding?.fixes?.[0]))).toEqual([]);
  });

  test("a GatewayClass of another controller is information: not Istio's", () => {
    const other = dedent`
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata: {name: nginx}
      spec: {controllerName: gateway.nginx.org/nginx-gateway-controller}
    `;
    expect(run(checkGatewayClasses, workspaceOf(other)).map(seen)).toEqual([
      {
        code: 'gwapi-class-not-istio',
        severity: 'info',
        resource: 'GatewayClass/default/nginx',
        path: 'spec.controllerName',
      },
    ]);
  });
});
