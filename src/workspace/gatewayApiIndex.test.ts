import { describe, expect, it } from 'vitest';
import { dedent as yaml } from '../testing/dedent.ts';
import { gatewayApiIndex } from './gatewayApiIndex.ts';
import { entries, loadWorkspace } from './workspace.ts';

const index = (text: string) => gatewayApiIndex(loadWorkspace([{ name: 'a.yaml', text }]));

const GATEWAY = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: { name: gw, namespace: infra }
  spec:
    gatewayClassName: istio
    listeners:
    - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
    - name: shop
      port: 443
      protocol: HTTPS
      hostname: "*.shop.example.com"
      tls: { certificateRefs: [{ name: shop-cert }] }
    - { name: tcp, port: 9000, protocol: TCP }
`;

describe('the Gateway API in a workspace', () => {
  it('gives the Gateway API Gateway an id with its group, apart from an Istio Gateway of the same name', () => {
    const ws = loadWorkspace([
      {
        name: 'a.yaml',
        text: `${GATEWAY}---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: { name: gw, namespace: infra }\nspec: { servers: [] }\n`,
      },
    ]);
    expect(entries(ws).map((e) => e.id)).toEqual([
      'Gateway.gateway.networking.k8s.io/infra/gw',
      'Gateway/infra/gw',
    ]);
  });

  it('reads what Istio deploys for class istio: <name>-istio, LoadBalancer, status-port and one port per listener port', () => {
    const [gw] = index(GATEWAY).gateways;
    expect(gw?.deployment).toMatchObject({
      managed: true,
      serviceName: 'gw-istio',
      namespace: 'infra',
      serviceType: 'LoadBalancer',
      selector: { 'gateway.networking.k8s.io/gateway-name': 'gw' },
    });
    expect(gw?.deployment?.managed && gw.deployment.ports.map((p) => p.port)).toEqual([
      15021, 80, 443, 9000,
    ]);
  });

  it('takes the service-type annotation and a Hostname address (manual deployment)', () => {
    const annotated = GATEWAY.replace(
      'namespace: infra }',
      'namespace: infra, annotations: { networking.istio.io/service-type: ClusterIP } }',
    );
    expect(index(annotated).gateways[0]?.deployment).toMatchObject({ serviceType: 'ClusterIP' });
    const manual = GATEWAY.replace(
      'gatewayClassName: istio',
      'gatewayClassName: istio\n  addresses: [{ type: Hostname, value: ingress.istio-system.svc.cluster.local }]',
    );
    expect(index(manual).gateways[0]?.deployment).toEqual({
      managed: false,
      namespace: 'istio-system',
      serviceName: 'ingress',
    });
  });

  it('leaves a Gateway of an unknown class without controller or deployment', () => {
    const [gw] = index(
      GATEWAY.replace('gatewayClassName: istio', 'gatewayClassName: nginx'),
    ).gateways;
    expect(gw?.controller).toBeUndefined();
    expect(gw?.deployment).toBeUndefined();
  });

  const route = (spec: string, namespace = 'web') =>
    `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r, namespace: ${namespace} }\nspec:\n${spec}\n`;

  it('attaches a route to every listener that takes it, with the hostnames it serves there', () => {
    const idx = index(
      GATEWAY +
        route(
          '  parentRefs: [{ name: gw, namespace: infra }]\n  hostnames: [a.shop.example.com]',
          'infra',
        ),
    );
    const [parent] = idx.routes[0]?.parents ?? [];
    expect(parent?.accepted.map((a) => [a.listener.name, a.hostnames])).toEqual([
      ['http', ['a.shop.example.com']],
      ['shop', ['a.shop.example.com']],
    ]);
  });

  it('denies with the reasons the status conditions give', () => {
    const denial = (spec: string, ns?: string) =>
      index(GATEWAY + route(spec, ns)).routes[0]?.parents[0]?.denial;
    expect(
      denial('  parentRefs: [{ name: gw, namespace: infra, sectionName: nope }]'),
    ).toMatchObject({
      reason: 'NoMatchingParent',
      message: 'sectionName "nope" not found',
    });
    expect(
      denial('  parentRefs: [{ name: gw, namespace: infra, sectionName: shop }]', 'infra'),
    ).toBeUndefined();
    expect(
      denial('  parentRefs: [{ name: gw, namespace: infra, sectionName: shop }]'),
    ).toMatchObject({
      reason: 'NotAllowedByListeners',
    });
    expect(
      denial(
        '  parentRefs: [{ name: gw, namespace: infra, sectionName: shop }]\n  hostnames: [other.example.com]',
        'infra',
      ),
    ).toMatchObject({ reason: 'NoMatchingListenerHostname' });
    expect(denial('  parentRefs: [{ name: gw, namespace: infra, port: 8080 }]')).toMatchObject({
      reason: 'NoMatchingParent',
      message: 'port 8080 not found',
    });
    // An HTTPRoute on the TCP listener: the kind is not allowed there.
    expect(
      denial('  parentRefs: [{ name: gw, namespace: infra, sectionName: tcp }]', 'infra'),
    ).toMatchObject({
      reason: 'NotAllowedByListeners',
      message: 'kind gateway.networking.k8s.io/HTTPRoute is not allowed',
    });
  });

  it('resolves backendRefs: same namespace, cross-namespace only with a ReferenceGrant, kinds Istio routes to', () => {
    const services = yaml`
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: api, namespace: shop }
      spec: { ports: [{ port: 80 }] }
    `;
    const grant = yaml`
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: { name: from-web, namespace: shop }
      spec:
        from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: web }]
        to: [{ group: "", kind: Service }]
    `;
    const without = index(GATEWAY + services);
    const from = { kind: 'HTTPRoute' as const, namespace: 'web' };
    const ref = { group: '', kind: 'Service', name: 'api', namespace: 'shop' };
    expect(without.backend(ref, from)).toMatchObject({
      resolved: false,
      reason: 'RefNotPermitted',
    });
    expect(index(GATEWAY + services + grant).backend(ref, from)).toMatchObject({
      resolved: true,
      host: 'api.shop.svc.cluster.local',
    });
    expect(without.backend({ ...ref, namespace: 'web', name: 'gone' }, from)).toMatchObject({
      resolved: false,
      reason: 'BackendNotFound',
    });
    expect(
      without.backend({ ...ref, namespace: undefined, kind: 'ConfigMap' }, from),
    ).toMatchObject({
      resolved: false,
      reason: 'InvalidKind',
    });
    // No Services in the workspace at all: not in this workspace, not missing.
    expect(index(GATEWAY).backend({ ...ref, namespace: undefined }, from)).toMatchObject({
      resolved: true,
    });
  });
});
