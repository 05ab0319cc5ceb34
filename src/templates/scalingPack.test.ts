import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { lineDiff } from '../testing/lineDiff.ts';
import {
  applyScenario,
  edges,
  emptyWorkspace,
  exampleWorkspace,
  graphOf,
  refusal,
  SHOP,
  send,
  serious,
  texts,
} from '../testing/scenarios.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { SCALING_PACK } from './scalingPack.ts';
import { resolveParameters } from './scenario.ts';
import { BASIC } from './trafficSplits.ts';

const POD_ID = 'gatewayWorkload:Deployment/istio-system/istio-ingressgateway';
const HPA = 'autoscaler:HorizontalPodAutoscaler/istio-system/istio-ingressgateway';
const PDB = 'disruptionBudget:PodDisruptionBudget/istio-system/istio-ingressgateway';
const LB = 'loadBalancer:Service/istio-system/istio-ingressgateway';

/** What the gateway pods look like on the graph: what flows in and out, what hangs off them. */
function gatewayChain(workspace: Parameters<typeof graphOf>[0]) {
  const graph = graphOf(workspace);
  return {
    flow: edges(graph, 'flow').filter((e) => e.includes(POD_ID)),
    attach: edges(graph, 'attach'),
  };
}

describe('on the example workspace', () => {
  test('its autoscaler, budget and Service already hold the defaults: only the gateway Deployment is added', () => {
    const { before, after } = applyScenario(SCALING_PACK, exampleWorkspace());
    const diff = lineDiff(texts(before)[0]?.text ?? '', texts(after)[0]?.text ?? '');
    expect(diff.removed).toEqual([]);
    expect(diff.added.slice(0, 3)).toEqual(['---', 'apiVersion: apps/v1', 'kind: Deployment']);
    expect(diff.added).toEqual(
      expect.arrayContaining([
        '        image: auto',
        '          requests:',
        '            cpu: 100m',
        '            memory: 128Mi',
      ]),
    );
  });

  test('the gateway pods become the Deployment, with the load balancer in front and the autoscaler and budget attached', () => {
    const before = graphOf(exampleWorkspace());
    expect(edges(before, 'attach')[0]).toContain(SHOP.impliedGatewayPods);
    const { after } = applyScenario(SCALING_PACK, exampleWorkspace());
    expect(gatewayChain(after)).toEqual({
      flow: [`${LB} -> ${POD_ID}`, `${POD_ID} -> gateway:Gateway/istio-system/my-gateway`],
      attach: [`${POD_ID} -> ${HPA}`, `${POD_ID} -> ${PDB}`],
    });
    const sim = send(after, { url: 'http://myapp.example.com/myapp' });
    expect([sim.outcome, sim.steps.find((s) => s.kind === 'gateway')?.resource]).toEqual([
      'route',
      'Deployment/istio-system/istio-ingressgateway',
    ]);
  });

  test('new values change only their own lines: the autoscaler’s maximum and CPU target, and the cloud annotation', () => {
    const { before, after } = applyScenario(SCALING_PACK, exampleWorkspace(), {
      cloud: 'azure-internal',
      maxReplicas: 6,
      cpuTarget: 60,
    });
    const diff = lineDiff(texts(before)[0]?.text ?? '', texts(after)[0]?.text ?? '');
    expect(diff.removed).toEqual(['  maxReplicas: 10', '        averageUtilization: 70']);
    expect(diff.added.slice(0, 4)).toEqual([
      '  annotations:',
      '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
      '  maxReplicas: 6',
      '        averageUtilization: 60',
    ]);
    expect(serious(after)).toEqual([]);
  });

  test('its defaults are the example’s own autoscaler values', () => {
    const params = resolveParameters(SCALING_PACK, {}, exampleWorkspace());
    expect([params.minReplicas, params.maxReplicas, params.cpuTarget, params.cloud]).toEqual([
      2,
      10,
      70,
      'none',
    ]);
  });

  test('applied a second time it has nothing to add and says so', () => {
    const { after } = applyScenario(SCALING_PACK, exampleWorkspace());
    expect(refusal(SCALING_PACK, after, {})).toBe(
      'The gateway istio-system/istio-ingressgateway already has every setting of the pack',
    );
  });
});

