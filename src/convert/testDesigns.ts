import { stringify } from 'yaml';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace } from '../workspace/workspace.ts';

/** A workspace of one file `in.yaml` holding the (dedented) YAML text. */
export const load = (text: string) => loadWorkspace([{ name: 'in.yaml', text: dedent(text) }]);

/**
 * Test designs: Istio Gateway `default/gw` (HTTP 80, shop.example.com) and VirtualServices bound
 * to it, given by name and `http` rules, as YAML text; `extra` manifests follow them.
 */
export function shopDesign(
  virtualServices: readonly { readonly name: string; readonly http: readonly unknown[] }[],
  extra: readonly Record<string, unknown>[] = [],
): string {
  const gateway = {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'default' },
    spec: {
      servers: [
        { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['shop.example.com'] },
      ],
    },
  };
  const routes = virtualServices.map(({ name, http }) => ({
    apiVersion: 'networking.istio.io/v1',
    kind: 'VirtualService',
    metadata: { name, namespace: 'default' },
    spec: { hosts: ['shop.example.com'], gateways: ['gw'], http },
  }));
  return [gateway, ...routes, ...extra].map((doc) => stringify(doc)).join('---\n');
}

/** A route to `host` port 80. */
export const to = (host: string) => [{ destination: { host, port: { number: 80 } } }];

/**
 * Test designs in the Gateway API: Gateway `default/edge` of class istio with one HTTP listener
 * on 80, and HTTPRoute `default/shop` on it with these rules, as YAML text.
 */
export function edgeDesign(rules: readonly unknown[]): string {
  const gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: 'default' },
    spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  };
  const route = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { parentRefs: [{ name: 'edge' }], rules },
  };
  return [gateway, route].map((doc) => stringify(doc)).join('---\n');
}
