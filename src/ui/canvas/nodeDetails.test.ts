import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../../graph/types.ts';
import { impliedParts, nodeDetails } from './nodeDetails.ts';

const implied = (label: string): GraphNode => ({
  id: `pods:implied:${label}`,
  kind: 'pods',
  label,
  parent: null,
  implied: true,
});

describe('implied nodes', () => {
  it('draw why they are implied as their first line, under a name without the note', () => {
    const label = 'pods with version=v1 of myapp (Service not in this workspace)';
    expect(impliedParts(label)).toEqual({
      name: 'pods with version=v1 of myapp',
      note: 'Service not in this workspace',
    });
    expect(nodeDetails(implied(label), undefined)[0]).toBe('Service not in this workspace');
  });

  it('say "assumed" when the label only says implied (the tag says that already)', () => {
    expect(impliedParts('app=myapp,version=v2 (implied)')).toEqual({
      name: 'app=myapp,version=v2',
      note: undefined,
    });
    expect(nodeDetails(implied('app=myapp (implied)'), undefined)).toEqual([
      'assumed: not in the manifests',
    ]);
  });
});

describe('load balancer nodes', () => {
  it('show the ports they carry to the gateway pods, those they move first', () => {
    const node: GraphNode = {
      id: 'loadBalancer:implied:Service/istio-system/istio-ingressgateway',
      kind: 'loadBalancer',
      label: 'istio-ingressgateway (implied)',
      parent: null,
      implied: true,
      ports: [
        { port: 15021, targetPort: 15021 },
        { port: 80, targetPort: 8080 },
        { port: 443, targetPort: 8443 },
      ],
    };
    expect(nodeDetails(node, undefined)).toEqual([
      'assumed: not in the manifests',
      'ports 80 → 8080 · 443 → 8443 · 15021',
    ]);
  });
});

describe('monitoring nodes', () => {
  const monitoring = (kind: GraphNode['kind'], resource: string): GraphNode => ({
    id: `${kind}:${resource}`,
    kind,
    label: resource.split('/')[2] as string,
    resource,
    parent: null,
  });

  it('say which kind of resource they are, as the Monitor title does not', () => {
    expect(nodeDetails(monitoring('monitor', 'PodMonitor/istio-system/envoy'), undefined)).toEqual([
      'PodMonitor',
    ]);
    expect(
      nodeDetails(monitoring('monitor', 'ServiceMonitor/istio-system/envoy'), undefined),
    ).toEqual(['ServiceMonitor']);
    expect(
      nodeDetails(monitoring('dashboard', 'ConfigMap/istio-system/gateway'), undefined),
    ).toEqual(['Grafana dashboard ConfigMap']);
  });
});
