import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dedent } from '../testing/dedent.ts';

/**
 * A small repository as a pipeline checks it out, for the CI format tests and the packed-command
 * test: `k8s/gateway.yaml` (an ingress Gateway), `k8s/shop/routes.yaml` (a VirtualService routing
 * `/api` to subset v1, which its DestinationRule has, and everything else to subset v9, which it
 * has not: error IST0101, at line 18), `k8s/shop/service.json` (the Service, as `kubectl get -o
 * json` prints it), `k8s/notes.txt` (not a manifest), and `tests.yaml`: one saved request that
 * passes and one that expects v1 where the route sends v9.
 */
export const CI_FILES: Readonly<Record<string, string>> = {
  'k8s/gateway.yaml': dedent`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: {name: shop-gw, namespace: web}
    spec:
      selector: {istio: ingressgateway}
      servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: [shop.example.com]
  `,
  'k8s/shop/routes.yaml': dedent`
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
        - destination: {host: shop, subset: v1}
      - name: rest
        route:
        - destination:
            host: shop
            subset: v9
    ---
    apiVersion: networking.istio.io/v1
    kind: DestinationRule
    metadata: {name: shop, namespace: web}
    spec:
      host: shop
      subsets:
      - {name: v1, labels: {version: v1}}
  `,
  'k8s/shop/service.json': `${JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'web' },
      spec: { selector: { app: 'shop' }, ports: [{ name: 'http', port: 80 }] },
    },
    null,
    2,
  )}\n`,
  'k8s/notes.txt': 'not a manifest\n',
  'tests.yaml': dedent`
    tests:
      - name: api goes to v1
        request: {url: http://shop.example.com/api/cart}
        expect: {outcome: route, destinations: [{host: shop, subset: v1}]}
      - name: home page goes to v1
        request: {url: http://shop.example.com/}
        expect: {outcome: route, destinations: [{host: shop, subset: v1}]}
  `,
};

/** Writes CI_FILES into a new temporary directory and returns its path. */
export function writeCiRepository(prefix = 'istio-designer-ci-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(CI_FILES)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
