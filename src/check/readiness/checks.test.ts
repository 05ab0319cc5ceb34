import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../edit/applyCommand.ts';
import { scenarioById } from '../../templates/scenarios.ts';
import { EXAMPLE, EXAMPLE_YAML } from '../../workspace/example.ts';
import { loadWorkspace, serializeWorkspace } from '../../workspace/workspace.ts';
import { lint } from '../lint.ts';
import {
  deployment,
  fixed,
  GATEWAY,
  hpa,
  monitored,
  pdb,
  readinessFindings,
  workspaceOf,
} from './testWorkspace.ts';

const ready = () => [GATEWAY, deployment(), hpa(), pdb()];

describe('a gateway set up as the guide asks', () => {
  it('has no readiness finding', () => {
    expect(readinessFindings(monitored(...ready()))).toEqual([]);
  });
});

describe('HPA minReplicas (readiness-hpa-min-replicas)', () => {
  it('warns at 1 and when absent (1 by default), not at 2', () => {
    const at = (spec: string) =>
      readinessFindings(
        monitored(GATEWAY, deployment(), hpa(spec), pdb()),
        'readiness-hpa-min-replicas',
      );
    expect(at('  minReplicas: 1\n  maxReplicas: 5\n')).toMatchObject([
      {
        severity: 'warning',
        resource: 'HorizontalPodAutoscaler/edge/istio-edge',
        path: ['spec', 'minReplicas'],
      },
    ]);
    expect(at('  maxReplicas: 5\n')[0]?.message).toContain('(no minReplicas, so 1; at least 2)');
    expect(at('  minReplicas: 2\n  maxReplicas: 5\n')).toEqual([]);
  });

  it('fixes by setting minReplicas to 2, raising maxReplicas with it when lower', () => {
    const workspace = monitored(
      GATEWAY,
      deployment(),
      hpa('  minReplicas: 1\n  maxReplicas: 1\n'),
      pdb(),
    );
    const after = fixed(workspace, readinessFindings(workspace, 'readiness-hpa-min-replicas')[0]);
    expect(serializeWorkspace(after)[0]?.text).toContain('minReplicas: 2\n  maxReplicas: 2');
    expect(readinessFindings(after)).toEqual([]);
  });
});

describe('PodDisruptionBudget for the gateway pods', () => {
  it('reports a gateway without one on its Deployment, and the fix adds one selecting its pods', () => {
    const workspace = monitored(GATEWAY, deployment(), hpa());
    const [finding, ...rest] = readinessFindings(workspace);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      code: 'readiness-pdb-missing',
      resource: 'Deployment/edge/istio-edge',
    });
    const after = fixed(workspace, finding);
    expect(serializeWorkspace(after)[0]?.text).toContain('kind: PodDisruptionBudget');
    expect(readinessFindings(after)).toEqual([]);
  });

  it('reports a budget named for the gateway that selects other pods (and not a missing one)', () => {
    const workspace = monitored(GATEWAY, deployment(), hpa(), pdb('minAvailable: 1', '{app: web}'));
    const found = readinessFindings(workspace);
    expect(found.map((f) => f.code)).toEqual(['readiness-pdb-selector-misses']);
    expect(found[0]?.message).toContain('app=web');
    expect(readinessFindings(fixed(workspace, found[0]))).toEqual([]);
  });

  it('says nothing about a budget of another name that selects other pods', () => {
    const workspace = monitored(
      GATEWAY,
      deployment(),
      hpa(),
      pdb(),
      pdb('minAvailable: 1', '{app: web}', 'web'),
    );
    expect(readinessFindings(workspace)).toEqual([]);
  });
});

