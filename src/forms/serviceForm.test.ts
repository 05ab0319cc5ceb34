import { describe, expect, test } from 'vitest';
import { TestEditor } from '../testing/testEditor.ts';
import { applyChecked, editField, formOf, groupOf } from './testForms.ts';
import { LB_SERVICE, OPERATIONS } from './testManifests.ts';

const SERVICE_NODE = `loadBalancer:${LB_SERVICE}`;
const ANNOTATIONS = 'group:metadata.annotations';

function preset(editor: TestEditor, label: string) {
  const found = groupOf(formOf(editor, SERVICE_NODE), ANNOTATIONS).presets?.find(
    (p) => p.label === label,
  );
  if (!found) throw new Error(`no preset ${label}`);
  return found.command;
}

describe('cloud load balancer presets in the Service form', () => {
  test('every cloud preset is offered on a Service without annotations', () => {
    const group = groupOf(formOf(TestEditor.load(OPERATIONS), SERVICE_NODE), ANNOTATIONS);
    expect(group.presets?.map((p) => p.label)).toEqual([
      'Azure internal load balancer',
      'AWS Network Load Balancer',
      'GCP internal load balancer',
      'AKS public, probing the gateway’s readiness',
      'AKS internal, probing the gateway’s readiness',
      'EKS Network Load Balancer, internet-facing, cross-zone',
      'EKS Network Load Balancer, internal, cross-zone',
      'GKE internal, reachable from every region',
    ]);
  });

  test('AKS internal writes its annotations for the Service’s port and adds the status port they name, in one step', () => {
    const editor = TestEditor.load(OPERATIONS);
    const { diff, editor: after } = applyChecked(
      editor,
      preset(editor, 'AKS internal, probing the gateway’s readiness'),
    );
    expect(diff).toEqual({
      removed: [],
      added: [
        '  annotations:',
        '    service.beta.kubernetes.io/azure-load-balancer-internal: "true"',
        '    service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path: /healthz/ready',
        '    service.beta.kubernetes.io/port_80_health-probe_protocol: http',
        '    service.beta.kubernetes.io/port_80_health-probe_port: status-port',
        '    service.beta.kubernetes.io/port_15021_no_lb_rule: "true"',
        '  - name: status-port',
        '    port: 15021',
      ],
    });
    // Applied, it is no longer offered; the simpler Azure preset it contains is not either.
    const labels = groupOf(formOf(after, SERVICE_NODE), ANNOTATIONS).presets?.map((p) => p.label);
    expect(labels).not.toContain('AKS internal, probing the gateway’s readiness');
    expect(labels).not.toContain('Azure internal load balancer');
  });

  test('EKS internal writes the AWS Load Balancer Controller’s NLB annotations', () => {
    const editor = TestEditor.load(OPERATIONS);
    const { diff } = applyChecked(
      editor,
      preset(editor, 'EKS Network Load Balancer, internal, cross-zone'),
    );
    expect(diff.added).toEqual([
      '  annotations:',
      '    service.beta.kubernetes.io/aws-load-balancer-type: external',
      '    service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip',
      '    service.beta.kubernetes.io/aws-load-balancer-scheme: internal',
      '    service.beta.kubernetes.io/aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true',
      '    service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol: http',
      '    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: "15021"',
      '    service.beta.kubernetes.io/aws-load-balancer-healthcheck-path: /healthz/ready',
    ]);
  });

  test('GKE global access adds only what the plain GKE internal preset lacks', () => {
    const editor = TestEditor.load(OPERATIONS);
    applyChecked(editor, preset(editor, 'GCP internal load balancer'));
    const { diff } = applyChecked(
      editor,
      preset(editor, 'GKE internal, reachable from every region'),
    );
    expect(diff.added).toEqual([
      '    networking.gke.io/internal-load-balancer-allow-global-access: "true"',
    ]);
  });

  test('externalTrafficPolicy Local is one select, one line', () => {
    expect(editField(OPERATIONS, SERVICE_NODE, 'spec.externalTrafficPolicy', 'Local').diff).toEqual(
      {
        removed: [],
        added: ['  externalTrafficPolicy: Local'],
      },
    );
  });
});
