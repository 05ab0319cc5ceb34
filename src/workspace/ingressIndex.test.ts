import { describe, expect, it } from 'vitest';
import { dedent as yaml } from '../testing/dedent.ts';
import { ingressIndex } from './ingressIndex.ts';
import { loadWorkspace } from './workspace.ts';

const index = (text: string) => ingressIndex(loadWorkspace([{ name: 'a.yaml', text }]));

const SHOP = yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata: { name: shop, namespace: web }
  spec:
    ingressClassName: nginx
    defaultBackend: { service: { name: fallback, port: { name: http } } }
    tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
    rules:
    - host: shop.example.com
      http:
        paths:
        - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }
        - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
    - host: "*.shop.example.com"
    - http:
        paths:
        - { path: /health, pathType: Exact, backend: { service: { name: health, port: { number: 9000 } } } }
`;

describe('Ingresses in a workspace', () => {
  it('reads rules, paths, backends and TLS with their YAML positions; index counts paths across rules', () => {
    const [shop] = index(SHOP).ingresses;
    expect(shop?.ingress.defaultBackend?.service).toEqual({
      name: 'fallback',
      port: undefined,
      portName: 'http',
    });
    expect(shop?.ingress.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    expect(shop?.ingress.rules[1]?.paths).toBeUndefined();
    expect(shop?.paths.map((p) => [p.rule, p.path, p.index, p.host, p.value.path])).toEqual([
      [0, 0, 0, 'shop.example.com', '/api'],
      [0, 1, 1, 'shop.example.com', '/'],
      [2, 0, 2, '', '/health'],
    ]);
  });

  it('serves class nginx by ingress-nginx and class istio by Istio when no IngressClass is written', () => {
    const istio = SHOP.replace('ingressClassName: nginx', 'ingressClassName: istio');
    expect(index(SHOP).ingresses[0]?.reading).toBe('nginx');
    expect(index(istio).ingresses[0]?.reading).toBe('istio');
  });

  it('the class annotation wins over ingressClassName, as both controllers read it first', () => {
    const annotated = SHOP.replace(
      'namespace: web }',
      'namespace: web, annotations: { kubernetes.io/ingress.class: istio } }',
    );
    const [shop] = index(annotated).ingresses;
    expect(shop?.className).toBe('istio');
    expect(shop?.reading).toBe('istio');
  });

  it('an Ingress naming no class takes the default IngressClass, whose controller decides', () => {
    const text = `${SHOP.replace('  ingressClassName: nginx\n', '')}---\n${yaml`
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: mesh
        annotations: { ingressclass.kubernetes.io/is-default-class: "true" }
      spec: { controller: istio.io/ingress-controller }
    `}`;
    const idx = index(text);
    expect(idx.ingresses[0]?.className).toBe('mesh');
    expect(idx.ingresses[0]?.reading).toBe('istio');
    expect([...idx.byClass.keys()]).toEqual(['mesh']);
  });

  it('reads the v1beta1 backend shape (serviceName, servicePort)', () => {
    const [old] = index(yaml`
      apiVersion: extensions/v1beta1
      kind: Ingress
      metadata: { name: old }
      spec:
        backend: { serviceName: legacy, servicePort: 80 }
    `).ingresses;
    expect(old?.ingress.defaultBackend?.service).toMatchObject({ name: 'legacy', port: 80 });
    expect(old?.className).toBeUndefined();
    expect(old?.reading).toBeUndefined();
  });
});
