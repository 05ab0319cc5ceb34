import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listJson, listYaml } from '../testing/clusterDump.ts';
import { EXAMPLE_YAML } from '../workspace/example.ts';
import { run } from './main.ts';

// Every command reads what clusters print (`kubectl get -o yaml|json`) as it reads the same
// resources written as separate documents.

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-inputs-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const separate = file('myapp.yaml', EXAMPLE_YAML);
const oneObject = JSON.stringify(
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw' },
    spec: { servers: [] },
  },
  null,
  4,
);

describe.each([
  ['a YAML List', file('dump.yaml', listYaml(EXAMPLE_YAML))],
  ['a JSON List', file('dump.json', listJson(EXAMPLE_YAML))],
])('%s', (_, dump) => {
  it('round-trips byte for byte', () => {
    const out = run(['roundtrip', dump]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(readFileSync(dump, 'utf8'));
  });

  it('draws, lints and simulates as the separate documents do', () => {
    expect(run(['graph', dump]).stdout).toBe(run(['graph', separate]).stdout);
    const codes = (path: string) =>
      (JSON.parse(run(['lint', path]).stdout) as { code: string; resource?: string }[]).map(
        (d) => `${d.code} ${d.resource ?? ''}`,
      );
    expect(codes(dump)).toEqual(codes(separate));
    const sim = (path: string) =>
      run(['simulate', path, '--url', 'http://myapp.example.com/myapp/api']);
    expect(JSON.parse(sim(dump).stdout).outcome).toBe('route');
    expect(sim(dump).stdout).toBe(sim(separate).stdout);
  });

  it('puts findings at the lines of the item they are about', () => {
    const out = run(['lint', '--format', 'text', dump]);
    for (const line of out.stdout.split('\n').filter(Boolean))
      expect(Number(/:(\d+):\d+/.exec(line)?.[1])).toBeGreaterThan(3);
  });
});

describe('a single JSON object', () => {
  it('is one resource: drawn and checked', () => {
    const path = file('gw.json', oneObject);
    expect(run(['roundtrip', path]).stdout).toBe(oneObject);
    const graph = JSON.parse(run(['graph', path]).stdout) as { nodes: { resource?: string }[] };
    expect(graph.nodes.map((n) => n.resource)).toContain('Gateway/default/gw');
    const lint = JSON.parse(run(['lint', path]).stdout) as { resource?: string; line: number }[];
    expect(lint.filter((d) => d.resource === 'Gateway/default/gw').length).toBeGreaterThan(0);
  });
});

describe('roundtrip --clean', () => {
  it('prints the dump without the fields the cluster added, the same resources', () => {
    const dump = file('clean.yaml', listYaml(EXAMPLE_YAML));
    const out = run(['roundtrip', '--clean', dump]);
    expect(out.code).toBe(0);
    expect(out.stdout).not.toMatch(/status:|managedFields|creationTimestamp|uid:|last-applied/);
    const cleaned = file('cleaned.yaml', out.stdout);
    expect(run(['graph', cleaned]).stdout).toBe(run(['graph', separate]).stdout);
  });

  it('is for roundtrip only', () => {
    expect(run(['graph', '--clean', separate])).toMatchObject({
      code: 2,
      stderr: /only roundtrip/,
    });
  });
});
