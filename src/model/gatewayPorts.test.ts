import { describe, expect, test } from 'vitest';
import {
  entryMapping,
  formatMapping,
  gatewayPorts,
  listenPort,
  servicePortMappings,
} from './gatewayPorts.ts';
import { readService } from './service.ts';
import { readDeployment } from './workload.ts';

const DEFAULT_PODS = {
  namespace: 'istio-system',
  labels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
  workloads: [],
  isDefault: true,
} as const;

const gatewayDeployment = readDeployment({
  kind: 'Deployment',
  metadata: { name: 'edge', namespace: 'ingress' },
  spec: {
    template: {
      metadata: { labels: { app: 'edge' } },
      spec: { containers: [{ name: 'proxy', ports: [{ name: 'web', containerPort: 9000 }] }] },
    },
  },
});

function service(type: string, ports: unknown[], namespace = 'ingress') {
  const object = readService({
    kind: 'Service',
    metadata: { name: `edge-${type.toLowerCase()}`, namespace },
    spec: { type, selector: { app: 'edge' }, ports },
  });
  return { id: `Service/${namespace}/${object.metadata.name}`, object };
}

const EDGE_PODS = {
  namespace: 'ingress',
  labels: { app: 'edge' },
  workloads: [gatewayDeployment],
  isDefault: false,
} as const;

describe('gateway ports: the implied default ingress', () => {
  const ports = gatewayPorts([], DEFAULT_PODS);

  test('the load balancer carries 80 to 8080 and 443 to 8443, as istioctl install sets it up', () => {
    expect(ports.entry?.map(formatMapping)).toEqual([
      '15021',
      '80 → 8080',
      '443 → 8443',
      '31400',
      '15443',
    ]);
    expect(entryMapping(80, ports)).toMatchObject({
      targetPort: 8080,
      service: 'istio-system/istio-ingressgateway',
      implied: true,
    });
    expect(entryMapping(8080, ports)).toBeUndefined();
  });

  test('a server on a Service port listens on its targetPort; any other on its own number', () => {
    expect(listenPort(80, ports)).toBe(8080);
    expect(listenPort(443, ports)).toBe(8443);
    expect(listenPort(8080, ports)).toBe(8080);
    expect(listenPort(9999, ports)).toBe(9999);
  });

  test("the workspace's own Service for the default pods replaces the implied one", () => {
    const own = readService({
      kind: 'Service',
      metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
      spec: {
        type: 'LoadBalancer',
        selector: { istio: 'ingressgateway' },
        ports: [{ name: 'http2', port: 80, targetPort: 80 }],
      },
    });
    const withOwn = gatewayPorts(
      [{ id: 'Service/istio-system/istio-ingressgateway', object: own }],
      DEFAULT_PODS,
    );
    expect(withOwn.entry?.map(formatMapping)).toEqual(['80']);
    expect(listenPort(80, withOwn)).toBe(80);
    expect(entryMapping(443, withOwn)).toBeUndefined();
  });
});

describe('gateway ports: a Service in the workspace', () => {
  test('a targetPort by number and by name (the container port of the pods)', () => {
    const lb = service('LoadBalancer', [
      { name: 'http', port: 80, targetPort: 'web' },
      { name: 'https', port: 443, targetPort: 9443 },
      { name: 'udp', port: 53, protocol: 'UDP' },
    ]);
    const ports = gatewayPorts([lb], EDGE_PODS);
    expect(ports.balancers.map((s) => s.id)).toEqual(['Service/ingress/edge-loadbalancer']);
    expect(ports.entry?.map(formatMapping)).toEqual(['80 → 9000', '443 → 9443']);
    expect(listenPort(80, ports)).toBe(9000);
    expect(entryMapping(443, ports)).toMatchObject({ targetPort: 9443 });
    expect(entryMapping(53, ports)).toBeUndefined();
  });

  test('a named targetPort no container declares counts as the port itself, as istioctl does', () => {
    const [mapping] = servicePortMappings(
      service('ClusterIP', [{ port: 80, targetPort: 'nowhere' }]).object,
    );
    expect(mapping).toMatchObject({ port: 80, targetPort: 80 });
  });

  test('the entry is the LoadBalancer Service; a ClusterIP one still moves where servers listen', () => {
    const internal = service('ClusterIP', [{ port: 8000, targetPort: 8081 }]);
    const node = service('NodePort', [{ port: 80, targetPort: 8080 }]);
    const ports = gatewayPorts([internal, node], EDGE_PODS);
    expect(ports.balancers.map((s) => s.id)).toEqual(['Service/ingress/edge-nodeport']);
    expect(ports.entry?.map(formatMapping)).toEqual(['80 → 8080']);
    expect(listenPort(8000, ports)).toBe(8081);
  });

  test('Services of another namespace do not select the pods; with none the port goes through', () => {
    const elsewhere = service('LoadBalancer', [{ port: 80, targetPort: 8080 }], 'other');
    const ports = gatewayPorts([elsewhere], EDGE_PODS);
    expect(ports.entry).toBeUndefined();
    expect(entryMapping(8443, ports)).toBe('direct');
    expect(listenPort(80, ports)).toBe(80);
  });
});
