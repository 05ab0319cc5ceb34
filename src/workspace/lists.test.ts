import { describe, expect, it } from 'vitest';
import { lint } from '../check/lint.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { asStored, listJson, listYaml } from '../testing/clusterDump.ts';
import { simulated } from '../testing/simulated.ts';
import { EXAMPLE_YAML } from './example.ts';
import { helmSource } from './helmSource.ts';
import { entries, loadWorkspace, type Workspace } from './workspace.ts';

const separate = loadWorkspace([{ name: 'myapp.yaml', text: EXAMPLE_YAML }]);

/** What a user reads in Problems, without where it is (the dump writes it elsewhere). */
function problems(workspace: Workspace) {
  return lint(workspace).map(
    (d) => `${d.severity} ${d.code} ${d.resource ?? ''} ${d.path ?? ''} ${d.message}`,
  );
}

const DUMPS = [
  ['kubectl get -o yaml', listYaml(EXAMPLE_YAML)],
  ['kubectl get -o json', listJson(EXAMPLE_YAML)],
] as const;

describe.each(DUMPS)('a %s dump of the example', (_, text) => {
  const dump = loadWorkspace([{ name: 'dump', text }]);

  it('holds each item as a resource of its own', () => {
    expect(entries(dump).map((e) => e.id)).toEqual(entries(separate).map((e) => e.id));
    expect(entries(dump).map((e) => e.base)).toEqual(entries(separate).map((_, i) => ['items', i]));
  });

  it('draws the same graph', () => {
    expect(deriveGraph(dump)).toEqual(deriveGraph(separate));
    expect(deriveGraph(dump).nodes.map((n) => n.kind)).toContain('gateway');
  });

  it('reports the same findings, never about the fields the cluster added', () => {
    expect(problems(dump)).toEqual(problems(separate));
  });

  it('simulates the same request the same way', () => {
    const request = { url: 'http://myapp.example.com/myapp/api' };
    const answer = simulated(dump, request);
    expect(answer.outcome).toBe('route');
    expect(answer).toEqual(simulated(separate, request));
  });
});

describe('one JSON object per file (kubectl get vs shop -o json)', () => {
  const objects = loadWorkspace(
    asStored(EXAMPLE_YAML).map((object, i) => ({
      name: `${i}.json`,
      text: `${JSON.stringify(object, null, 4)}\n`,
    })),
  );

  it('draws, checks and simulates as the YAML documents do', () => {
    expect(entries(objects).map((e) => e.id)).toEqual(entries(separate).map((e) => e.id));
    expect(deriveGraph(objects)).toEqual(deriveGraph(separate));
    expect(problems(objects)).toEqual(problems(separate));
    const request = { url: 'http://myapp.example.com/myapp/api' };
    expect(simulated(objects, request)).toEqual(simulated(separate, request));
  });
});

describe('helm template output', () => {
  const helm = `---
# Source: shop/templates/gateway.yaml
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [shop.example.com]
---
# Source: shop/templates/virtualservice.yaml
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
spec:
  hosts: [shop.example.com]
  gateways: [shop]
  http:
  - route:
    - destination: {host: shop}
---
# Source: shop/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector: {app: shop}
  ports:
  - {name: http, port: 80}
`;
  const workspace = loadWorkspace([{ name: 'rendered.yaml', text: helm }]);

  it('names the template each resource came from', () => {
    expect(entries(workspace).map((e) => [e.id, helmSource(e.doc)])).toEqual([
      ['Gateway/default/shop', 'shop/templates/gateway.yaml'],
      ['VirtualService/default/shop', 'shop/templates/virtualservice.yaml'],
      ['Service/default/shop', 'shop/templates/service.yaml'],
    ]);
    expect(entries(separate).map((e) => helmSource(e.doc))).not.toContain(expect.any(String));
  });

  it('draws, checks and simulates as any manifests', () => {
    expect(edgeIds(workspace)).toContain(
      'gateway:Gateway/default/shop -> virtualService:VirtualService/default/shop',
    );
    expect(lint(workspace).filter((d) => d.severity === 'error')).toEqual([]);
    expect(simulated(workspace, { url: 'http://shop.example.com/' }).outcome).toBe('route');
  });
});

function edgeIds(workspace: Workspace): string[] {
  return deriveGraph(workspace).edges.map((e) => `${e.source} -> ${e.target}`);
}
