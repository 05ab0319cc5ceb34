/** Inline manifests the Gateway API check tests share (our own, after the spec's examples). */
import { dedent } from '../../testing/dedent.ts';

export const GATEWAY_CLASS = dedent`
  apiVersion: gateway.networking.k8s.io/v1
  kind: GatewayClass
  metadata: {name: istio}
  spec: {controllerName: istio.io/gateway-controller}
`;

/** A Gateway in `infra`: `web` (HTTP 80, *.example.com, routes from every namespace), `api` (HTTP 80, api.example.com, same namespace only), `secure` (HTTPS 443). */
export const GATEWAY = dedent`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: edge, namespace: infra}
  spec:
    gatewayClassName: istio
    listeners:
    - name: web
      port: 80
      protocol: HTTP
      hostname: "*.example.com"
      allowedRoutes: {namespaces: {from: All}}
    - name: api
      port: 80
      protocol: HTTP
      hostname: api.example.com
    - name: secure
      port: 443
      protocol: HTTPS
      hostname: "*.example.com"
      tls:
        certificateRefs: [{name: edge-cert}]
      allowedRoutes: {namespaces: {from: All}}
`;

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/**
 * An HTTPRoute `shop/shop` for shop.example.com with the given parentRef, extra spec fields and
 * rules (each as YAML at the indentation of `spec`'s fields).
 */
export function route(
  parent = '{name: edge, namespace: infra}',
  extra = '',
  rules = '- backendRefs: [{name: web, port: 8080}]',
): string {
  return [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: HTTPRoute',
    'metadata: {name: shop, namespace: shop}',
    'spec:',
    `  parentRefs: [${parent}]`,
    '  hostnames: ["shop.example.com"]',
    ...(extra ? [indent(extra)] : []),
    '  rules:',
    indent(rules),
    '',
  ].join('\n');
}

export const SHOP_SERVICE = dedent`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {ports: [{port: 8080}]}
`;
