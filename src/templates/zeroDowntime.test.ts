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
  serious,
  texts,
} from '../testing/scenarios.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { SCALING_PACK } from './scalingPack.ts';
import { resolveParameters } from './scenario.ts';
import { BASIC } from './trafficSplits.ts';
import { ZERO_DOWNTIME } from './zeroDowntime.ts';

const POD_ID = 'gatewayWorkload:Deployment/istio-system/istio-ingressgateway';
const PDB = 'disruptionBudget:PodDisruptionBudget/istio-system/istio-ingressgateway';

const textOf = (workspace: Parameters<typeof texts>[0]) => texts(workspace)[0]?.text ?? '';

describe('on the example workspace', () => {
  test('its budget already keeps one pod: only the gateway Deployment is added, with every rollout setting', () => {
    const { before, after } = applyScenario(ZERO_DOWNTIME, exampleWorkspace());
    const diff = lineDiff(textOf(before), textOf(after));
    expect(diff.removed).toEqual([]);
    expect(diff.added.filter((l) => l.startsWith('kind:'))).toEqual(['kind: Deployment']);
    // The example's autoscaler owns the replica count.
    expect(diff.added.filter((l) => l.includes('replicas:'))).toEqual([]);
    expect(diff.added).toEqual(
      expect.arrayContaining([
        '    type: RollingUpdate',
        '      maxSurge: 1',
        '      maxUnavailable: 0',
        '        proxy.istio.io/config: |',
        '          terminationDrainDuration: 20s',
        '            path: /healthz/ready',
        '            port: 15021',
        '      terminationGracePeriodSeconds: 30',
        '        topologyKey: topology.kubernetes.io/zone',
        '        whenUnsatisfiable: ScheduleAnyway',
      ]),
    );
    expect(serious(after)).toEqual([]);
  });

  test('the gateway pods become the Deployment, with the budget attached', () => {
    const { after } = applyScenario(ZERO_DOWNTIME, exampleWorkspace());
    expect(edges(graphOf(after), 'attach')).toContain(`${POD_ID} -> ${PDB}`);
  });

  test('applied a second time it has nothing to set and says so', () => {
    const { after } = applyScenario(ZERO_DOWNTIME, exampleWorkspace());
    expect(refusal(ZERO_DOWNTIME, after, {})).toBe(
      'The gateway istio-system/istio-ingressgateway already has every setting of the zero-downtime pack',
    );
  });

  test('after the scaling pack it extends the Deployment that pack wrote, keeping its resources', () => {
    const scaled = applyScenario(SCALING_PACK, exampleWorkspace()).after;
    const { before, after } = applyScenario(ZERO_DOWNTIME, scaled, { drainSeconds: 45 });
    const diff = lineDiff(textOf(before), textOf(after));
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(
      expect.arrayContaining([
        '          terminationDrainDuration: 45s',
        // The grace period outlasts the drain: the proxy stops before the kubelet kills it.
        '      terminationGracePeriodSeconds: 50',
      ]),
    );
    expect(textOf(after)).toContain('            cpu: 100m');
    expect(serious(after)).toEqual([]);
  });
});

describe('on an empty workspace', () => {
  test('adds the budget and the Deployment, which a Gateway then makes the gateway pods', () => {
    const pack = applyScenario(ZERO_DOWNTIME, emptyWorkspace()).after;
    expect(textOf(pack)).toContain('spec:\n  replicas: 2\n  selector:');
    expect(textOf(pack).match(/^kind: .*/gm)).toEqual([
      'kind: PodDisruptionBudget',
      'kind: Deployment',
    ]);
    const { after } = applyScenario(BASIC, pack);
    expect(edges(graphOf(after), 'attach')).toEqual([`${POD_ID} -> ${PDB}`]);
    expect(serious(after)).toEqual([]);
  });

  test('a surge given as a percentage is written as one, a count as a number', () => {
    const percent = textOf(
      applyScenario(ZERO_DOWNTIME, emptyWorkspace(), { maxSurge: '25%' }).after,
    );
    expect(percent).toContain('      maxSurge: 25%\n');
    const count = textOf(applyScenario(ZERO_DOWNTIME, emptyWorkspace(), { maxSurge: '2' }).after);
    expect(count).toContain('      maxSurge: 2\n');
  });

  test('zones that cannot be balanced can keep pods pending, with a wider skew', () => {
    const text = textOf(
      applyScenario(ZERO_DOWNTIME, emptyWorkspace(), {
        whenUnsatisfiable: 'DoNotSchedule',
        maxSkew: 2,
      }).after,
    );
    expect(text).toContain('        - maxSkew: 2\n');
    expect(text).toContain('          whenUnsatisfiable: DoNotSchedule\n');
  });
});

