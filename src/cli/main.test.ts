import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-cli-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const GATEWAY = dedent`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: web-gw, namespace: istio-system}   # flow style, kept
  spec:
    selector:
      istio: ingressgateway
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: [ "web.example.com" ]
`;

const ROUTES = dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: web
    namespace: shop
  spec:
    hosts: [web.example.com]
    gateways: [istio-system/web-gw]
    http:
    - name: all
      route:
      - destination: {host: web}
`;

describe('roundtrip', () => {
  test('prints the file back byte for byte and exits 0', () => {
    const out = run(['roundtrip', file('gw.yaml', GATEWAY)]);
    expect(out).toEqual({ stdout: GATEWAY, stderr: '', code: 0 });
  });

  test('unparsable YAML: exit 1 and one line file:line:column: message on stderr', () => {
    const path = file('bad.yaml', 'a: 1\n---\nspec:\n  hosts: [a\n  http: x\n');
    const out = run(['roundtrip', path]);
    expect(out.code).toBe(1);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\S.*\\n$`),
    );
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('graph', () => {
  test('reads several files as one workspace: the route binds to the Gateway of the other file', () => {
    const out = run(['graph', file('gw.yaml', GATEWAY), file('routes.yaml', ROUTES)]);
    expect(out.code).toBe(0);
    const graph = JSON.parse(out.stdout) as {
      nodes: { id: string; kind: string; resource?: string }[];
      edges: { source: string; target: string; kind: string }[];
    };
    const gateway = graph.nodes.find((n) => n.resource === 'Gateway/istio-system/web-gw');
    const vs = graph.nodes.find(
      (n) => n.resource === 'VirtualService/shop/web' && n.kind === 'virtualService',
    );
    expect(gateway && vs).toBeTruthy();
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: gateway?.id, target: vs?.id, kind: 'bind' }),
    );
    expect(graph.nodes.filter((n) => n.kind === 'client')).toHaveLength(1);
  });

  test('--format text prints one node per line', () => {
    const out = run(['graph', '--format', 'text', file('gw.yaml', GATEWAY)]);
    expect(out.stdout).toMatch(/^gateway\s+\S+/m);
  });
});

describe('usage', () => {
  test('--help lists every command', () => {
    const out = run(['--help']);
    expect(out.code).toBe(0);
    for (const command of ['roundtrip', 'graph', 'lint']) expect(out.stdout).toContain(command);
  });

  test('bad usage exits 2 with a message', () => {
    expect(run(['frobnicate', 'x.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown command/),
    });
    expect(run(['graph', '--format', 'xml', 'x.yaml'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--format/),
    });
    expect(run(['graph'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no input file/),
    });
    expect(run(['graph', join(dir, 'missing.yaml')])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/cannot read .*no such file/),
    });
  });

  test('lint reports syntax errors as diagnostics and exits 1', () => {
    const out = run(['lint', file('bad2.yaml', 'x:\n - 1\n  y: 2\n')]);
    expect(out.code).toBe(1);
    const [diagnostic] = JSON.parse(out.stdout) as {
      code: string;
      line: number;
      column: number;
      severity: string;
    }[];
    expect(diagnostic).toMatchObject({
      code: 'yaml-syntax',
      severity: 'error',
      line: 2,
      column: 4,
    });
  });
});
