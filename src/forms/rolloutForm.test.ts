import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { TestEditor } from '../testing/testEditor.ts';
import {
  addItem,
  applyChecked,
  editField,
  fieldOf,
  formOf,
  groupOf,
  refusal,
} from './testForms.ts';
import { GATEWAY_DEPLOYMENT, OPERATIONS } from './testManifests.ts';

const PODS_NODE = `gatewayWorkload:${GATEWAY_DEPLOYMENT}`;
const PROBE = 'spec.template.spec.containers[0].readinessProbe';

/** The example's gateway Deployment after the zero-downtime pack, with a comment to keep. */
const ROLLED = OPERATIONS.replace(
  'spec:\n  selector:\n    matchLabels:\n      istio: ingressgateway\n  template:\n',
  dedent`
    spec:
      selector:
        matchLabels:
          istio: ingressgateway
      strategy:
        rollingUpdate:
          maxSurge: 1 # one spare pod at a time
          maxUnavailable: 0
      template:
  `.concat('\n'),
);

describe('the rollout strategy', () => {
  test('a surge is a count or a percentage, each one line, the comment kept', () => {
    expect(editField(ROLLED, PODS_NODE, 'spec.strategy.rollingUpdate.maxSurge', '2').diff).toEqual({
      removed: ['      maxSurge: 1 # one spare pod at a time'],
      added: ['      maxSurge: 2 # one spare pod at a time'],
    });
    expect(
      editField(ROLLED, PODS_NODE, 'spec.strategy.rollingUpdate.maxSurge', '25%').diff.added,
    ).toEqual(['      maxSurge: 25% # one spare pod at a time']);
  });

  test('both bounds at 0 are refused, as the API server refuses them; other wrong values say what is expected', () => {
    expect(refusal(ROLLED, PODS_NODE, 'spec.strategy.rollingUpdate.maxSurge', '0')).toBe(
      'maxSurge and maxUnavailable cannot both be 0: no pod could be replaced',
    );
    expect(refusal(ROLLED, PODS_NODE, 'spec.strategy.rollingUpdate.maxUnavailable', '120%')).toBe(
      'At most 100%',
    );
    expect(refusal(ROLLED, PODS_NODE, 'spec.strategy.rollingUpdate.maxSurge', 'one')).toBe(
      'Enter a number of pods (1) or a percentage (25%)',
    );
  });

  test('a Deployment without a strategy gets one written where it is typed', () => {
    expect(
      editField(OPERATIONS, PODS_NODE, 'spec.strategy.rollingUpdate.maxUnavailable', '0').diff
        .added,
    ).toEqual(['  strategy:', '    rollingUpdate:', '      maxUnavailable: 0']);
  });

  test('Recreate drops the rolling update bounds in the same step, and hides their fields', () => {
    const { diff, editor } = editField(ROLLED, PODS_NODE, 'spec.strategy.type', 'Recreate');
    expect(diff.removed).toEqual([
      '    rollingUpdate:',
      '      maxSurge: 1 # one spare pod at a time',
      '      maxUnavailable: 0',
    ]);
    expect(diff.added).toEqual(['    type: Recreate']);
    expect(() =>
      fieldOf(formOf(editor, PODS_NODE), 'spec.strategy.rollingUpdate.maxSurge'),
    ).toThrow(/no field/);
  });
});

describe('the proxy readiness probe', () => {
  test('path and port write the proxy’s own readiness endpoint, the port as a number', () => {
    const { editor } = editField(OPERATIONS, PODS_NODE, `${PROBE}.httpGet.path`, '/healthz/ready');
    const form = formOf(editor, PODS_NODE);
    const port = fieldOf(form, `${PROBE}.httpGet.port`);
    expect(port.placeholder).toBe('15021');
    const text = editor.yaml();
    const after = editField(text, PODS_NODE, `${PROBE}.httpGet.port`, '15021');
    expect(after.diff.added).toEqual(['            port: 15021']);
    expect(refusal(text, PODS_NODE, `${PROBE}.httpGet.port`, '70000')).toMatch(/port/i);
  });

  test('period and failure threshold are whole numbers from 1', () => {
    expect(editField(OPERATIONS, PODS_NODE, `${PROBE}.periodSeconds`, '2').diff.added).toEqual([
      '        readinessProbe:',
      '          periodSeconds: 2',
    ]);
    expect(refusal(OPERATIONS, PODS_NODE, `${PROBE}.failureThreshold`, '0')).toBe(
      'Failure threshold must be 1 or more',
    );
  });
});

