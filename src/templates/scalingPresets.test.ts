import { describe, expect, test } from 'vitest';
import { applyScenario, emptyWorkspace, refusal, serious, texts } from '../testing/scenarios.ts';
import { CLOUD_PRESETS, SCALING_PACK } from './scalingPack.ts';
import { resolveParameters } from './scenario.ts';
import { BASIC } from './trafficSplits.ts';

/** The scaling pack's cloud load balancer presets and traffic policy, on an empty workspace. */
describe('cloud load balancer presets', () => {
  const AZ = 'service.beta.kubernetes.io/';
  /** Azure's probe on every load-balanced port: HTTP to the status port's readiness path. */
  const AZURE_PROBE = [
    `${AZ}azure-load-balancer-health-probe-request-path: /healthz/ready`,
    `${AZ}port_80_health-probe_protocol: http`,
    `${AZ}port_80_health-probe_port: status-port`,
    `${AZ}port_443_health-probe_protocol: http`,
    `${AZ}port_443_health-probe_port: status-port`,
    // The status port itself gets no load balancing rule: it is not for the internet.
    `${AZ}port_15021_no_lb_rule: "true"`,
  ];
  const eksNlb = (scheme: string) => [
    `${AZ}aws-load-balancer-type: external`,
    `${AZ}aws-load-balancer-nlb-target-type: ip`,
    `${AZ}aws-load-balancer-scheme: ${scheme}`,
    `${AZ}aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true`,
    `${AZ}aws-load-balancer-healthcheck-protocol: http`,
    `${AZ}aws-load-balancer-healthcheck-port: "15021"`,
    `${AZ}aws-load-balancer-healthcheck-path: /healthz/ready`,
  ];
  const SERVICE_ANNOTATIONS: Record<string, readonly string[]> = {
    none: [],
    // "true" is quoted: Kubernetes wants the string, YAML would read a bare true as a boolean.
    'azure-internal': [`${AZ}azure-load-balancer-internal: "true"`],
    'aws-nlb': [`${AZ}aws-load-balancer-type: nlb`],
    'gcp-internal': ['networking.gke.io/load-balancer-type: Internal'],
    'aks-public': AZURE_PROBE,
    'aks-internal': [`${AZ}azure-load-balancer-internal: "true"`, ...AZURE_PROBE],
    'eks-nlb': eksNlb('internet-facing'),
    'eks-nlb-internal': eksNlb('internal'),
    'gke-internal-global': [
      'networking.gke.io/load-balancer-type: Internal',
      'networking.gke.io/internal-load-balancer-allow-global-access: "true"',
    ],
  };
  test('the cloud presets: the first single-annotation three, then AKS, EKS and GKE as each documents them', () => {
    expect(Object.keys(CLOUD_PRESETS)).toEqual(Object.keys(SERVICE_ANNOTATIONS));
  });
  const serviceAnnotations = (text: string | undefined) =>
    // Only the Service has metadata annotations (the Deployment's are on its pod template).
    text
      ?.match(/^ {2}annotations:\n((?: {4}.*\n)*)/m)?.[1]
      ?.split('\n')
      .filter(Boolean) ?? [];
  for (const [cloud, lines] of Object.entries(SERVICE_ANNOTATIONS)) {
    test(`the ${cloud} preset writes ${lines.length} annotation(s), and the workspace lints clean`, () => {
      const { after } = applyScenario(SCALING_PACK, emptyWorkspace(), { cloud });
      expect(serviceAnnotations(texts(after)[0]?.text)).toEqual(lines.map((l) => `    ${l}`));
      expect(serious(applyScenario(BASIC, after).after)).toEqual([]);
      // Applied, the preset is what the parameter then defaults to.
      expect(resolveParameters(SCALING_PACK, {}, after).cloud).toBe(cloud);
    });
  }

  test('the AKS presets add the gateway’s status port, which the probes name', () => {
    const text = texts(
      applyScenario(SCALING_PACK, emptyWorkspace(), { cloud: 'aks-internal' }).after,
    )[0]?.text;
    expect(text).toContain(
      '    - name: https\n      port: 443\n    - name: status-port\n      port: 15021\n',
    );
  });

  test('AKS public takes an existing public IP by name, or lets Azure create one', () => {
    const named = applyScenario(SCALING_PACK, emptyWorkspace(), {
      cloud: 'aks-public',
      publicIpName: 'gateway-ip',
    }).after;
    expect(serviceAnnotations(texts(named)[0]?.text)[0]).toBe(
      `    ${AZ}azure-pip-name: gateway-ip`,
    );
    expect(resolveParameters(SCALING_PACK, {}, named).publicIpName).toBe('gateway-ip');
    expect(
      refusal(SCALING_PACK, emptyWorkspace(), { cloud: 'aks-public', publicIpName: 'ip-' }),
    ).toBe(
      'Azure public IP name: Use 1 to 80 letters, digits, _ . -, starting with a letter or digit and not ending in . or -',
    );
  });

  test('externalTrafficPolicy Local keeps client IPs; Cluster, the default, is not written', () => {
    const local = texts(
      applyScenario(SCALING_PACK, emptyWorkspace(), { externalTrafficPolicy: 'Local' }).after,
    )[0]?.text;
    expect(local).toContain('      port: 443\n  externalTrafficPolicy: Local\n');
    const cluster = texts(applyScenario(SCALING_PACK, emptyWorkspace()).after)[0]?.text;
    expect(cluster).not.toContain('externalTrafficPolicy');
  });
});
