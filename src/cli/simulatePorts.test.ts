import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { run } from './main.ts';

const BOOKINFO = fileURLToPath(new URL('../simulate/fixtures/bookinfo-8080.yaml', import.meta.url));

describe('simulate --format text: the hops a request takes', () => {
  test('Bookinfo answers on port 80: load balancer 80 → 8080, then the server on 8080', () => {
    const out = run([
      'simulate',
      BOOKINFO,
      '--url',
      'http://203.0.113.7/productpage',
      '--format',
      'text',
    ]);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    const hop = lines.findIndex((l) => l.includes('loadBalancer'));
    expect(lines[hop]).toContain(
      'load balancer port 80 → gateway pods port 8080 (Service istio-system/istio-ingressgateway)',
    );
    const server = lines.findIndex((l) => l.includes('HTTP server on port 8080'));
    expect(server).toBeGreaterThan(hop);
    expect(lines[0]).toBe(
      'Routed by rule http[0] of VirtualService/default/bookinfo to productpage.default.svc.cluster.local:9080 (100%)',
    );
  });

  test('a port the load balancer does not expose fails the connection, and says why', () => {
    const out = run([
      'simulate',
      BOOKINFO,
      '--url',
      'http://203.0.113.7:9080/',
      '--format',
      'text',
    ]);
    expect(out.stdout).toContain('the load balancer has no port 9080');
  });
});
