/**
 * Runs the designer's checks on the inputs of `istioctl analyze`'s own test suite
 * (../shared/corpus/analyzers/cases.json) and compares with the messages Istio expects.
 * Each case runs one Istio analyzer, so only that analyzer's messages are compared: findings of
 * the project codes that carry it (ANALYZER_CODES; one Istio code such as IST0101 comes from
 * several analyzers), else findings with the case's Istio codes. Expected messages are a
 * multiset of (code, kind, namespace, name).
 *
 * Usage: npm run corpus:analyzers [-- DIR] [--verbose]
 * Prints: cases matched exactly (same multiset), as sets (same distinct messages), and message
 * recall and precision over all cases.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findings } from '../src/check/lint.ts';
import { ANALYZER_CODES } from '../src/check/upstreamAnalyzers.ts';
import { parseResourceId } from '../src/model/resource.ts';
import { loadWorkspace } from '../src/workspace/workspace.ts';

interface Expected {
  readonly istio: string;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
}

interface Case {
  readonly name: string;
  readonly analyzer: string;
  readonly codes: readonly string[];
  readonly files: readonly string[];
  readonly expected: readonly Expected[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dirArg = args.find((a) => !a.startsWith('--'));
const dir = resolve(
  dirArg ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'analyzers'),
);
const casesPath = join(dir, 'cases.json');
if (!existsSync(casesPath)) {
  console.log(`no analyzer cases at ${casesPath}; nothing to check`);
  process.exit(0);
}
const { cases } = JSON.parse(readFileSync(casesPath, 'utf8')) as { cases: Case[] };

/**
 * A message as Istio's test prints it. Istio omits the namespace of a resource written without
 * one; the designer places those in `default`, so an expected null namespace matches `default`.
 */
function key(code: string, kind: string, namespace: string | null, name: string): string {
  return `${code} ${kind} ${namespace ?? 'default'}/${name}`;
}

let exact = 0;
let asSets = 0;
let expectedTotal = 0;
let foundTotal = 0;
let truePositives = 0;
const report: string[] = [];

for (const c of cases) {
  const workspace = loadWorkspace(
    c.files.map((file) => ({ name: file, text: readFileSync(join(dir, file), 'utf8') })),
  );
  const codes = new Set(c.codes);
  const ours = ANALYZER_CODES[c.analyzer];
  const found: string[] = [];
  for (const f of findings(workspace, { complete: true })) {
    if (!f.istio || !codes.has(f.istio)) continue;
    if (ours && !ours.includes(f.code)) continue;
    const id = parseResourceId(f.resource);
    if (id) found.push(key(f.istio, id.kind, id.namespace, id.name));
  }
  const expected = c.expected.map((e) => key(e.istio, e.kind, e.namespace, e.name));
  const remaining = [...found];
  let hits = 0;
  for (const e of expected) {
    const at = remaining.indexOf(e);
    if (at !== -1) {
      remaining.splice(at, 1);
      hits++;
    }
  }
  expectedTotal += expected.length;
  foundTotal += found.length;
  truePositives += hits;
  const isExact = hits === expected.length && remaining.length === 0;
  const sameSet =
    new Set(found).size === new Set(expected).size && expected.every((e) => found.includes(e));
  if (isExact) exact++;
  if (sameSet) asSets++;
  if (!isExact || verbose) {
    const missing = [...expected];
    for (const f of found) {
      const at = missing.indexOf(f);
      if (at !== -1) missing.splice(at, 1);
    }
    report.push(
      `${isExact ? 'ok  ' : 'FAIL'} ${c.name} (${c.analyzer})` +
        missing.map((m) => `\n       missing: ${m}`).join('') +
        remaining.map((m) => `\n       extra:   ${m}`).join(''),
    );
  }
}

const percent = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
console.log(report.join('\n'));
console.log(
  `\n${cases.length} cases: ${exact} match exactly, ${asSets} as sets; ` +
    `messages: recall ${percent(truePositives, expectedTotal)}% (${truePositives}/${expectedTotal}), ` +
    `precision ${percent(truePositives, foundTotal)}% (${truePositives}/${foundTotal})`,
);
