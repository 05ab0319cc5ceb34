import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-cli-sim-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const SHOP = file(
  'shop.yaml',
  dedent`
    apiVersion: networking.istio.io/v1
    kind: Gateway
    metadata: {name: gw, namespace: istio-system}
    spec:
      selector: {istio: ingressgateway}
      servers:
      - port: {number: 80, name: http, protocol: HTTP}
        hosts: [shop.example.com]
    ---
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: shop, namespace: web}
    spec:
      hosts: [shop.example.com]
      gateways: [istio-system/gw]
      http:
      - name: beta
        match: [{headers: {x-beta: {exact: "1"}}}]
        route: [{destination: {host: shop, subset: v2}}]
      - name: rest
        route: [{destination: {host: shop, subset: v1}}]
  `,
);

describe('simulate (CONTRACT 1, 4)', () => {
  test('prints the simulation JSON: outcome, rule and destinations, with -H headers applied', () => {
    const out = run(['simulate', SHOP, '--url', 'http://shop.example.com/x', '-H', 'X-Beta: 1']);
    expect(out.code).toBe(0);
    const sim = JSON.parse(out.stdout);
    expect(sim.outcome).toBe('route');
    expect(sim.rule).toMatchObject({ index: 0, name: 'beta', section: 'http' });
    expect(sim.destinations).toMatchObject([{ subset: 'v2', probability: 1 }]);
  });

  test('--format text answers in one line, then the steps with why each rule did not match', () => {
    const out = run(['simulate', SHOP, '--url', 'http://shop.example.com/x', '--format', 'text']);
    expect(out.stdout.split('\n')[0]).toMatch(/rest.*v1/);
    expect(out.stdout).toMatch(/- rule .*beta.*x-beta/);
  });

  test('without --url, or with a URL it cannot read, it is bad usage (exit 2) with a message', () => {
    expect(run(['simulate', SHOP]).code).toBe(2);
    const bad = run(['simulate', SHOP, '--url', 'http://[bad']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toBe('');
    expect(run(['simulate', SHOP, '--url', 'http://a/', '-H', 'no colon']).code).toBe(2);
  });
});

describe('test --tests', () => {
  test('prints pass/fail per test and route coverage; exit 1 when a test fails', () => {
    const tests = file(
      'tests.yaml',
      dedent`
        tests:
        - name: beta users get v2
          request: {url: http://shop.example.com/, headers: {x-beta: "1"}}
          expect: {rule: beta, destinations: [{host: shop, subset: v2}]}
        - name: others get v2 too (wrong)
          request: {url: http://shop.example.com/}
          expect: {destinations: [{host: shop, subset: v2}]}
      `,
    );
    const out = run(['test', SHOP, '--tests', tests]);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^pass {2}beta users get v2$/m);
    expect(out.stdout).toMatch(/^FAIL {2}others get v2 too/m);
    expect(out.stdout).toContain('route coverage 100.0% (2/2 rules)');
  });

  test('all passing exits 0 and names the rules no test reaches', () => {
    const tests = file(
      'pass.yaml',
      dedent`
        tests:
        - name: beta
          request: {url: http://shop.example.com/, headers: {x-beta: "1"}}
          expect: {outcome: route, rule: beta}
      `,
    );
    const out = run(['test', SHOP, '--tests', tests]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('route coverage 50.0% (1/2 rules)');
    expect(out.stdout).toMatch(/not covered: VirtualService\/web\/shop http\[1\] \(rest\)/);
  });

  test('a tests file that does not parse names its line and column, exit 1', () => {
    const out = run(['test', SHOP, '--tests', file('bad.yaml', 'tests:\n  - name: [x\n')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
  });
});