describe('the termination drain', () => {
  test('the proxy drain writes Istio’s annotation and raises the grace period past it, in one step', () => {
    const editor = TestEditor.load(OPERATIONS);
    const { diff, editor: after } = editField(OPERATIONS, PODS_NODE, 'drain#seconds', '40');
    expect(diff.added).toEqual([
      '      annotations:',
      '        proxy.istio.io/config: |',
      '          terminationDrainDuration: 40s',
      '      terminationGracePeriodSeconds: 45',
    ]);
    expect(fieldOf(formOf(after, PODS_NODE), 'drain#seconds').value).toBe(40);
    // Undo takes both back: it was one command.
    after.undo();
    expect(after.yaml()).toBe(editor.yaml());
  });

  test('a short drain leaves Kubernetes’ 30s grace period alone; emptying it removes the annotation', () => {
    const { diff, after } = editField(OPERATIONS, PODS_NODE, 'drain#seconds', '20');
    expect(diff.added).toEqual([
      '      annotations:',
      '        proxy.istio.io/config: |',
      '          terminationDrainDuration: 20s',
    ]);
    expect(editField(after, PODS_NODE, 'drain#seconds', '').diff.added).toEqual([]);
    expect(editField(after, PODS_NODE, 'drain#seconds', '').after).toBe(OPERATIONS);
  });

  test('other ProxyConfig settings stay when the drain changes or goes', () => {
    const yaml = OPERATIONS.replace(
      '    metadata:\n      labels:',
      '    metadata:\n      annotations:\n        proxy.istio.io/config: |\n          concurrency: 2\n          terminationDrainDuration: 10s\n      labels:',
    );
    expect(editField(yaml, PODS_NODE, 'drain#seconds', '15').diff).toEqual({
      removed: ['          terminationDrainDuration: 10s'],
      added: ['          terminationDrainDuration: 15s'],
    });
    expect(editField(yaml, PODS_NODE, 'drain#seconds', '').diff.removed).toEqual([
      '          terminationDrainDuration: 10s',
    ]);
  });

  test('a grace period no longer than the drain is refused', () => {
    const { after } = editField(OPERATIONS, PODS_NODE, 'drain#seconds', '40');
    expect(
      refusal(after, PODS_NODE, 'spec.template.spec.terminationGracePeriodSeconds', '40'),
    ).toBe(
      'The proxy drains for 40s: the grace period must be longer, or the pod is killed mid-drain',
    );
  });
});

describe('topology spread', () => {
  test('a zone spread is added counting the Deployment’s own pods, then edited', () => {
    const group = 'group:spec.template.spec.topologySpreadConstraints';
    const { diff, after } = addItem(OPERATIONS, PODS_NODE, group, {
      'spread#new-key': 'topology.kubernetes.io/zone',
    });
    expect(diff.added).toEqual([
      '      topologySpreadConstraints:',
      '      - maxSkew: 1',
      '        topologyKey: topology.kubernetes.io/zone',
      '        whenUnsatisfiable: ScheduleAnyway',
      '        labelSelector:',
      '          matchLabels:',
      '            istio: ingressgateway',
    ]);
    const spread = 'spec.template.spec.topologySpreadConstraints[0]';
    expect(
      editField(after, PODS_NODE, `${spread}.whenUnsatisfiable`, 'DoNotSchedule').diff,
    ).toEqual({
      removed: ['        whenUnsatisfiable: ScheduleAnyway'],
      added: ['        whenUnsatisfiable: DoNotSchedule'],
    });
    expect(refusal(after, PODS_NODE, `${spread}.maxSkew`, '0')).toBe('Max skew must be 1 or more');
    const editor = TestEditor.load(after);
    const items = groupOf(formOf(editor, PODS_NODE), group).items;
    expect(items.map((i) => i.title)).toEqual(['Spread by topology.kubernetes.io/zone']);
    const remove = items[0]?.remove;
    if (!remove) throw new Error('expected a remove command');
    expect(applyChecked(editor, remove).after).toBe(OPERATIONS);
  });
});
