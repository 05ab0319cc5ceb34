import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CI_FILES, writeCiRepository } from './ciFixtures.ts';
import { run } from './main.ts';
import { expandInputs } from './walk.ts';

// Directories as `kubectl apply -f DIR [-R]` reads them, file names relative to where the
// command ran (a pipeline's checkout).
let repo = '';
let cwd = '';
beforeAll(() => {
  repo = writeCiRepository();
  // Written out of name order, so the walk's order is its own.
  writeFileSync(join(repo, 'k8s', 'b.yml'), 'kind: ConfigMap\n');
  writeFileSync(join(repo, 'k8s', 'a.json'), '{"kind": "ConfigMap"}\n');
  mkdirSync(join(repo, 'k8s', 'aa'));
  writeFileSync(join(repo, 'k8s', 'aa', 'z.yaml'), 'kind: ConfigMap\n');
  mkdirSync(join(repo, 'empty', 'sub'), { recursive: true });
  writeFileSync(join(repo, 'empty', 'sub', 'x.yaml'), 'kind: ConfigMap\n');
  cwd = process.cwd();
  process.chdir(repo);
});
afterAll(() => process.chdir(cwd));

describe('expandInputs', () => {
  test('a directory is its *.yaml, *.yml and *.json files in name order, not its other files', () => {
    expect(expandInputs(['k8s'], false)).toEqual(['k8s/a.json', 'k8s/b.yml', 'k8s/gateway.yaml']);
  });

  test('-R walks subdirectories in place, as kubectl does', () => {
    expect(expandInputs(['k8s/'], true)).toEqual([
      'k8s/a.json',
      'k8s/aa/z.yaml',
      'k8s/b.yml',
      'k8s/gateway.yaml',
      'k8s/shop/routes.yaml',
      'k8s/shop/service.json',
    ]);
  });

  test('files and - are kept as given, in the order given; a missing name is left to the reader', () => {
    expect(expandInputs(['tests.yaml', '-', 'k8s/shop', 'nope.yaml'], false)).toEqual([
      'tests.yaml',
      '-',
      'k8s/shop/routes.yaml',
      'k8s/shop/service.json',
      'nope.yaml',
    ]);
  });

  test('an absolute directory gives absolute names', () => {
    expect(expandInputs([join(repo, 'k8s', 'shop')], false)).toEqual([
      join(repo, 'k8s', 'shop', 'routes.yaml'),
      join(repo, 'k8s', 'shop', 'service.json'),
    ]);
  });

  test('a symbolic link to a directory is not followed (no cycles)', () => {
    symlinkSync(join(repo, 'k8s'), join(repo, 'k8s', 'shop', 'loop'));
    expect(expandInputs(['k8s/shop'], true)).toEqual([
      'k8s/shop/routes.yaml',
      'k8s/shop/service.json',
    ]);
  });
});

describe('commands on a directory', () => {
  test('a directory with no manifest is bad usage, with a hint when -R would find some', () => {
    const out = run(['lint', 'empty']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'empty: no *.yaml, *.yml or *.json file in this directory (-R reads its subdirectories)\n',
    );
    expect(run(['lint', '-R', 'empty']).code).toBe(0);
  });

  test('roundtrip of a directory is its files one after the other', () => {
    const out = run(['roundtrip', '--recursive', 'k8s/shop']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      `${CI_FILES['k8s/shop/routes.yaml']}${CI_FILES['k8s/shop/service.json']}`,
    );
  });

  test('findings name the files relative to where the command ran', () => {
    const out = run(['lint', '--format', 'text', '-R', 'k8s']);
    expect(out.stdout).toMatch(/^k8s\/shop\/routes\.yaml:19:17: /m);
  });

  test('-R reaches every command that reads files', () => {
    const out = run(['simulate', '-R', 'k8s', '--url', 'http://shop.example.com/api/x']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).destinations).toMatchObject([
      { host: 'shop.web.svc.cluster.local', subset: 'v1' },
    ]);
  });
});
