import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shopDesign, to } from '../convert/testDesigns.ts';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'convert-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text.startsWith('\n') ? dedent(text) : text);
  return path;
}

const SHOP = file(
  'shop.yaml',
  shopDesign([
    {
      name: 'shop',
      http: [
        {
          match: [{ uri: { prefix: '/api' } }],
          fault: { abort: { httpStatus: 503, percentage: { value: 100 } } },
          route: to('api'),
        },
        { route: to('shop') },
      ],
    },
  ]),
);

describe('convert', () => {
  test('prints the Gateway API YAML on stdout and one loss per line on stderr', () => {
    const out = run(['convert', '--to', 'gateway-api', SHOP]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('kind: HTTPRoute');
    expect(out.stdout).not.toContain('VirtualService\n');
    const lines = out.stderr.trim().split('\n');
    expect(lines).toContain(
      'VirtualService/default/shop spec.http[0].fault: fault injection: the Gateway API has none; keep this rule in a VirtualService (on the mesh) for fault drills, or inject faults in the app',
    );
    expect(loadWorkspace([{ name: 'out.yaml', text: out.stdout }]).files[0]?.docs.length).toBe(2);
  });

  test('--report writes the losses as JSON, the contract shape', () => {
    const report = join(dir, 'report.json');
    const out = run(['convert', '--to', 'gateway-api', '--report', report, SHOP]);
    expect(out.code).toBe(0);
    const losses = JSON.parse(readFileSync(report, 'utf8'));
    expect(losses).toContainEqual({
      resource: 'VirtualService/default/shop',
      path: 'spec.http[0].fault',
      message: expect.stringMatching(/^fault injection: the Gateway API has none; /),
    });
    expect(Object.keys(losses[0]).sort()).toEqual(['message', 'path', 'resource']);
  });

  test('--verify counts the requests and exits 0 when every difference is explained', () => {
    const out = run(['convert', '--to', 'gateway-api', '--verify', SHOP]);
    // The shop's fault injection cannot be said: some requests differ, every one explained.
    expect(out.stderr).toMatch(
      /^\d+ of \d+ requests go where they went; [1-9]\d* differences?, (both |all )?in the loss report$/m,
    );
    expect(out.code).toBe(0);
  });

  test('--verify exits 1 and names the request when a difference is unexplained', () => {
    // The input already serves the host in the Gateway API too: the converted Gateway competes
    // with that one for port 80, and another route answers. Nothing of the source was lost, so
    // the loss report cannot explain it; the comparison shows it.
    const mixed = file(
      'mixed.yaml',
      shopDesign(
        [{ name: 'shop', http: [{ route: to('shop') }] }],
        [
          {
            apiVersion: 'gateway.networking.k8s.io/v1',
            kind: 'Gateway',
            metadata: { name: 'edge', namespace: 'default' },
            spec: {
              gatewayClassName: 'istio',
              listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
            },
          },
          {
            apiVersion: 'gateway.networking.k8s.io/v1',
            kind: 'HTTPRoute',
            metadata: { name: 'api', namespace: 'default' },
            spec: {
              parentRefs: [{ name: 'edge' }],
              hostnames: ['shop.example.com'],
              rules: [{ backendRefs: [{ name: 'api', port: 80 }] }],
            },
          },
        ],
      ),
    );
    const out = run(['convert', '--to', 'gateway-api', '--verify', mixed]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^0 of (\d+) requests go where they went; \1 differences, not explained by the loss report$/m,
    );
    expect(out.stderr).toContain(
      'unexplained: GET http://shop.example.com:80/: to shop.default.svc.cluster.local:80 100.0% → api.default.svc.cluster.local:80 100.0%\n',
    );
  });

  test('--tests adds the saved requests to the derived ones', () => {
    const tests = file(
      'tests.yaml',
      `
      tests:
        - name: beside the prefix
          request: {url: "http://shop.example.com/apix"}
          expect: {outcome: route}
      `,
    );
    const without = run(['convert', '--to', 'gateway-api', '--verify', SHOP]).stderr;
    const out = run(['convert', '--to', 'gateway-api', '--verify', '--tests', tests, SHOP]);
    const total = (text: string) => Number(/ of (\d+) requests/.exec(text)?.[1]);
    expect(total(out.stderr)).toBe(total(without) + 1);
    expect(out.code).toBe(0);
  });

  test('--to istio: the Gateway API canary scenario converts with every request where it went', () => {
    const canary = file(
      'canary.yaml',
      run(['scenario', 'canary', '--set', 'api=gateway-api']).stdout,
    );
    const out = run(['convert', '--to', 'istio', '--verify', canary]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('kind: VirtualService');
    expect(out.stderr).toMatch(/^(\d+) of \1 requests go where they went; no differences\n$/);
  });

  test('--to istio: a GRPCRoute is a VirtualService, every gRPC call where it went, no loss', () => {
    const grpc = file(
      'grpc.yaml',
      `
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: default}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP, hostname: rpc.example.com}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: GRPCRoute
      metadata: {name: rpc, namespace: default}
      spec:
        parentRefs: [{name: edge}]
        rules:
          - matches: [{method: {service: shop.Cart, method: Checkout}}]
            backendRefs: [{name: checkout, port: 9000}]
          - backendRefs: [{name: shop, port: 9000}]
      `,
    );
    const out = run(['convert', '--to', 'istio', '--verify', grpc]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/# Converted from GRPCRoute default\/rpc\n/);
    expect(out.stdout).toMatch(/uri:\n\s+exact: \/shop.Cart\/Checkout\n/);
    expect(out.stderr).toMatch(/^(\d+) of \1 requests go where they went; no differences\n$/);
  });

  test('bad usage: no --to, an unknown API, --to on another command', () => {
    expect(run(['convert', SHOP]).code).toBe(2);
    expect(run(['convert', '--to', 'nginx', SHOP]).stderr).toBe(
      '--to must be istio or gateway-api, not nginx\n',
    );
    expect(run(['lint', '--to', 'istio', SHOP]).code).toBe(2);
  });

  test('unparsable YAML: file, line and column, exit 1', () => {
    const bad = file('bad.yaml', 'kind: [\n');
    const out = run(['convert', '--to', 'istio', bad]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
  });

  test('--help names the command', () => {
    expect(run(['--help']).stdout).toContain('convert --to istio|gateway-api');
  });
});
