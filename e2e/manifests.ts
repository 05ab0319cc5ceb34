/**
 * The YAML the flows feed the app: the app's own first-open example (imported, so the tests
 * follow it when it changes) and small variations of it whose effect on the graph is plain.
 */
import { EXAMPLE_YAML } from '../src/workspace/example.ts';

export { EXAMPLE_YAML };

/** Replaces exactly one occurrence, so a changed example fails loudly here, not in a flow. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`expected exactly one ${JSON.stringify(from)} in the text`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The example with its VirtualService `myapp` renamed `to`. */
export function withVirtualServiceNamed(to: string, text = EXAMPLE_YAML): string {
  return replaceOnce(
    text,
    'kind: VirtualService\nmetadata:\n  name: myapp\n',
    `kind: VirtualService\nmetadata:\n  name: ${to}\n`,
  );
}

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  return text.slice(0, at).split('\n').length;
}

/** The example with the Gateway's `namespace` one space off: YAML that does not parse. */
export const BROKEN_NAMESPACE_LINE = ' namespace: istio-system  # one space short';
export const BROKEN_YAML = replaceOnce(
  EXAMPLE_YAML,
  '  name: my-gateway\n  namespace: istio-system\n',
  `  name: my-gateway\n${BROKEN_NAMESPACE_LINE}\n`,
);

/** A second, unrelated design: a shop with its own gateway, a split route and subsets. */
export const SHOP_YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop-gw
  namespace: web
spec:
  selector:
    istio: ingressgateway
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [shop.example.com]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
  namespace: web
spec:
  hosts: [shop.example.com]
  gateways: [shop-gw]
  http:
  - name: api
    match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api, subset: stable}
      weight: 90
    - destination: {host: api, subset: canary}
      weight: 10
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: api
  namespace: web
spec:
  host: api
  subsets:
  - name: stable
    labels: {track: stable}
  - name: canary
    labels: {track: canary}
`;

/** Names that would run as HTML if the app ever rendered them as markup. */
export const HOSTILE_NAME = '<img src="https://evil.example/pixel.png" onerror="window.__pwned=1">';
export const HOSTILE_YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: web
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ['*']
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: '${HOSTILE_NAME}'
  namespace: web
spec:
  hosts: ['<b>bold</b>.example.com']
  gateways: [gw]
  http:
  - name: '<script>window.__pwned=2</script>'
    route:
    - destination: {host: api}
`;

/**
 * A shop whose VirtualService sends beta users (header `x-beta: 1`) to v2 and splits everyone
 * else 90/10 between v1 and v2: the simulator's flows send requests through it.
 */
export const CANARY_YAML = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop-gw
  namespace: istio-system
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 80
      name: http
      protocol: HTTP
    hosts:
    - shop.example.com
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
  namespace: web
spec:
  hosts:
  - shop.example.com
  gateways:
  - istio-system/shop-gw
  http:
  - name: beta
    match:
    - headers:
        x-beta:
          exact: "1"
    route:
    - destination:
        host: shop
        subset: v2
  - name: split
    route:
    - destination:
        host: shop
        subset: v1
      weight: 90
    - destination:
        host: shop
        subset: v2
      weight: 10
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: shop
  namespace: web
spec:
  host: shop
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;
