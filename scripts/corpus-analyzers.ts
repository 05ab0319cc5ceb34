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
import { type AnalyzerCase, report } from './analyzerCases.ts';

interface Case extends AnalyzerCase {
  readonly files: readonly string[];
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

report(
  cases,
  (c) =>
    (c as Case).files.map((file) => ({ name: file, text: readFileSync(join(dir, file), 'utf8') })),
  verbose,
);
