/** Inline manifests the Ingress check tests share (our own, after the Kubernetes docs' examples). */
import { dedent } from '../../testing/dedent.ts';

/**
 * An Ingress `shop/<name>` of class nginx with one rule for `host`; `paths` are its path items
 * (see `path`), `spec` more lines of its spec, each indented by two spaces.
 */
export function ingress(
  paths: string[],
  spec: string[] = [],
  name = 'web',
  host = 'shop.example.com',
): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    `metadata: {name: ${name}, namespace: shop}`,
    'spec:',
    '  ingressClassName: nginx',
    ...spec,
    '  rules:',
    `  - host: ${host}`,
    '    http:',
    '      paths:',
    ...paths,
    '',
  ].join('\n');
}

/** One path item: `path` with `pathType` to Service `cart` port 8080. */
export function path(value: string, pathType = 'Prefix', port = '{number: 8080}'): string {
  return `      - {path: ${value}, pathType: ${pathType}, backend: {service: {name: cart, port: ${port}}}}`;
}

export const CART = dedent`
  apiVersion: v1
  kind: Service
  metadata: {name: cart, namespace: shop}
  spec:
    selector: {app: cart}
    ports: [{name: http, port: 8080}]
`;

export const SHOP_TLS = dedent`
  apiVersion: v1
  kind: Secret
  metadata: {name: shop-tls, namespace: shop}
  type: kubernetes.io/tls
  data: {tls.crt: "", tls.key: ""}
`;