describe('parameters', () => {
  test('a surge of 0 is refused: with maxUnavailable 0 no pod could be replaced', () => {
    expect(refusal(ZERO_DOWNTIME, emptyWorkspace(), { maxSurge: '0%' })).toBe(
      'Max surge: At least 1 (or 1%): with maxUnavailable 0, a surge of 0 could replace no pod',
    );
    expect(refusal(ZERO_DOWNTIME, emptyWorkspace(), { maxSurge: 'one' })).toBe(
      'Max surge: Enter a number of pods (1) or a percentage (25%)',
    );
  });

  test('the drain is whole seconds up to an hour', () => {
    expect(refusal(ZERO_DOWNTIME, emptyWorkspace(), { drainSeconds: 0 })).toBe(
      'Termination drain (s): Must be from 1 to 3600',
    );
  });

  test('a surge of 0 written with maxUnavailable 1 is not taken as the default: 1 is', () => {
    const text = INSTALLED.replace('maxSurge: 50%', 'maxSurge: 0\n      maxUnavailable: 1');
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    expect(resolveParameters(ZERO_DOWNTIME, {}, workspace).maxSurge).toBe(1);
  });

  test('the defaults are the existing Deployment’s own values', () => {
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text: INSTALLED }]);
    const params = resolveParameters(ZERO_DOWNTIME, {}, workspace);
    expect([
      params.maxSurge,
      params.drainSeconds,
      params.maxSkew,
      params.whenUnsatisfiable,
    ]).toEqual(['50%', 60, 1, 'ScheduleAnyway']);
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
    selector:
      matchLabels: {istio: ingressgateway}
    strategy:
      type: Recreate # one pod at a time was enough
      rollingUpdate:
        maxSurge: 50%
    template:
      metadata:
        annotations:
          proxy.istio.io/config: |
            holdApplicationUntilProxyStarts: true
            terminationDrainDuration: 1m
        labels: {app: istio-ingressgateway, istio: ingressgateway}
      spec:
        terminationGracePeriodSeconds: 40
        topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: DoNotSchedule
          labelSelector:
            matchLabels: {istio: ingressgateway}
        containers:
        - name: istio-proxy
          image: auto
          readinessProbe:
            tcpSocket:
              port: 8080
            periodSeconds: 5
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: istio-ingressgateway
    namespace: istio-system
  spec:
    minAvailable: 1
    selector:
      matchLabels:
        istio: ingressgateway
`;

describe('on a gateway installed by hand', () => {
  test('the pack sets only its own fields and keeps the rest, comments included', () => {
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text: INSTALLED }]);
    const { after } = applyScenario(ZERO_DOWNTIME, workspace, { maxSurge: '1' });
    const diff = lineDiff(INSTALLED, textOf(after));
    expect(diff.removed).toEqual([
      // Recreate stops every pod before starting new ones: the outage the pack exists to avoid.
      '    type: Recreate # one pod at a time was enough',
      '      maxSurge: 50%',
      // The drain (1m, the default read from it) stays as written; the grace must outlast it.
      '      terminationGracePeriodSeconds: 40',
      // A probe has one handler: the proxy's readiness endpoint replaces the TCP check.
      '          tcpSocket:',
      '            port: 8080',
    ]);
    expect(diff.added).toEqual([
      '    type: RollingUpdate # one pod at a time was enough',
      '      maxSurge: 1',
      '      maxUnavailable: 0',
      '      terminationGracePeriodSeconds: 65',
      // The hostname spread stays; the zone spread joins it.
      '      - maxSkew: 1',
      '        topologyKey: topology.kubernetes.io/zone',
      '        whenUnsatisfiable: ScheduleAnyway',
      '        labelSelector:',
      '          matchLabels:',
      '            istio: ingressgateway',
      '          httpGet:',
      '            path: /healthz/ready',
      '            port: 15021',
      // No autoscaler owns the count: one pod under a budget of minAvailable 1 blocks every drain.
      '  replicas: 2',
    ]);
    expect(textOf(after)).toContain('holdApplicationUntilProxyStarts: true');
    expect(serious(after)).toEqual([]);
  });

  test('a ProxyConfig written as JSON stays JSON, with the drain set', () => {
    const text = INSTALLED.replace(
      /proxy\.istio\.io\/config: \|\n.*\n.*\n/,
      `proxy.istio.io/config: '{"holdApplicationUntilProxyStarts": true}'\n`,
    );
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    const { after } = applyScenario(ZERO_DOWNTIME, workspace);
    expect(textOf(after)).toContain(
      `proxy.istio.io/config: '{"holdApplicationUntilProxyStarts":true,"terminationDrainDuration":"20s"}'`,
    );
  });

  test('a ProxyConfig annotation that is not a map is left to the user, and said so', () => {
    const text = INSTALLED.replace(
      /proxy\.istio\.io\/config: \|\n.*\n.*\n/,
      'proxy.istio.io/config: "[not, a, map]"\n',
    );
    const workspace = loadWorkspace([{ name: 'gateway.yaml', text }]);
    expect(refusal(ZERO_DOWNTIME, workspace, {})).toBe(
      "The gateway's proxy.istio.io/config annotation is not a ProxyConfig map",
    );
  });
});
