import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { graphOf } from '../testing/graphs.ts';
import { httpGateway } from '../testing/simulations.ts';

const BOOKINFO = readFileSync(
  new URL('../simulate/fixtures/bookinfo-8080.yaml', import.meta.url),
  'utf8',
);

const GATEWAY = httpGateway();

const balancer = (text: string) => graphOf(text).nodes.find((n) => n.kind === 'loadBalancer');

describe('the load balancer node carries its port mappings', () => {
  test('the implied default ingress: 80 → 8080, 443 → 8443, as a cluster installs it', () => {
    expect(balancer(GATEWAY)).toMatchObject({
      implied: true,
      ports: [
        { port: 15021, targetPort: 15021 },
        { port: 80, targetPort: 8080 },
        { port: 443, targetPort: 8443 },
        { port: 31400, targetPort: 31400 },
        { port: 15443, targetPort: 15443 },
      ],
    });
  });

  test('a LoadBalancer Service of the workspace: its own TCP ports', () => {
    expect(balancer(BOOKINFO)).toMatchObject({
      resource: 'Service/istio-system/istio-ingressgateway',
      ports: [
        { port: 15021, targetPort: 15021 },
        { port: 80, targetPort: 8080 },
        { port: 443, targetPort: 8443 },
      ],
    });
  });

  test('pods known only by labels, with no Service: no ports are claimed', () => {
    const custom = GATEWAY.replace('istio: ingressgateway', 'app: edge');
    expect(balancer(custom)?.ports).toBeUndefined();
  });
});
