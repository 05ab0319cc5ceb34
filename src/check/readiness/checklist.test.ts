import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../edit/applyCommand.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { scenarioById } from '../../templates/scenarios.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { loadWorkspace, type Workspace } from '../../workspace/workspace.ts';
import {
  gatewayReadiness,
  READINESS_SCENARIOS,
  readinessFixAll,
  readinessGatewayOf,
} from './checklist.ts';
import { deployment, GATEWAY, hpa, monitored, pdb, workspaceOf } from './testWorkspace.ts';

const DEFAULT = { namespace: 'istio-system', name: 'istio-ingressgateway' };
const EDGE = { namespace: 'edge', name: 'istio-edge' };

const state = (workspace: Workspace, ref = DEFAULT) =>
  Object.fromEntries(gatewayReadiness(workspace, ref).map((item) => [item.topic, item.ok]));

const apply = (workspace: Workspace, command: Parameters<typeof applyCommand>[1]) => {
  const result = applyCommand(workspace, command);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe("the example's gateway against the guide's checklist", () => {
  it("names a registered scenario for each topic's fix", () => {
    for (const id of Object.values(READINESS_SCENARIOS)) expect(scenarioById(id), id).toBeDefined();
  });

  const example = loadWorkspace(EXAMPLE);

  it('lists the six considerations; the example has only its load balancer ready', () => {
    const items = gatewayReadiness(example, DEFAULT);
    expect(items.map((i) => i.topic)).toEqual([
      'autoscaling',
      'resources',
      'loadBalancer',
      'rateLimit',
      'monitoring',
      'rollout',
    ]);
    expect(state(example)).toEqual({
      autoscaling: false,
      resources: false,
      loadBalancer: true,
      rateLimit: false,
      monitoring: false,
      rollout: false,
    });
    const resources = items.find((i) => i.topic === 'resources');
    expect(resources?.missing).toEqual([
      'Deployment istio-system/istio-ingressgateway is not in the workspace: its requests and limits cannot be checked',
    ]);
    expect(resources?.fix?.label).toBe('Add Gateway scaling pack');
    expect(items.find((i) => i.topic === 'loadBalancer')?.notes?.join('\n')).toContain(
      "no cloud annotation, so the cloud's default load balancer",
    );
  });

  it('after "add all missing" (one command) every item is ready', () => {
    const command = readinessFixAll(example, DEFAULT);
    expect(command?.type).toBe('batch');
    if (!command) throw new Error('nothing to add');
    const after = apply(example, command);
    for (const item of gatewayReadiness(after, DEFAULT)) {
      expect(item, item.topic).toMatchObject({ ok: true, missing: [] });
    }
  });

  it('each item fix alone makes its own item ready', () => {
    for (const item of gatewayReadiness(example, DEFAULT)) {
      if (item.ok) continue;
      if (!item.fix) throw new Error(`${item.topic} has no fix`);
      const after = apply(example, item.fix.command);
      expect(state(after)[item.topic], item.topic).toBe(true);
    }
  });
});

describe('a gateway Deployment of the workspace with nothing around it', () => {
  it('after "add all missing" every item is ready', () => {
    const bare = workspaceOf(GATEWAY, deployment('', '{}'));
    expect(Object.values(state(bare, EDGE)).every((ok) => !ok)).toBe(true);
    const command = readinessFixAll(bare, EDGE);
    if (!command) throw new Error('nothing to add');
    const after = apply(bare, command);
    for (const item of gatewayReadiness(after, EDGE)) {
      expect(item, item.topic).toMatchObject({ ok: true, missing: [] });
    }
  });
});

describe('items and the checks give one answer', () => {
  it("a finding of an item's topic makes it not ready, with the finding as a line and its fix", () => {
    const workspace = monitored(
      GATEWAY,
      deployment(),
      hpa('  minReplicas: 1\n  maxReplicas: 5\n'),
      pdb(),
    );
    const autoscaling = gatewayReadiness(workspace, EDGE).find((i) => i.topic === 'autoscaling');
    expect(autoscaling).toMatchObject({
      ok: false,
      missing: [
        'HorizontalPodAutoscaler istio-edge keeps as few as 1 pod of the gateway istio-edge (minReplicas 1; at least 2)',
      ],
    });
    expect(autoscaling?.fix?.label).toBe('Set minReplicas to 2');
    if (!autoscaling?.fix) throw new Error('no fix');
    const after = apply(workspace, autoscaling.fix.command);
    expect(gatewayReadiness(after, EDGE).find((i) => i.topic === 'autoscaling')?.ok).toBe(true);
  });

  it('is empty for a Deployment no Gateway selects', () => {
    expect(gatewayReadiness(monitored(deployment(), hpa()), EDGE)).toEqual([]);
    expect(readinessFixAll(monitored(deployment(), hpa()), EDGE)).toBeUndefined();
  });
});

describe('the load balancer item', () => {
  const service = (type: string) => `apiVersion: v1
kind: Service
metadata:
  name: istio-edge
  namespace: edge
  annotations: {service.beta.kubernetes.io/aws-load-balancer-type: external}
spec:
  type: ${type}
  externalTrafficPolicy: Local
  selector: {istio: edge}
  ports: [{name: http2, port: 80}]
`;
  const item = (...docs: string[]) =>
    gatewayReadiness(monitored(GATEWAY, deployment(), hpa(), pdb(), ...docs), EDGE).find(
      (i) => i.topic === 'loadBalancer',
    );

  it('is ready with a LoadBalancer Service selecting the pods, noting its cloud annotation and policy', () => {
    const ready = item(service('LoadBalancer'));
    expect(ready?.ok).toBe(true);
    expect(ready?.notes).toEqual([
      'istio-edge: service.beta.kubernetes.io/aws-load-balancer-type: external',
      'istio-edge: externalTrafficPolicy Local keeps client IPs (only nodes with a gateway pod receive traffic)',
    ]);
  });

  it("names the cloud preset a Service's annotations make up", () => {
    const nlb = service('LoadBalancer').replace(
      'service.beta.kubernetes.io/aws-load-balancer-type: external',
      'service.beta.kubernetes.io/aws-load-balancer-type: nlb',
    );
    expect(item(nlb)?.notes?.[0]).toBe('istio-edge: AWS Network Load Balancer');
  });

  it('is missing with only a ClusterIP Service, and the scaling pack adds one', () => {
    const missing = item(service('ClusterIP').replace('  externalTrafficPolicy: Local\n', ''));
    expect(missing).toMatchObject({
      ok: false,
      missing: ['No Service of type LoadBalancer selects the pods of istio-edge'],
      fix: { label: 'Add Gateway scaling pack' },
    });
  });

  it('the pack it adds makes it ready', () => {
    const workspace = monitored(GATEWAY, deployment(), hpa(), pdb(), service('ClusterIP'));
    const fix = gatewayReadiness(workspace, EDGE).find((i) => i.topic === 'loadBalancer')?.fix;
    if (!fix) throw new Error('no fix');
    const after = apply(workspace, fix.command);
    expect(gatewayReadiness(after, EDGE).find((i) => i.topic === 'loadBalancer')?.ok).toBe(true);
  });
});

describe('fixes for pods labelled unlike the gateway chart', () => {
  it('offers no scenario that would select other pods', () => {
    const custom = deployment();
    const renamed = (text: string) => text.replaceAll('istio-edge', 'front-door');
    const workspace = monitored(GATEWAY, renamed(custom), renamed(hpa()), renamed(pdb()));
    const item = gatewayReadiness(workspace, { namespace: 'edge', name: 'front-door' }).find(
      (i) => i.topic === 'loadBalancer',
    );
    expect(item).toMatchObject({ ok: false });
    expect(item?.fix).toBeUndefined();
  });
});

describe('the gateway a graph node belongs to', () => {
  it('is the example gateway for its pods, Gateway, autoscaler, budget and load balancer; none for a route', () => {
    const example = loadWorkspace(EXAMPLE);
    const nodes = deriveGraph(example).nodes;
    const of = (kind: string) => {
      const node = nodes.find((n) => n.kind === kind);
      if (!node) throw new Error(`no ${kind} node`);
      return readinessGatewayOf(example, node);
    };
    for (const kind of [
      'gatewayWorkload',
      'gateway',
      'autoscaler',
      'disruptionBudget',
      'loadBalancer',
    ])
      expect(of(kind), kind).toEqual(DEFAULT);
    expect(of('virtualService')).toBeUndefined();
  });

  it("is a written gateway Deployment's own, for its pods and the monitor scraping them", () => {
    const workspace = monitored(GATEWAY, deployment(), hpa(), pdb());
    const nodes = deriveGraph(workspace).nodes;
    for (const kind of ['gatewayWorkload', 'monitor']) {
      const node = nodes.find((n) => n.kind === kind);
      expect(node && readinessGatewayOf(workspace, node), kind).toEqual(EDGE);
    }
  });
});
