import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { findEntry } from '../workspace/workspace.ts';
import {
  addItem,
  applyChecked,
  editField,
  errors,
  fieldOf,
  formOf,
  groupOf,
  refusal,
} from './testForms.ts';
import {
  GATEWAY_DEPLOYMENT,
  HPA,
  LB_SERVICE,
  OPERATIONS,
  PDB,
  RATE_LIMIT,
} from './testManifests.ts';

const SERVICE_NODE = `loadBalancer:${LB_SERVICE}`;
const PODS_NODE = `gatewayWorkload:${GATEWAY_DEPLOYMENT}`;
const HPA_NODE = `autoscaler:${HPA}`;
const PDB_NODE = `disruptionBudget:${PDB}`;
const FILTER_NODE = `envoyFilter:${RATE_LIMIT}`;

describe('gateway operations forms', () => {
  test('Service type is a select and writes one line', () => {
    expect(editField(OPERATIONS, SERVICE_NODE, 'spec.type', 'NodePort').diff).toEqual({
      removed: ['  type: LoadBalancer'],
      added: ['  type: NodePort'],
    });
  });

  test('a cloud preset adds its load balancer annotation, quoted as Kubernetes needs', () => {
    const editor = TestEditor.load(OPERATIONS);
    const group = groupOf(formOf(editor, SERVICE_NODE), 'group:metadata.annotations');
    const azure = group.presets?.find((p) => p.label === 'Azure internal load balancer');
    if (!azure) throw new Error('expected the Azure preset');
    const { diff, editor: after } = applyChecked(editor, azure.command);
    expect(diff).toEqual({
      removed: [],
      added: [
        '  annotations:',
        '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
      ],
    });
    const again = groupOf(formOf(after, SERVICE_NODE), 'group:metadata.annotations');
    expect(again.presets?.map((p) => p.label)).not.toContain('Azure internal load balancer');
  });

  test('Service ports: edit a number, add a named port', () => {
    expect(
      editField(OPERATIONS, SERVICE_NODE, 'spec.ports[0].targetPort', '8081').diff.added,
    ).toEqual(['    targetPort: 8081']);
    expect(
      editField(OPERATIONS, SERVICE_NODE, 'spec.ports[0].targetPort', 'http').diff.added,
    ).toEqual(['    targetPort: http']);
    const { diff } = addItem(OPERATIONS, SERVICE_NODE, 'group:spec.ports', {
      'ports#new-name': 'https',
      'ports#new-port': 443,
    });
    expect(diff.added).toEqual(['  - name: https', '    port: 443', '    targetPort: 443']);
  });

  test('container requests and limits are quantities', () => {
    const base = 'spec.template.spec.containers[0].resources';
    expect(editField(OPERATIONS, PODS_NODE, `${base}.requests.cpu`, '500m').diff).toEqual({
      removed: ['            cpu: 100m'],
      added: ['            cpu: 500m'],
    });
    expect(editField(OPERATIONS, PODS_NODE, `${base}.limits.memory`, '1Gi').diff.added).toEqual([
      '          limits:',
      '            memory: 1Gi',
    ]);
    expect(refusal(OPERATIONS, PODS_NODE, `${base}.requests.memory`, '1 GB')).toMatch(/quantity/);
  });

  test('autoscaler min and max replicas', () => {
    expect(editField(OPERATIONS, HPA_NODE, 'spec.minReplicas', '3').diff.added).toEqual([
      '  minReplicas: 3',
    ]);
    expect(refusal(OPERATIONS, HPA_NODE, 'spec.maxReplicas', '1')).toBe(
      'Max replicas must be 2 or more',
    );
    expect(refusal(OPERATIONS, HPA_NODE, 'spec.maxReplicas', '')).toBe('Required');
  });

  test('the CPU target edits its metric, and emptying it removes the metric', () => {
    expect(editField(OPERATIONS, HPA_NODE, 'autoscaler#cpu', '60').diff).toEqual({
      removed: ['        averageUtilization: 80'],
      added: ['        averageUtilization: 60'],
    });
    const removed = editField(OPERATIONS, HPA_NODE, 'autoscaler#cpu', '');
    expect(removed.diff.added).toEqual([]);
    expect(removed.diff.removed[0]).toBe('  metrics:');
    const restored = editField(removed.after, HPA_NODE, 'autoscaler#cpu', '80');
    const hpa = findEntry(restored.editor.workspace, HPA)?.object;
    expect(hpa && 'cpuUtilization' in hpa ? hpa.cpuUtilization : undefined).toBe(80);
    expect(restored.diff.removed).toEqual([]);
  });

  test('a custom pods metric is added next to the CPU one', () => {
    const { diff, editor } = addItem(OPERATIONS, HPA_NODE, 'group:spec.metrics', {
      'metrics#new-name': 'istio_requests_per_second',
      'metrics#new-value': '100',
    });
    expect(diff.added).toEqual([
      '  - type: Pods',
      '    pods:',
      '      metric:',
      '        name: istio_requests_per_second',
      '      target:',
      '        type: AverageValue',
      '        averageValue: "100"',
    ]);
    expect(
      fieldOf(formOf(editor, HPA_NODE), 'spec.metrics[1].pods.target.averageValue').value,
    ).toBe('100');
  });

  test('minAvailable and maxUnavailable exclude each other', () => {
    expect(editField(OPERATIONS, PDB_NODE, 'spec.minAvailable', '50%').diff).toEqual({
      removed: ['  minAvailable: 1'],
      added: ['  minAvailable: 50%'],
    });
    expect(editField(OPERATIONS, PDB_NODE, 'spec.maxUnavailable', '1').diff).toEqual({
      removed: ['  minAvailable: 1'],
      added: ['  maxUnavailable: 1'],
    });
    expect(refusal(OPERATIONS, PDB_NODE, 'spec.minAvailable', 'half')).toMatch(/percentage/);
  });

  test('the local rate limit token bucket is edited in place', () => {
    const bucket = 'spec.configPatches[0].patch.value.typed_config.value.token_bucket';
    expect(editField(OPERATIONS, FILTER_NODE, `${bucket}.max_tokens`, '50').diff).toEqual({
      removed: ['              max_tokens: 100'],
      added: ['              max_tokens: 50'],
    });
    expect(editField(OPERATIONS, FILTER_NODE, `${bucket}.fill_interval`, '1s').diff.added).toEqual([
      '              fill_interval: 1s',
    ]);
    expect(refusal(OPERATIONS, FILTER_NODE, `${bucket}.tokens_per_fill`, '0')).toMatch(/1 or more/);
  });

  test('edits to the operations side keep lint as it was', () => {
    const { editor } = editField(OPERATIONS, HPA_NODE, 'spec.minReplicas', '3');
    expect(errors(editor.workspace)).toEqual(errors(TestEditor.load(OPERATIONS).workspace));
  });
});