describe('on an empty workspace', () => {
  test('adds the autoscaler, budget, load balancer and Deployment, which a Gateway then turns into the gateway chain', () => {
    const pack = applyScenario(SCALING_PACK, emptyWorkspace()).after;
    // Without a Gateway nothing makes these pods a gateway: the Service is drawn in front of them.
    expect(edges(graphOf(pack), 'select')).toEqual([
      'service:istio-ingressgateway.istio-system.svc.cluster.local -> pods:Deployment/istio-system/istio-ingressgateway',
    ]);
    const { after } = applyScenario(BASIC, pack);
    expect(gatewayChain(after)).toEqual({
      flow: [`${LB} -> ${POD_ID}`, `${POD_ID} -> ${SHOP.gateway}`],
      attach: [`${POD_ID} -> ${HPA}`, `${POD_ID} -> ${PDB}`],
    });
    expect(serious(after)).toEqual([]);
    const steps = send(after, { url: 'http://shop.example.com/' }).steps;
    expect(steps.find((s) => s.kind === 'gateway')?.resource).toBe(
      'Deployment/istio-system/istio-ingressgateway',
    );
  });

  test('the scaling pack also fits after the gateway scenario, in either order', () => {
    const basic = applyScenario(BASIC, emptyWorkspace()).after;
    const { after } = applyScenario(SCALING_PACK, basic);
    expect(gatewayChain(after).attach).toEqual([`${POD_ID} -> ${HPA}`, `${POD_ID} -> ${PDB}`]);
  });

  test('a gateway named istio-ingress is labelled istio: ingress, as the gateway chart does', () => {
    const { after } = applyScenario(SCALING_PACK, emptyWorkspace(), { name: 'istio-ingress' });
    const text = texts(after)[0]?.text ?? '';
    expect(text).toContain('    matchLabels:\n      istio: ingress\n');
    expect(text).toContain('        app: istio-ingress\n        istio: ingress\n');
  });
});

const INSTALLED = dedent`
  # The gateway as the platform team installed it.
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    replicas: 3 # fixed by hand
    selector:
      matchLabels: {istio: ingressgateway}
    template:
      metadata:
        labels: {app: istio-ingressgateway, istio: ingressgateway}
      spec:
        containers:
        - name: istio-proxy
          image: auto
          resources:
            requests:
              cpu: 500m
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    maxUnavailable: 1
    selector:
      matchLabels:
        istio: ingressgateway
  ---
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: istio-ingressgateway
    minReplicas: 3
    maxReplicas: 8
    metrics:
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: 75
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    type: NodePort # until the cloud LB is approved
    selector:
      istio: ingressgateway
    ports:
    - name: http2
      port: 80
      targetPort: 8080
`;

describe('on a gateway installed by hand', () => {
  test('the pack sets only its own fields and keeps the rest, comments included', () => {
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text: INSTALLED }]);
    const { after } = applyScenario(SCALING_PACK, workspace);
    const diff = lineDiff(INSTALLED, texts(after)[0]?.text ?? '');
    expect(diff.removed).toEqual([
      // The autoscaler owns the replica count; kubectl apply would reset it otherwise.
      '  replicas: 3 # fixed by hand',
      // minAvailable and maxUnavailable exclude each other.
      '  maxUnavailable: 1',
      '  type: NodePort # until the cloud LB is approved',
    ]);
    expect(diff.added).toEqual([
      // The existing CPU request stays (it is the default read from the Deployment).
      '            memory: 128Mi',
      '          limits:',
      '            cpu: 2000m',
      '            memory: 1024Mi',
      '  minAvailable: 1',
      // The memory metric stays; a CPU metric joins it.
      '  - type: Resource',
      '    resource:',
      '      name: cpu',
      '      target:',
      '        type: Utilization',
      '        averageUtilization: 80',
      '  type: LoadBalancer # until the cloud LB is approved',
      // 80 → 8080 says the pods listen on unprivileged ports, so 443 → 8443.
      '  - name: https',
      '    port: 443',
      '    targetPort: 8443',
    ]);
    expect(serious(after)).toEqual([]);
  });
});

