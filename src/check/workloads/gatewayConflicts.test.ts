import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { withCode } from '../../testing/workloadChecks.ts';

interface Server {
  port?: number;
  hosts: string[];
  bind?: string;
}

const gateway = (
  name: string,
  selector: string,
  servers: Server[],
  namespace = 'default',
) => dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    selector: {${selector}}
    servers:
${servers
  .map(
    (s) =>
      `    - ${s.port === undefined ? '' : `port: {number: ${s.port}, name: p, protocol: HTTP}\n      `}hosts: [${s.hosts.map((h) => `"${h}"`).join(', ')}]${s.bind ? `\n      bind: ${s.bind}` : ''}`,
  )
  .join('\n')}
`;

const pod = (labels: string) => dedent`
  apiVersion: v1
  kind: Pod
  metadata:
    name: gw-pod
    namespace: istio-system
    labels: {${labels}}
`;

const docs = (...texts: string[]) => texts.join('---\n');
const conflicts = (text: string) => withCode(text, 'gateway-conflict');
const overlaps = (text: string) => withCode(text, 'gateway-host-port-overlap');

describe('Conflicting Gateways (ConflictingGatewayAnalyzer IST0145, Kiali KIA0301)', () => {
  it('reports both Gateways with the same selector, port and host, with the Kiali code added', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [{ port: 80, hosts: ['foo.bar'] }]),
      gateway('beta', 'istio: ingressgateway', [{ port: 80, hosts: ['foo.bar'] }]),
    );
    const found = conflicts(text);
    expect(found.map((f) => f.resource)).toEqual(['Gateway/default/alpha', 'Gateway/default/beta']);
    expect(found[0]).toMatchObject({
      severity: 'error',
      istio: 'IST0145',
      kiali: 'KIA0301',
      path: ['spec', 'servers', 0, 'hosts', 0],
    });
    expect(found[0]?.message).toContain('default/beta');
    // The same fact is not reported twice.
    expect(overlaps(text)).toEqual([]);
  });

  it('does not report Gateways on different ports or with different hosts', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [{ port: 80, hosts: ['foo.bar'] }]),
      gateway('beta', 'istio: ingressgateway', [{ port: 443, hosts: ['foo.bar'] }]),
      gateway('gamma', 'istio: ingressgateway', [{ port: 80, hosts: ['bar.bar'] }]),
    );
    expect(conflicts(text)).toEqual([]);
  });

  it('compares the servers on the conflicting port only', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [
        { port: 70, hosts: ['foo.bar'] },
        { port: 90, hosts: ['foo.bar'] },
      ]),
      gateway('beta', 'istio: ingressgateway', [
        { port: 80, hosts: ['foo.bar'] },
        { port: 90, hosts: ['foo.bar'] },
      ]),
    );
    expect(conflicts(text).map((f) => [f.resource, f.path[2]])).toEqual([
      ['Gateway/default/alpha', 1],
      ['Gateway/default/beta', 1],
    ]);
  });

  it('finds a conflict through a sub-selector when a pod matches both selectors', () => {
    const gateways = [
      gateway('alpha', 'istio: ingressgateway, team: a', [{ port: 80, hosts: ['foo.bar'] }]),
      gateway('beta', 'team: a', [{ port: 80, hosts: ['foo.bar'] }]),
    ];
    expect(conflicts(docs(...gateways, pod('istio: ingressgateway, team: a')))).toHaveLength(2);
    // Without a pod carrying both labels the Gateways configure different pods.
    expect(conflicts(docs(...gateways, pod('team: a')))).toEqual([]);
  });

  it('compares hosts as written: a wildcard does not conflict with a name it covers', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [{ port: 80, hosts: ['*.example.com'] }]),
      gateway('beta', 'istio: ingressgateway', [{ port: 80, hosts: ['shop.example.com'] }]),
    );
    expect(conflicts(text)).toEqual([]);
    // Kiali reports the overlap, as a warning of its own.
    const found = overlaps(text);
    expect(found.map((f) => f.resource)).toEqual(['Gateway/default/alpha', 'Gateway/default/beta']);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      kiali: 'KIA0301',
      path: ['spec', 'servers', 0, 'hosts', 0],
    });
    expect(found[0]?.istio).toBeUndefined();
  });

  it('does not conflict servers bound to different addresses', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [
        { port: 80, hosts: ['foo.bar'], bind: '10.0.0.1' },
      ]),
      gateway('beta', 'istio: ingressgateway', [
        { port: 80, hosts: ['foo.bar'], bind: '10.0.0.2' },
      ]),
    );
    expect(conflicts(text)).toEqual([]);
  });

  it('ignores servers without a port, which validation reports', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [{ hosts: ['foo.bar'] }]),
      gateway('beta', 'istio: ingressgateway', [{ hosts: ['foo.bar'] }]),
    );
    expect(conflicts(text)).toEqual([]);
  });

  it('Kiali: hosts meant for different namespaces do not overlap', () => {
    const text = docs(
      gateway('alpha', 'istio: ingressgateway', [{ port: 80, hosts: ['team-a/*'] }]),
      gateway('beta', 'istio: ingressgateway', [{ port: 80, hosts: ['team-b/*'] }]),
    );
    expect(overlaps(text)).toEqual([]);
    expect(conflicts(text)).toEqual([]);
  });
});
