/**
 * Measures the checks against every case of `istioctl analyze`'s own test grid
 * (pkg/config/analysis/analyzers/analyzers_test.go) for the analyzers the project implements,
 * read from a copy of Istio's source: the shared corpus holds only some of those cases, and the
 * others must hold too. Nothing of Istio's is copied into the project; the test grid and its
 * input files are read from the source each run.
 *
 * Usage: npm run istio:analyzers [-- ISTIO_SOURCE] [--verbose] [--all]
 * ISTIO_SOURCE is a checkout or a bare git directory of istio/istio (default: $ISTIO_SRC, else
 * the mirror the team's machines fetch, /work/.mirror/istio+istio/repo); without one it says so
 * and exits 0. `--all` also runs the cases the shared corpus already holds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnalyzerCase, type Expected, implemented, report } from './analyzerCases.ts';

const ANALYZERS = 'pkg/config/analysis/analyzers';
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const all = args.includes('--all');
const source =
  args.find((a) => !a.startsWith('--')) ??
  process.env.ISTIO_SRC ??
  '/work/.mirror/istio+istio/repo';

/** A file of the source, from a checkout or (with `git show`) from a bare repository. */
function read(path: string): string {
  const inTree = join(source, path);
  if (existsSync(inTree)) return readFileSync(inTree, 'utf8');
  return execFileSync('git', ['--git-dir', source, 'show', `HEAD:${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

if (!existsSync(source)) {
  console.log(`no Istio source at ${source}; nothing to check (pass a checkout of istio/istio)`);
  process.exit(0);
}

/** Message type name (`ConflictingGateways`) → code (`IST0145`), from msg/messages.yaml. */
function messageCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const text = read('pkg/config/analysis/msg/messages.yaml');
  for (const m of text.matchAll(/- name: "(\w+)"\s*\n\s*code: (IST\d{4})/g))
    codes.set(m[1] as string, m[2] as string);
  return codes;
}

interface GridCase extends AnalyzerCase {
  readonly files: readonly string[];
}

/** The test grid's cases, read from the Go source's literal (one `{ … },` per case). */
function testGrid(codes: ReadonlyMap<string, string>): GridCase[] {
  const text = read(`${ANALYZERS}/analyzers_test.go`);
  const start = text.indexOf('var testGrid = []testCase{');
  const end = text.indexOf('\n}\n', start);
  const grid = text.slice(start, end);
  const cases: GridCase[] = [];
  for (const block of grid.split(/\n\t\{\n/).slice(1)) {
    const name = /name:\s*"([^"]*)"/.exec(block)?.[1];
    const analyzer = /analyzer:\s*&?([\w.]+(?:\([\w.]+\))?)/.exec(block)?.[1];
    const inputs = /inputFiles:\s*\[\]string\{([^}]*)\}/.exec(block)?.[1] ?? '';
    const files = [...inputs.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    if (!name || !analyzer || files.length === 0) continue;
    const expected: Expected[] = [];
    for (const m of block.matchAll(/\{msg\.(\w+),\s*"([^"]*)"\}/g)) {
      const [kind = '', ref = ''] = (m[2] as string).split(' ');
      const [namespace, resource] = ref.includes('/') ? ref.split('/') : [null, ref];
      expected.push({
        istio: codes.get(m[1] as string) ?? (m[1] as string),
        kind,
        namespace: namespace ?? null,
        name: resource ?? '',
      });
    }
    cases.push({ name, analyzer, codes: [], expected, files });
  }
  return cases;
}

/** The cases the shared corpus already holds (by name and first file), to leave out. */
function sharedCases(): Set<string> {
  const path = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'analyzers', 'cases.json');
  if (!existsSync(path)) return new Set();
  const { cases } = JSON.parse(readFileSync(path, 'utf8')) as {
    cases: { name: string; files: string[] }[];
  };
  return new Set(cases.map((c) => `${c.name} ${c.files[0]?.replace(/^.*\//, '')}`));
}

const shared = sharedCases();
const grid = testGrid(messageCodes());
const cases = grid.filter(
  (c) =>
    implemented(c.analyzer) &&
    (all || !shared.has(`${c.name} ${c.files[0]?.replace(/^.*\//, '')}`)),
);
console.log(
  `Istio's test grid: ${grid.length} cases; ${grid.filter((c) => implemented(c.analyzer)).length} ` +
    `for analyzers the project implements; ${cases.length} run here` +
    (all ? '' : ' (not in the shared corpus)'),
);
report(
  cases,
  (c) =>
    (c as GridCase).files.map((file) => ({
      name: file.replace(/^testdata\//, ''),
      text: read(`${ANALYZERS}/${file}`),
    })),
  verbose,
);
