import { describe, expect, it } from 'vitest';
import { ingress, nginx, rule } from '../../testing/ingressSimulations.ts';
import { sim, stepsOf } from '../../testing/simulations.ts';
import type { SimRequest } from '../types.ts';

const SHOP = 'shop.example.com';
const istio = (rules: string[], o: Parameters<typeof ingress>[1] = {}) =>
  ingress(rules, { className: 'istio', ...o });
const where = (texts: string | string[], url: string | SimRequest) => {
  const s = sim(texts, url);
  return s.outcome === 'route'
    ? `${s.ingress} #${s.rule?.index} → ${s.destinations.map((d) => d.host.split('.')[0]).join(' ')}`
    : `${s.outcome} ${s.status}`;
};

// Istio's Ingress support (pilot/pkg/config/kube/ingress): our own cases after its conversion.
describe("Istio's Ingress support", () => {
  it('answers through the default ingress gateway, 80 → 8080', () => {
    const s = sim(istio([rule(SHOP, [['/', 'Prefix', 'web', 80]])]), `http://${SHOP}/`);
    expect(s.ingress).toBe('Ingress/web/shop');
    expect(s.loadBalancer).toMatchObject({ port: 80, targetPort: 8080 });
    expect(stepsOf(s, 'gateway')[0]?.detail).toContain('Istio ingress gateway');
    // Istio needs the IngressClass to exist; the trace says it is assumed.
    expect(stepsOf(s, 'note')[0]?.detail).toContain('IngressClass istio is not in this workspace');
  });

  it('the class annotation istio selects it too', () => {
    const annotated = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      className: 'other',
      annotations: { 'kubernetes.io/ingress.class': 'istio' },
    });
    expect(where(annotated, `http://${SHOP}/`)).toBe('Ingress/web/shop #0 → web');
  });

  it('Prefix matches whole path elements; ImplementationSpecific /* is a prefix, a plain path exact', () => {
    const texts = istio([
      rule(SHOP, [
        ['/api', 'Prefix', 'api', 80],
        ['/static/*', 'ImplementationSpecific', 'static', 80],
        ['/login', 'ImplementationSpecific', 'login', 80],
      ]),
    ]);
    expect(where(texts, `http://${SHOP}/api/x`)).toBe('Ingress/web/shop #0 → api');
    expect(where(texts, `http://${SHOP}/apix`)).toBe('noRoute 404');
    expect(where(texts, `http://${SHOP}/static/a.css`)).toBe('Ingress/web/shop #1 → static');
    expect(where(texts, `http://${SHOP}/login`)).toBe('Ingress/web/shop #2 → login');
    expect(where(texts, `http://${SHOP}/login/x`)).toBe('noRoute 404');
  });

  it('ignores defaultBackend and nginx annotations, and says so', () => {
    const texts = istio([rule(SHOP, [['/api', 'Prefix', 'api', 80]])], {
      defaultBackend: '{ service: { name: fallback, port: { number: 80 } } }',
      annotations: { [nginx('rewrite-target')]: '/' },
    });
    const s = sim(texts, `http://${SHOP}/other`);
    expect(s.outcome).toBe('noRoute');
    const notes = stepsOf(s, 'note').map((n) => n.detail);
    expect(notes.some((n) => n.includes('ignores defaultBackend'))).toBe(true);
    expect(notes.some((n) => n.includes('ignores ingress-nginx annotations'))).toBe(true);
    expect(sim(texts, `http://${SHOP}/api`).request.path).toBe('/api');
  });

  it('HTTPS: a tls entry with a secret makes a server for its hosts; other SNIs fail the connection', () => {
    const texts = istio([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      tls: `[{ hosts: [${SHOP}], secretName: shop-cert }]`,
    });
    expect(where(texts, `https://${SHOP}/`)).toBe('Ingress/web/shop #0 → web');
    expect(where(texts, 'https://other.example.com/')).toBe('noServer null');
    // The HTTPS server for shop.example.com carries no route for another host, even on its SNI.
    const two = istio(
      [
        rule(SHOP, [['/', 'Prefix', 'web', 80]]),
        rule('admin.example.com', [['/', 'Prefix', 'admin', 80]]),
      ],
      { tls: `[{ hosts: [${SHOP}], secretName: shop-cert }]` },
    );
    expect(where(two, { url: `https://${SHOP}/`, headers: { host: 'admin.example.com' } })).toBe(
      'noRoute 404',
    );
    expect(where(two, 'http://admin.example.com/')).toBe('Ingress/web/shop #1 → admin');
    // No tls entry: nothing listens on 443 for Ingresses.
    expect(where(istio([rule(SHOP, [['/', 'Prefix', 'web', 80]])]), `https://${SHOP}/`)).toBe(
      'noServer null',
    );
  });

  it('a wildcard host is an Envoy domain: it takes several labels', () => {
    const texts = istio([rule('"*.example.com"', [['/', 'Prefix', 'web', 80]])]);
    expect(where(texts, 'http://a.b.example.com/')).toBe('Ingress/web/shop #0 → web');
  });

  it('a named port resolves against the Service; unresolved, Istio drops the path', () => {
    const named = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, namespace: web }
spec:
  ingressClassName: istio
  rules:
  - host: ${SHOP}
    http:
      paths:
      - { path: /, pathType: Prefix, backend: { service: { name: web, port: { name: http } } } }
`;
    const service = `apiVersion: v1
kind: Service
metadata: { name: web, namespace: web }
spec: { selector: { app: web }, ports: [{ name: http, port: 8000 }] }
`;
    expect(sim([named, service], `http://${SHOP}/`).destinations[0]?.port).toBe(8000);
    const other = service.replace('name: http', 'name: grpc');
    expect(sim([named, other], `http://${SHOP}/`).outcome).toBe('noRoute');
  });
});