describe('a budget no drain can satisfy (readiness-pdb-blocks-drain)', () => {
  const blocks = (budget: string, scale = '  minReplicas: 3\n  maxReplicas: 5\n') =>
    readinessFindings(
      monitored(GATEWAY, deployment(), hpa(scale), pdb(budget)),
      'readiness-pdb-blocks-drain',
    );

  it('minAvailable equal to the replicas the HPA keeps blocks; one below does not', () => {
    expect(blocks('minAvailable: 3')).toMatchObject([{ path: ['spec', 'minAvailable'] }]);
    expect(blocks('minAvailable: 2')).toEqual([]);
  });

  it('rounds percentages up: 50% of 3 lets one go, 67% of 3 none', () => {
    expect(blocks('minAvailable: 50%')).toEqual([]);
    expect(blocks('minAvailable: 67%')).toHaveLength(1);
  });

  it('maxUnavailable 0 or 0% blocks; 1 does not', () => {
    expect(blocks('maxUnavailable: 0')).toMatchObject([{ path: ['spec', 'maxUnavailable'] }]);
    expect(blocks('maxUnavailable: 0%')).toHaveLength(1);
    expect(blocks('maxUnavailable: 1')).toEqual([]);
  });

  it("counts the Deployment's replicas without an autoscaler", () => {
    const at = (replicas: number, budget: string) =>
      readinessFindings(
        monitored(GATEWAY, deployment(`  replicas: ${replicas}\n`), pdb(budget)),
        'readiness-pdb-blocks-drain',
      );
    expect(at(3, 'minAvailable: 3')[0]?.message).toContain("the Deployment's 3 replicas");
    expect(at(3, 'minAvailable: 2')).toEqual([]);
  });

  it('fixes by keeping one pod fewer available, or by running two pods when one is kept', () => {
    const three = '  minReplicas: 3\n  maxReplicas: 5\n';
    const workspace = monitored(GATEWAY, deployment(), hpa(three), pdb('minAvailable: 3'));
    const [full] = readinessFindings(workspace, 'readiness-pdb-blocks-drain');
    expect(full?.fixes?.[0]?.title).toBe('Set minAvailable to 2');
    expect(readinessFindings(fixed(workspace, full))).toEqual([]);
    const single = monitored(GATEWAY, deployment('  replicas: 1\n'), pdb('minAvailable: 1'));
    const [finding] = readinessFindings(single, 'readiness-pdb-blocks-drain');
    expect(finding?.fixes?.[0]?.title).toBe('Run 2 replicas and set minAvailable to 1');
    expect(readinessFindings(fixed(single, finding))).toEqual([]);
  });
});

describe('an autoscaler on utilization without requests (readiness-hpa-no-request)', () => {
  const cpu =
    '  minReplicas: 2\n  maxReplicas: 5\n  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}\n';
  const memory = cpu.replace('name: cpu', 'name: memory');
  const find = (scale: string, resources: string) =>
    readinessFindings(
      monitored(GATEWAY, deployment('', resources), hpa(scale), pdb()),
      'readiness-hpa-no-request',
    );

  it('reports CPU utilization with no CPU request, not with one', () => {
    expect(find(cpu, '{limits: {memory: 1Gi}}')).toMatchObject([
      {
        resource: 'Deployment/edge/istio-edge',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests'],
      },
    ]);
    expect(find(cpu, '{requests: {cpu: 100m}}')).toEqual([]);
  });

  it('takes a CPU limit without request as the request, as the API server defaults it', () => {
    expect(find(cpu, '{limits: {cpu: "1"}}')).toEqual([]);
  });

  it('reads memory utilization too, and an autoscaler without metrics as 80% CPU', () => {
    expect(find(memory, '{requests: {cpu: 100m}}')[0]?.message).toContain('memory request');
    expect(find(memory, '{requests: {memory: 128Mi}}')).toEqual([]);
    expect(find('  minReplicas: 2\n  maxReplicas: 5\n', '{}')).toHaveLength(1);
  });

  it("fixes by adding the gateway chart's request (100m CPU)", () => {
    const workspace = monitored(
      GATEWAY,
      deployment('', '{limits: {memory: 1Gi}}'),
      hpa(cpu),
      pdb(),
    );
    const after = fixed(workspace, readinessFindings(workspace, 'readiness-hpa-no-request')[0]);
    expect(serializeWorkspace(after)[0]?.text).toMatch(/requests: \{ ?cpu: 100m ?\}/);
    expect(readinessFindings(after)).toEqual([]);
  });
});

