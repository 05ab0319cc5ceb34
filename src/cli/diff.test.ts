import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { canaryYaml } from '../diff/testDesigns.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'diff-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const BEFORE = file('before.yaml', canaryYaml(80, 20));
const AFTER = file('after.yaml', canaryYaml(60, 40));
// The same design as BEFORE, as another hand would write it: keys reordered, comments, quotes.
const REFORMATTED = file(
  'reformatted.yaml',
  canaryYaml(80, 20)
    .replace(
      'kind: VirtualService\nmetadata:\n  name: myapp\n  namespace: default\n',
      'metadata:\n  namespace: \'default\'\n  name: "myapp"  # the shop\nkind: VirtualService\n',
    )
    .replace('      weight: 20\n', '      weight: 20   # canary\n'),
);

describe('cli diff', () => {
  test('JSON: the changed weight is a resource path and a traffic change (CONTRACT shape)', () => {
    const out = run(['diff', BEFORE, AFTER]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['resources', 'traffic', 'findings']);
    expect(json.resources).toEqual([
      {
        resource: 'VirtualService/default/myapp',
        change: 'changed',
        paths: ['spec.http[0].route[0].weight', 'spec.http[0].route[1].weight'],
      },
    ]);
    const main = json.traffic.find(
      (t: { request: { url: string } }) => t.request.url === 'http://myapp.example.com:80/myapp',
    );
    expect(Object.keys(main)).toEqual(['request', 'before', 'after']);
    expect(main.before.outcome).toBe('route');
    expect(
      main.before.destinations.map((d: { subset: string; weight: number }) => [d.subset, d.weight]),
    ).toEqual([
      ['v1', 80],
      ['v2', 20],
    ]);
    expect(
      main.after.destinations.map((d: { subset: string; weight: number }) => [d.subset, d.weight]),
    ).toEqual([
      ['v1', 60],
      ['v2', 40],
    ]);
    expect(json.findings).toEqual({ added: [], removed: [] });
  });

  test('text: a review comment with Resources, Traffic and Findings', () => {
    const out = run(['diff', BEFORE, AFTER, '--format', 'text']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Resources:\n  changed VirtualService/default/myapp: ');
    expect(out.stdout).toContain(
      'Traffic:\n  GET myapp.example.com/myapp: v1 80% → 60%, v2 20% → 40%\n',
    );
    expect(out.stdout).toContain('Findings:\n  none\n');
  });

  test('a reformatting reports nothing', () => {
    const json = JSON.parse(run(['diff', BEFORE, REFORMATTED]).stdout);
    expect(json).toEqual({ resources: [], traffic: [], findings: { added: [], removed: [] } });
    expect(run(['diff', BEFORE, REFORMATTED, '--format', 'text']).stdout).toBe('No differences\n');
  });

  test('directories as sides: a removed rule answers 404', () => {
    const old = join(dir, 'v1');
    const now = join(dir, 'v2');
    mkdirSync(old);
    mkdirSync(now);
    writeFileSync(join(old, 'myapp.yaml'), canaryYaml(80, 20, { legacy: true }));
    writeFileSync(join(now, 'myapp.yaml'), canaryYaml(80, 20));
    const out = run(['diff', old, now, '--format', 'text']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('  GET myapp.example.com/legacy: route → 404\n');
  });

  test('--tests: the saved requests are compared too', () => {
    const tests = file(
      'tests.yaml',
      'tests:\n  - name: cart\n    request: { url: http://myapp.example.com/myapp/cart?id=7, headers: { x-user: ann } }\n    expect: { outcome: route }\n',
    );
    const out = run(['diff', BEFORE, AFTER, '--tests', tests, '--format', 'text']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(
      '  GET myapp.example.com/myapp/cart?id=7 with x-user: ann: v1 80% → 60%, v2 20% → 40%\n',
    );
    expect(run(['diff', BEFORE, AFTER, '--format', 'text']).stdout).not.toContain('cart');
  });

  test('bad usage: one input, or both from standard input', () => {
    expect(run(['diff', BEFORE]).code).toBe(2);
    expect(run(['diff', BEFORE]).stderr).toContain('diff needs two inputs');
    expect(run(['diff', '-', '-']).code).toBe(2);
  });

  test('an unparsable side: exit 1 with file, line and column', () => {
    const broken = file('broken.yaml', 'kind: VirtualService\nmetadata:\n  name: [x\n');
    const out = run(['diff', BEFORE, broken]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
  });
});
