import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeCiRepository } from './ciFixtures.ts';

// Issue 17's "done when": a fresh directory with only the packed tarball installed runs every
// command. Builds the bundle, packs it (npm pack), installs the tarball globally into a
// temporary prefix with npm, offline (the package must bring no dependency to fetch), and runs
// the installed `istio-designer` in a fresh repository. About half a minute: the slowest test.

const root = join(import.meta.dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'istio-designer-pack-'));
const prefix = join(tmp, 'global');
const bin = join(prefix, 'bin', 'istio-designer');
let repo = '';
let tarball = '';

function sh(command: string, args: readonly string[], cwd: string, input?: string) {
  const out: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    input: input ?? '',
    // npm's own settings of an outer `npm test` must not redirect this install.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^npm_(config|package|lifecycle)_/i.test(key)),
    ),
  });
  if (out.error) throw out.error;
  return { stdout: out.stdout, stderr: out.stderr, code: out.status };
}

function cli(args: readonly string[], input?: string) {
  return sh(bin, args, repo, input);
}

beforeAll(() => {
  const built = sh(
    process.execPath,
    ['scripts/build-cli.mjs', '--out', join(tmp, 'bundle'), '--pack', tmp],
    root,
  );
  expect(built.code, built.stderr).toBe(0);
  tarball = built.stdout.trim();
  expect(tarball).toMatch(/istio-designer-[\d.]+\.tgz$/);
  const installed = sh(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    tmp,
  );
  expect(installed.code, installed.stderr).toBe(0);
  repo = writeCiRepository('istio-designer-installed-');
}, 180_000);

// Each test starts the command several times, a new Node process each: on a loaded two-core
// machine that is seconds, not the milliseconds of the in-process tests.
describe('the packed istio-designer command, installed from its tarball', {
  timeout: 120_000,
}, () => {
  test('is a package with a bin and no dependency, holding only built JavaScript', () => {
    const dir = join(prefix, 'lib', 'node_modules', 'istio-designer');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'istio-designer': 'istio-designer.mjs' });
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(existsSync(bin)).toBe(true);
  });

  test('--help and --version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: istio-designer <command>/m);
    expect(help.stdout).toMatch(/--format sarif/);
    expect(cli(['--version']).stdout).toBe(
      `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`,
    );
    expect(cli([]).code).toBe(2);
    expect(cli(['lint', '--bogus']).code).toBe(2);
  });

  test('lint: a directory with -R, SARIF, GitHub annotations, standard input; exit codes', () => {
    const text = cli(['lint', '--format', 'text', '-R', 'k8s']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^k8s\/shop\/routes\.yaml:19:17: .*\[error vs-destination-subset-not-found IST0101 KIA1107\]$/m,
    );
    expect(cli(['lint', 'k8s']).code).toBe(0);
    const sarif = cli(['lint', '--format', 'sarif', '-R', 'k8s']);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(
      'vs-destination-subset-not-found',
    );
    expect(cli(['lint', '--format', 'github', '-R', 'k8s']).stdout).toMatch(
      /^::error file=k8s\/shop\/routes\.yaml,line=19,col=17,/m,
    );
    // `kustomize build … | istio-designer lint -`
    const piped = cli(
      ['lint', '--format', 'text', '-'],
      readFileSync(join(repo, 'k8s', 'shop', 'routes.yaml'), 'utf8'),
    );
    expect(piped.code).toBe(1);
    expect(piped.stdout).toMatch(/^<stdin>:19:17: /m);
  });

  test('simulate, test (JUnit), graph, convert, roundtrip, diff, scenario', () => {
    const simulated = cli(['simulate', '-R', 'k8s', '--url', 'http://shop.example.com/api/x']);
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout)).toMatchObject({
      outcome: 'route',
      rule: { name: 'api' },
    });

    const tested = cli(['test', '-R', 'k8s', '--tests', 'tests.yaml', '--format', 'junit']);
    expect(tested.code).toBe(1);
    expect(tested.stdout).toMatch(/<testcase name="home page goes to v1" classname="tests\.yaml">/);
    expect(tested.stdout).toMatch(/<failure message="expected subset v1, got v9"/);

    const graph = cli(['graph', '-R', 'k8s']);
    expect(graph.code).toBe(0);
    expect(JSON.parse(graph.stdout).nodes.map((n: { id: string }) => n.id)).toContain(
      'virtualService:VirtualService/web/shop',
    );

    const converted = cli(['convert', '--to', 'gateway-api', '-R', 'k8s']);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(/^kind: HTTPRoute$/m);

    const roundtrip = cli(['roundtrip', 'k8s/gateway.yaml']);
    expect(roundtrip.stdout).toBe(readFileSync(join(repo, 'k8s', 'gateway.yaml'), 'utf8'));

    // `git show main:k8s/shop/routes.yaml | istio-designer diff - k8s/shop/routes.yaml`
    const before = readFileSync(join(repo, 'k8s', 'shop', 'routes.yaml'), 'utf8');
    const diff = cli(
      ['diff', '-', 'k8s/shop/routes.yaml'],
      before.replace('subset: v9', 'subset: v1'),
    );
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout).resources).toEqual([
      {
        resource: 'VirtualService/web/shop',
        change: 'changed',
        paths: ['spec.http[1].route[0].destination.subset'],
      },
    ]);

    const scenarios = cli(['scenario', 'list']);
    expect(scenarios.code).toBe(0);
    const [first] = scenarios.stdout.trim().split('\n');
    const id = first?.split(' ')[0] ?? '';
    const scenario = cli(['scenario', id]);
    expect(scenario.code).toBe(0);
    expect(scenario.stdout).toMatch(/^apiVersion: /m);
  });
});
