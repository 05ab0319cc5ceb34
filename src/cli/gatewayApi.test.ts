import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { BOOKINFO_GATEWAY } from '../testing/gatewayApiSamples.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-cli-gwapi-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const BOOKINFO = file('bookinfo.yaml', BOOKINFO_GATEWAY);

describe('simulate and test on a Gateway API workspace (CONTRACT 1, 4)', () => {
  test('simulate names the Gateway, listener, HTTPRoute and its rule, in the contract order', () => {
    const out = run(['simulate', BOOKINFO, '--url', 'http://bookinfo.example/productpage']);
    expect(out.code).toBe(0);
    const sim = JSON.parse(out.stdout);
    expect(Object.keys(sim).slice(0, 7)).toEqual([
      'outcome',
      'status',
      'gateway',
      'server',
      'listener',
      'virtualService',
      'httpRoute',
    ]);
    expect(sim).toMatchObject({
      outcome: 'route',
      gateway: 'Gateway.gateway.networking.k8s.io/shop/bookinfo-gateway',
      server: null,
      listener: { name: 'http', port: 80, protocol: 'HTTP', hostname: null },
      httpRoute: 'HTTPRoute/shop/bookinfo',
      rule: { index: 0, section: 'rules', matchIndex: 0 },
      destinations: [{ host: 'productpage.shop.svc.cluster.local', port: 9080 }],
    });
  });

  test('simulate --format text answers a path no rule matches with a 404', () => {
    const out = run([
      'simulate',
      BOOKINFO,
      '--url',
      'http://bookinfo.example/admin',
      '--format',
      'text',
    ]);
    expect(out.stdout.split('\n')[0]).toBe(
      '404 from the gateway: no HTTPRoute rule matches on listener http',
    );
  });

  test('test runs saved tests against HTTPRoutes and reports their rules in the coverage', () => {
    const tests = file(
      'tests.yaml',
      dedent`
        tests:
          - name: product page
            request: { url: http://bookinfo.example/productpage }
            expect: { httpRoute: bookinfo, rule: 0, destinations: [{ host: productpage }] }
      `,
    );
    const out = run(['test', BOOKINFO, '--tests', tests, '--format', 'text']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('pass  product page');
    expect(out.stdout).toContain('route coverage 100.0% (1/1 rules)');
  });
});
