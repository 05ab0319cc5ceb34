import { describe, expect, test } from 'vitest';
import { findings } from '../check/lint.ts';
import { renameResource } from '../edit/resources.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import { resourceNodeId } from '../graph/ids.ts';
import { simulated } from '../testing/simulated.ts';
import { fileText, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { renameGatewayRef, resolveGatewayName, resolveGatewayRef } from './gatewayNames.ts';

const GATEWAY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["shop.example.com"]
`;

function workspaceWith(ref: string): Workspace {
  const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: web}
spec:
  hosts: [shop.example.com]
  gateways: ["${ref}"]
  http:
  - route:
    - destination: {host: shop}
`;
  return loadWorkspace([{ name: 'a.yaml', text: `${GATEWAY}---\n${vs}` }]);
}

/** Every form of an entry that names Gateway web/gw from a VirtualService in `web`. */
const BINDING_FORMS = ['web/gw', './gw', 'gw', 'gw.web', 'gw.web.svc.cluster.local'] as const;

describe('a `gateways` entry means one Gateway everywhere (pilot resolveGatewayName)', () => {
  test.each(BINDING_FORMS)('"%s" resolves to web/gw', (ref) => {
    expect(resolveGatewayName(ref, 'web')).toBe('web/gw');
    expect(resolveGatewayRef(ref, 'web')).toEqual({ namespace: 'web', name: 'gw' });
  });

  test('mesh names no Gateway; another namespace is taken as written', () => {
    expect(resolveGatewayName('mesh', 'web')).toBe('mesh');
    expect(resolveGatewayRef('mesh', 'web')).toBeUndefined();
    expect(resolveGatewayName('gw', 'other')).toBe('other/gw');
    expect(resolveGatewayName('gw.other.svc.cluster.local', 'web')).toBe('other/gw');
  });

  test.each(BINDING_FORMS)('"%s": drawn bound, routed, and never "not found"', (ref) => {
    const workspace = workspaceWith(ref);
    const graph = deriveGraph(workspace);
    expect(
      graph.edges.some(
        (e) =>
          e.kind === 'bind' &&
          e.source === resourceNodeId('gateway', 'Gateway/web/gw') &&
          e.target === resourceNodeId('virtualService', 'VirtualService/web/shop'),
      ),
    ).toBe(true);
    const simulation = simulated(workspace, { url: 'http://shop.example.com/' });
    expect(simulation.outcome).toBe('route');
    expect(simulation.virtualService).toBe('VirtualService/web/shop');
    const codes = findings(workspace).map((f) => f.code);
    expect(codes).not.toContain('vs-gateway-not-found');
    expect(codes).not.toContain('vs-host-not-in-gateway');
    // Only the legacy form is worth a warning (Istio's validation warns about it too).
    expect(codes.includes('vs-gateway-legacy-name')).toBe(ref.startsWith('gw.'));
  });

  test('mesh alone: no bind edge, the gateway has no route, no finding about gateways', () => {
    const workspace = workspaceWith('mesh');
    expect(deriveGraph(workspace).edges.some((e) => e.kind === 'bind')).toBe(false);
    expect(simulated(workspace, { url: 'http://shop.example.com/' }).outcome).toBe('noRoute');
    expect(findings(workspace).map((f) => f.code)).not.toContain('vs-gateway-not-found');
  });

  test('a legacy entry naming another namespace is not bound and is reported missing', () => {
    const workspace = workspaceWith('gw.other.svc.cluster.local');
    expect(deriveGraph(workspace).edges.some((e) => e.kind === 'bind')).toBe(false);
    expect(simulated(workspace, { url: 'http://shop.example.com/' }).outcome).toBe('noRoute');
    const notFound = findings(workspace).find((f) => f.code === 'vs-gateway-not-found');
    expect(notFound?.message).toContain('other/gw');
  });

  test('renaming the Gateway keeps the form each entry was written in', () => {
    expect(renameGatewayRef('web/gw', 'edge')).toBe('web/edge');
    expect(renameGatewayRef('gw', 'edge')).toBe('edge');
    expect(renameGatewayRef('gw.web.svc.cluster.local', 'edge')).toBe('edge.web.svc.cluster.local');
    const renamed = renameResource(
      workspaceWith('gw.web.svc.cluster.local'),
      'Gateway/web/gw',
      'edge',
    );
    if (!renamed.ok) throw new Error(renamed.error);
    const [file] = renamed.value.files;
    if (!file) throw new Error('no file');
    expect(fileText(file)).toContain('gateways: [edge.web.svc.cluster.local]');
  });
});