describe('limits below requests (readiness-limit-below-request)', () => {
  const find = (resources: string) =>
    readinessFindings(
      monitored(GATEWAY, deployment('', resources), hpa(), pdb()),
      'readiness-limit-below-request',
    );

  it('compares quantities, not text: 500m is below 1, 1000m is not', () => {
    expect(find('{requests: {cpu: "1"}, limits: {cpu: 500m}}')).toMatchObject([
      {
        severity: 'error',
        path: ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu'],
      },
    ]);
    expect(find('{requests: {cpu: "1"}, limits: {cpu: 1000m}}')).toEqual([]);
  });

  it('1Gi equals 1024Mi; 1000Mi is below 1Gi', () => {
    expect(find('{requests: {memory: 1024Mi}, limits: {memory: 1Gi}}')).toEqual([]);
    expect(find('{requests: {memory: 1Gi}, limits: {memory: 1000Mi}}')[0]?.message).toContain(
      'memory limit (1000Mi) below its request (1Gi)',
    );
  });

  it('fixes by raising the limit to the request', () => {
    const workspace = monitored(
      GATEWAY,
      deployment('', '{requests: {cpu: "2"}, limits: {cpu: 500m}}'),
      hpa(),
      pdb(),
    );
    const after = fixed(
      workspace,
      readinessFindings(workspace, 'readiness-limit-below-request')[0],
    );
    expect(readinessFindings(after)).toEqual([]);
  });
});

describe('an autoscaler named for the gateway scaling another Deployment (readiness-hpa-wrong-target)', () => {
  const billing = deployment()
    .replaceAll('istio-edge', 'billing')
    .replaceAll('istio: edge, ', '')
    .replace('{istio: edge}', '{app: billing}');

  it('reports a target in the workspace that no Gateway selects', () => {
    const workspace = monitored(
      GATEWAY,
      deployment(),
      hpa(undefined, 'istio-edge', 'billing'),
      billing,
      pdb(),
    );
    const found = readinessFindings(workspace, 'readiness-hpa-wrong-target');
    expect(found).toMatchObject([{ path: ['spec', 'scaleTargetRef', 'name'] }]);
    const after = fixed(workspace, found[0]);
    expect(readinessFindings(after, 'readiness-hpa-wrong-target')).toEqual([]);
    expect(readinessFindings(after)).toEqual([]);
  });

  it('says nothing when the target is not in the workspace, or the autoscaler has another name', () => {
    expect(
      readinessFindings(
        monitored(GATEWAY, deployment(), hpa(undefined, 'istio-edge', 'billing'), pdb()),
        'readiness-hpa-wrong-target',
      ),
    ).toEqual([]);
    expect(
      readinessFindings(
        monitored(
          GATEWAY,
          deployment(),
          hpa(),
          hpa(undefined, 'billing', 'billing'),
          billing,
          pdb(),
        ),
        'readiness-hpa-wrong-target',
      ),
    ).toEqual([]);
  });
});

describe('a rollout that drops below the budget (readiness-rollout-below-pdb)', () => {
  const strategy = (rolling: string) =>
    `  strategy: {type: RollingUpdate, rollingUpdate: {${rolling}}}\n`;
  const three = '  minReplicas: 3\n  maxReplicas: 6\n';
  const find = (spec: string, budget = 'minAvailable: 2') =>
    readinessFindings(
      monitored(GATEWAY, deployment(spec), hpa(three), pdb(budget)),
      'readiness-rollout-below-pdb',
    );

  it('3 replicas with maxUnavailable 1 keep the 2 of the budget; 2 unavailable do not', () => {
    expect(find(strategy('maxUnavailable: 1'))).toEqual([]);
    expect(find(strategy('maxUnavailable: 2'))).toMatchObject([{ path: ['spec', 'strategy'] }]);
  });

  it('rounds maxUnavailable down: 50% of 3 is 1, 67% of 3 is 2', () => {
    expect(find(strategy('maxUnavailable: 50%'))).toEqual([]);
    expect(find(strategy('maxUnavailable: 67%'))).toHaveLength(1);
  });

  it('reports Recreate, and fixes with maxUnavailable 0', () => {
    const workspace = monitored(
      GATEWAY,
      deployment('  strategy: {type: Recreate}\n'),
      hpa(three),
      pdb('minAvailable: 2'),
    );
    const [finding] = readinessFindings(workspace, 'readiness-rollout-below-pdb');
    expect(finding?.message).toContain('Recreate');
    const after = fixed(workspace, finding);
    expect(serializeWorkspace(after)[0]?.text).toContain('maxUnavailable: 0');
    expect(readinessFindings(after)).toEqual([]);
  });
});

