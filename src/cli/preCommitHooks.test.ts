import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { writeCiRepository } from './ciFixtures.ts';
import { run } from './main.ts';

// The repository's .pre-commit-hooks.yaml, read as the pre-commit framework reads it, and its
// hook run as pre-commit runs it: entry, then args, then the changed files that match `files`.
const root = join(import.meta.dirname, '..', '..');
const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
}[];
const hook = hooks.find((h) => h.id === 'istio-designer-lint');

let cwd = '';
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(writeCiRepository());
});
afterAll(() => process.chdir(cwd));

test('declares istio-designer-lint: a node hook whose entry is the package bin and lint', () => {
  expect(hook).toBeDefined();
  expect(hook?.language).toBe('node');
  const [bin, subcommand, ...rest] = hook?.entry.split(' ') ?? [];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(Object.keys(pkg.bin)).toContain(bin);
  expect(subcommand).toBe('lint');
  expect(rest).toEqual([]);
  // An existing subcommand: without files it asks for them, it does not call itself unknown.
  expect(run([subcommand as string]).stderr).toMatch(/^no input file/);
});

test('its files pattern takes YAML and JSON manifests only', () => {
  const files = new RegExp(hook?.files ?? '(?!)');
  expect(['a.yaml', 'k8s/b.yml', 'c.json'].every((f) => files.test(f))).toBe(true);
  expect(['notes.txt', 'a.yaml.bak', 'Makefile'].some((f) => files.test(f))).toBe(false);
});

test('run as pre-commit runs it on changed files, it fails the commit on an error', () => {
  const changed = ['k8s/gateway.yaml', 'k8s/notes.txt', 'k8s/shop/routes.yaml'].filter((f) =>
    new RegExp(hook?.files ?? '(?!)').test(f),
  );
  const [, subcommand] = hook?.entry.split(' ') ?? [];
  const out = run([subcommand as string, ...(hook?.args ?? []), ...changed]);
  expect(out.code).toBe(1);
  expect(out.stdout).toMatch(/^k8s\/shop\/routes\.yaml:19:17: .*vs-destination-subset-not-found/m);
  const clean = run([subcommand as string, ...(hook?.args ?? []), 'k8s/gateway.yaml']);
  expect(clean).toMatchObject({ code: 0, stdout: '' });
});
