import { describe, expect, it } from 'vitest';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { gatewayReadiness, readinessGatewayOf } from './checklist.ts';
import { readinessFindings, workspaceOf } from './testWorkspace.ts';

/** A Gateway API Gateway of Istio's class: Istio deploys `web-istio` for it in `shop`. */
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
`;

const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web-istio, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web-istio}
  minReplicas: 1
  maxReplicas: 4
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web-istio, namespace: shop}
spec:
  selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}
  template:
    metadata: {labels: {gateway.networking.k8s.io/gateway-name: web}}
    spec:
      containers: [{name: istio-proxy, image: auto}]
`;

const WEB = { namespace: 'shop', name: 'web-istio' };

describe('a Gateway API Gateway that Istio deploys', () => {
  it('checks the autoscaler of the Deployment Istio creates, and nothing about that Deployment', () => {
    const found = readinessFindings(workspaceOf(GATEWAY, HPA));
    expect(found.map((f) => [f.code, f.resource])).toEqual([
      ['readiness-hpa-min-replicas', 'HorizontalPodAutoscaler/shop/web-istio'],
    ]);
  });

  it('checks a Deployment of the workspace labelled with the Gateway name as its gateway', () => {
    const codes = readinessFindings(workspaceOf(GATEWAY, DEPLOYMENT, HPA)).map((f) => f.code);
    expect(codes).toContain('readiness-pdb-missing');
    expect(codes).toContain('readiness-hpa-no-request');
  });

  it('says nothing for a Gateway of a class Istio does not run', () => {
    const other = GATEWAY.replace('gatewayClassName: istio', 'gatewayClassName: nginx');
    expect(readinessFindings(workspaceOf(other, HPA))).toEqual([]);
  });

  it('has a checklist reached from its Gateway and its implied pods', () => {
    const workspace = workspaceOf(GATEWAY, HPA);
    expect(gatewayReadiness(workspace, WEB).map((i) => i.topic)).toHaveLength(6);
    const nodes = deriveGraph(workspace).nodes;
    for (const kind of ['gateway', 'gatewayWorkload', 'autoscaler']) {
      const node = nodes.find((n) => n.kind === kind);
      expect(node && readinessGatewayOf(workspace, node), kind).toEqual(WEB);
    }
  });
});