describe('a cloud preset on a Service installed by hand', () => {
  test('AKS internal: annotations for the ports the Service balances, the status port after the added https port, no offset', () => {
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text: INSTALLED }]);
    const { after } = applyScenario(SCALING_PACK, workspace, {
      cloud: 'aks-internal',
      externalTrafficPolicy: 'Local',
    });
    const diff = lineDiff(INSTALLED, texts(after)[0]?.text ?? '');
    expect(diff.added.slice(-15)).toEqual([
      '  annotations:',
      '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
      '    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz/ready',
      '    service.beta.kubernetes.io/port_80_health-probe_protocol: http',
      '    service.beta.kubernetes.io/port_80_health-probe_port: status-port',
      '    service.beta.kubernetes.io/port_443_health-probe_protocol: http',
      '    service.beta.kubernetes.io/port_443_health-probe_port: status-port',
      '    service.beta.kubernetes.io/port_15021_no_lb_rule: "true"',
      '  type: LoadBalancer # until the cloud LB is approved',
      '  - name: https',
      '    port: 443',
      '    targetPort: 8443',
      // The proxy serves readiness on 15021 whatever port the traffic is mapped to.
      '  - name: status-port',
      '    port: 15021',
      '  externalTrafficPolicy: Local',
    ]);
    expect(serious(after)).toEqual([]);
  });
});

describe('small extensions', () => {
  test('a limit written as 2 is the 2000m asked for: the user’s spelling stays', () => {
    const text = dedent`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: istio-ingressgateway
        namespace: istio-system
      spec:
        template:
          spec:
            containers:
            - name: istio-proxy
              resources:
                requests: {cpu: 100m, memory: 128Mi}
                limits: {cpu: "2", memory: 1Gi}
    `;
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    const { after } = applyScenario(SCALING_PACK, workspace, {
      cpuLimit: '2000m',
      memoryLimit: '1024Mi',
    });
    const diff = lineDiff(text, texts(after)[0]?.text ?? '');
    // Only the three resources the workspace lacked are added; the Deployment is untouched.
    expect(diff.removed).toEqual([]);
    expect(diff.added.filter((line) => line.startsWith('kind:'))).toEqual([
      'kind: HorizontalPodAutoscaler',
      'kind: PodDisruptionBudget',
      'kind: Service',
    ]);
  });

  test('an autoscaling/v1 autoscaler keeps its form: its targetCPUUtilizationPercentage is set', () => {
    const text = dedent`
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata:
        name: istio-ingressgateway
        namespace: istio-system
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: istio-ingressgateway}
        minReplicas: 2
        maxReplicas: 4
        targetCPUUtilizationPercentage: 50
    `;
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    const { after } = applyScenario(SCALING_PACK, workspace, { cpuTarget: 65 });
    const diff = lineDiff(text, texts(after)[0]?.text ?? '');
    expect(diff.removed).toEqual(['  targetCPUUtilizationPercentage: 50']);
    expect(diff.added[0]).toBe('  targetCPUUtilizationPercentage: 65');
  });

  test('a Deployment without containers cannot be given resources, and the pack says so', () => {
    const text = dedent`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: istio-ingressgateway
        namespace: istio-system
      spec: {}
    `;
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    expect(refusal(SCALING_PACK, workspace, {})).toBe(
      'Deployment/istio-system/istio-ingressgateway has no container to give resources to',
    );
  });
});

describe('refusals', () => {
  test('fewer than two replicas, a maximum under the minimum, or requests above limits', () => {
    const empty = emptyWorkspace();
    expect(refusal(SCALING_PACK, empty, { minReplicas: 1 })).toBe(
      'Minimum replicas: Must be from 2 to 100',
    );
    expect(refusal(SCALING_PACK, empty, { minReplicas: 4, maxReplicas: 3 })).toBe(
      'Maximum replicas: Must be at least the minimum replicas',
    );
    expect(refusal(SCALING_PACK, empty, { cpuRequest: '3', cpuLimit: '2000m' })).toBe(
      'CPU request: More than the CPU limit (2000m): a request cannot exceed its limit',
    );
    expect(refusal(SCALING_PACK, empty, { memoryLimit: '1 GB' })).toBe(
      'Memory limit: Write bytes with a unit, like 128Mi or 1Gi',
    );
    expect(refusal(SCALING_PACK, empty, { cloud: 'on-prem' })).toBe(
      'Cloud load balancer: Choose one of none, azure-internal, aws-nlb, gcp-internal, aks-public, aks-internal, eks-nlb, eks-nlb-internal, gke-internal-global',
    );
  });
});