describe('a global rate limit that fails closed (readiness-ratelimit-fail-closed)', () => {
  const withLimit = (failureMode: string, name = 'edge') => {
    const base = monitored(...ready());
    const built = scenarioById('global-rate-limit')?.build(
      { name, namespace: 'edge', failureMode },
      base,
    );
    if (!built?.ok) throw new Error('the global rate limit does not build');
    const result = applyCommand(base, built.value);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  it('warns that an outage of the rate limit service rejects all traffic, and not when failing open', () => {
    const workspace = withLimit('deny');
    const found = readinessFindings(workspace, 'readiness-ratelimit-fail-closed');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(
      'an outage of the rate limit service is an outage of all ingress traffic',
    );
    expect(readinessFindings(withLimit('allow'))).toEqual([]);
    expect(readinessFindings(fixed(workspace, found[0]))).toEqual([]);
  });

  it('says nothing about a filter for other pods', () => {
    expect(readinessFindings(withLimit('deny', 'other'))).toEqual([]);
  });
});

describe('no monitoring for an autoscaled gateway (readiness-no-monitoring)', () => {
  it('reports it on the autoscaler as information; not with a monitor, nor without an autoscaler', () => {
    expect(
      readinessFindings(workspaceOf(GATEWAY, deployment(), hpa()), 'readiness-no-monitoring'),
    ).toMatchObject([{ severity: 'info', resource: 'HorizontalPodAutoscaler/edge/istio-edge' }]);
    expect(readinessFindings(monitored(...ready()))).toEqual([]);
    expect(
      readinessFindings(
        workspaceOf(GATEWAY, deployment('  replicas: 2\n'), pdb()),
        'readiness-no-monitoring',
      ),
    ).toEqual([]);
  });

  it('fixes with the gateway-monitoring scenario for the gateway: a monitor and alert rules', () => {
    const workspace = workspaceOf(GATEWAY, deployment(), hpa(), pdb());
    const [finding] = readinessFindings(workspace, 'readiness-no-monitoring');
    expect(finding?.fixes?.[0]?.title).toBe('Add monitoring');
    const after = fixed(workspace, finding);
    expect(readinessFindings(after)).toEqual([]);
    const text = serializeWorkspace(after)[0]?.text ?? '';
    expect(text).toContain('kind: PrometheusRule');
    expect(text).toMatch(/kind: (PodMonitor|ServiceMonitor)/);
  });
});

describe('never crying wolf', () => {
  it("says nothing about the implied default ingress's Deployment (the example)", () => {
    const found = readinessFindings(loadWorkspace(EXAMPLE));
    expect(found).toEqual([]);
  });

  it("still reports the implied ingress's autoscaler and budget, which are written", () => {
    const text = EXAMPLE_YAML.replace('minReplicas: 2', 'minReplicas: 1');
    const found = readinessFindings(loadWorkspace([{ name: 'example.yaml', text }]));
    expect(found.map((f) => [f.code, f.resource])).toEqual([
      ['readiness-hpa-min-replicas', 'HorizontalPodAutoscaler/istio-system/istio-ingressgateway'],
      ['readiness-pdb-blocks-drain', 'PodDisruptionBudget/istio-system/istio-ingressgateway'],
    ]);
  });

  it('says nothing where no Gateway selects a workload', () => {
    const noGateway = workspaceOf(
      deployment(),
      hpa('  minReplicas: 1\n  maxReplicas: 1\n'),
      pdb('maxUnavailable: 0'),
    );
    expect(readinessFindings(noGateway)).toEqual([]);
  });

  it('is reported by lint like every finding, with its fix', () => {
    const found = lint(
      workspaceOf(GATEWAY, deployment(), hpa('  minReplicas: 1\n  maxReplicas: 5\n'), pdb()),
    );
    expect(found.find((d) => d.code === 'readiness-hpa-min-replicas')).toMatchObject({
      file: 'gateway.yaml',
      fixes: [{ title: 'Set minReplicas to 2' }],
    });
  });
});
