import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode, workspaceOf } from '../../testing/workloadChecks.ts';
import { lint } from '../lint.ts';

const gateway = (selector: string, ports: number[], namespace = 'default') => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: gw
    namespace: ${namespace}
  spec:
    ${selector}
    servers:
${ports.map((p) => `    - port: {number: ${p}, name: p${p}, protocol: HTTP}\n      hosts: ["*"]`).join('\n')}
`;

const privatePod = (namespace = 'default', kind: 'Pod' | 'Deployment' = 'Pod') =>
  kind === 'Pod'
    ? dedent`
      apiVersion: v1
      kind: Pod
      metadata:
        name: private-gw
        namespace: ${namespace}
        labels: {app: private-gw}
    `
    : dedent`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: private-gw
        namespace: ${namespace}
      spec:
        template:
          metadata:
            labels: {app: private-gw}
    `;

const privateService = (ports: string, namespace = 'default') => dedent`
  apiVersion: v1
  kind: Service
  metadata:
    name: private-gw
    namespace: ${namespace}
  spec:
    selector: {app: private-gw}
    ports: ${ports}
`;

const docs = (...texts: string[]) => texts.join('---\n');

describe('Gateway selector (IngressGatewayPortAnalyzer IST0101, Kiali KIA0302)', () => {
  it('reports a selector that matches no pod as IST0101 and KIA0302, an error at spec.selector', () => {
    const [finding, ...rest] = withCode(
      gateway('selector: {istio: ingresstypo}', [80]),
      'gateway-selector-no-workload',
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      istio: 'IST0101',
      kiali: 'KIA0302',
      missing: 'Workload',
      path: ['spec', 'selector'],
      resource: 'Gateway/default/gw',
    });
    expect(finding?.message).toContain('istio=ingresstypo');
  });

  it('finds the ingress pod istioctl implies for istio: ingressgateway', () => {
    const text = gateway('selector: {istio: ingressgateway}', [80, 443]);
    expect(withCode(text, 'gateway-selector-no-workload')).toEqual([]);
    expect(withCode(text, 'gateway-port-not-on-service')).toEqual([]);
  });

  it('searches pods in every namespace, not only the Gateway’s', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [8080], 'apps'),
      privatePod('gateways'),
    );
    expect(withCode(text, 'gateway-selector-no-workload')).toEqual([]);
  });

  it('counts a Deployment’s pod template as pods', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [8080]),
      privatePod('default', 'Deployment'),
    );
    expect(withCode(text, 'gateway-selector-no-workload')).toEqual([]);
  });

  it('reports a Gateway written twice once, at its first document', () => {
    const text = docs(
      gateway('selector: {istio: ingresstypo}', [80]),
      gateway('selector: {istio: ingresstypo}', [80]),
    );
    const found = withCode(text, 'gateway-selector-no-workload');
    expect(found.map((f) => f.at)).toEqual([{ file: 'test.yaml', index: 0 }]);
  });

  it('never reports a Gateway without selector, which applies to every workload', () => {
    expect(withCode(gateway('', [80]), 'gateway-selector-no-workload')).toEqual([]);
  });

  it('is information, not an error, when the workspace holds no workloads at all (unless --complete)', () => {
    const workspace = workspaceOf(gateway('selector: {istio: eastwestgateway}', [15443]));
    const [partial] = lint(workspace).filter((d) => d.code === 'gateway-selector-no-workload');
    expect(partial).toMatchObject({ severity: 'info', line: 7, istio: 'IST0101' });
    const [complete] = lint(workspace, { complete: true }).filter(
      (d) => d.code === 'gateway-selector-no-workload',
    );
    expect(complete?.severity).toBe('error');
  });
});

describe('Gateway ports against Services (IngressGatewayPortAnalyzer IST0162)', () => {
  it('reports a port the implied ingress Service does not open, at the port number', () => {
    const [finding, ...rest] = withCode(
      gateway('selector: {istio: ingressgateway}', [80, 8004]),
      'gateway-port-not-on-service',
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      istio: 'IST0162',
      path: ['spec', 'servers', 1, 'port', 'number'],
      // Judged against istioctl's stand-in Service only: not in this workspace.
      missing: 'Service',
    });
  });

  it('accepts a Gateway port that is a Service targetPort or a Service port', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [8003, 80, 8004]),
      privatePod(),
      privateService('[{name: http2, port: 80, targetPort: 8003}]'),
    );
    const findings = withCode(text, 'gateway-port-not-on-service');
    expect(findings.map((f) => f.path)).toEqual([['spec', 'servers', 2, 'port', 'number']]);
    expect(findings[0]?.missing).toBeUndefined();
  });

  it("against istioctl's stand-in Service, Bookinfo's 8080 is IST0162, and says a standard install serves it", () => {
    const [finding, ...rest] = withCode(
      gateway('selector: {istio: ingressgateway}', [8080, 9000]),
      'gateway-port-not-on-service',
    );
    expect(finding).toMatchObject({ istio: 'IST0162', missing: 'Service' });
    expect(finding?.message).toContain("A standard install's Service maps 80 → 8080");
    expect(rest.map((f) => f.message.includes('standard install'))).toEqual([false]);
  });

  it('reports each port once, as Istio names the port in its message', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [9000, 9000]),
      privatePod(),
      privateService('[{name: http, port: 80}]'),
    );
    expect(withCode(text, 'gateway-port-not-on-service')).toHaveLength(1);
  });

  it('only counts Services in the pod’s own namespace', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [80]),
      privatePod('gateways'),
      privateService('[{name: http, port: 80}]', 'other'),
    );
    const [finding] = withCode(text, 'gateway-port-not-on-service');
    expect(finding).toMatchObject({ istio: 'IST0162', missing: 'Service' });
    expect(finding?.message).toContain('No Service selects');
  });

  it('ignores UDP Service ports', () => {
    const text = docs(
      gateway('selector: {app: private-gw}', [53]),
      privatePod(),
      privateService('[{name: dns, port: 53, protocol: UDP}]'),
    );
    expect(withCode(text, 'gateway-port-not-on-service')).toHaveLength(1);
  });

  it('says nothing about ports of a Gateway whose selector matches no pod', () => {
    expect(
      withCode(gateway('selector: {app: nothing}', [1234]), 'gateway-port-not-on-service'),
    ).toEqual([]);
  });
});
