import { describe, expect, test } from 'vitest';
import { azureResourceNameProblem, CLOUD_PRESETS, presetOf } from './cloudLoadBalancers.ts';

const annotationsOf = (id: string, ports: number[], publicIpName = '') =>
  Object.fromEntries(CLOUD_PRESETS[id]?.annotations({ ports, publicIpName }) ?? []);

describe('cloud load balancer presets', () => {
  test('Azure’s probe annotations follow the Service’s ports, each pointed at the status port', () => {
    expect(annotationsOf('aks-internal', [8443])).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-health-probe-request-path': '/healthz/ready',
      'service.beta.kubernetes.io/port_8443_health-probe_protocol': 'http',
      'service.beta.kubernetes.io/port_8443_health-probe_port': 'status-port',
      'service.beta.kubernetes.io/port_15021_no_lb_rule': 'true',
    });
  });

  test('the public IP name is written only when given, and only by the AKS public preset', () => {
    expect(annotationsOf('aks-public', [80], 'edge-ip')).toMatchObject({
      'service.beta.kubernetes.io/azure-pip-name': 'edge-ip',
    });
    expect(annotationsOf('aks-public', [80])).not.toHaveProperty(
      'service.beta.kubernetes.io/azure-pip-name',
    );
    expect(annotationsOf('aks-internal', [80], 'edge-ip')).not.toHaveProperty(
      'service.beta.kubernetes.io/azure-pip-name',
    );
  });

  test('a Service’s annotations name the fullest preset they hold, read with its own ports and IP', () => {
    const aks = annotationsOf('aks-public', [80, 443], 'edge-ip');
    expect(presetOf(aks, [80, 443])).toBe('aks-public');
    // Missing the 443 probe: not the AKS preset any more.
    expect(presetOf(aks, [80, 443, 8080])).toBeUndefined();
    expect(presetOf(annotationsOf('aks-internal', [80]), [80])).toBe('aks-internal');
    expect(presetOf(annotationsOf('gke-internal-global', []), [])).toBe('gke-internal-global');
    expect(presetOf(annotationsOf('gcp-internal', []), [])).toBe('gcp-internal');
    expect(
      presetOf({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }, []),
    ).toBe(undefined);
  });

  test('Azure resource names: letters, digits, _ . -, not ending in . or -', () => {
    expect(azureResourceNameProblem('gateway-ip_1')).toBeUndefined();
    expect(azureResourceNameProblem('a')).toBeUndefined();
    expect(azureResourceNameProblem('ip.')).toMatch(/not ending/);
    expect(azureResourceNameProblem('-ip')).toMatch(/starting/);
    expect(azureResourceNameProblem('x'.repeat(81))).toMatch(/1 to 80/);
  });
});
