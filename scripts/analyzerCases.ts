/**
 * Comparing the designer's checks with what `istioctl analyze`'s own test suite expects, for
 * the two scripts that do it: one over the shared corpus's cases (corpus-analyzers.ts), one over
 * Istio's test grid read from its source (istio-analyzers.ts).
 */
import { findings } from '../src/check/lint.ts';
import { ANALYZER_CODES } from '../src/check/upstreamAnalyzers.ts';
import { parseResourceId } from '../src/model/resource.ts';
import type { SourceText } from '../src/workspace/workspace.ts';
import { loadWorkspace } from '../src/workspace/workspace.ts';

export interface Expected {
  readonly istio: string;
  readonly kind: string;
  readonly namespace: string | null;
  readonly name: string;
}

export interface AnalyzerCase {
  readonly name: string;
  /** The Istio analyzer the case runs, as `pkg.Type` (its name in Istio's test suite). */
  readonly analyzer: string;
  /**
   * The Istio codes the analyzer can emit: only findings with these are compared. Empty: every
   * Istio code the project's codes for the analyzer carry.
   */
  readonly codes: readonly string[];
  readonly expected: readonly Expected[];
}

export interface CaseResult {
  readonly exact: boolean;
  readonly sameSet: boolean;
  readonly expected: number;
  readonly found: number;
  readonly hits: number;
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

/**
 * A message as Istio's test prints it. Istio omits the namespace of a resource written without
 * one; the designer places those in `default`, so an expected null namespace matches `default`.
 */
function key(code: string, kind: string, namespace: string | null, name: string): string {
  return `${code} ${kind} ${namespace ?? 'default'}/${name}`;
}

/**
 * Runs the checks on the case's files and compares, as multisets of (code, kind, namespace,
 * name), the findings of the project codes that carry the case's analyzer (ANALYZER_CODES: one
 * Istio code such as IST0101 comes from several analyzers) with the expected messages.
 */
export function runCase(c: AnalyzerCase, files: readonly SourceText[]): CaseResult {
  const workspace = loadWorkspace(files);
  const codes = new Set(c.codes);
  const ours = ANALYZER_CODES[c.analyzer];
  const found: string[] = [];
  for (const f of findings(workspace, { complete: true })) {
    if (!f.istio || (codes.size > 0 && !codes.has(f.istio))) continue;
    if (ours && !ours.includes(f.code)) continue;
    const id = parseResourceId(f.resource);
    if (id) found.push(key(f.istio, id.kind, id.namespace, id.name));
  }
  const expected = c.expected.map((e) => key(e.istio, e.kind, e.namespace, e.name));
  const extra = [...found];
  const missing: string[] = [];
  for (const e of expected) {
    const at = extra.indexOf(e);
    if (at === -1) missing.push(e);
    else extra.splice(at, 1);
  }
  const hits = expected.length - missing.length;
  return {
    exact: missing.length === 0 && extra.length === 0,
    sameSet:
      new Set(found).size === new Set(expected).size && expected.every((e) => found.includes(e)),
    expected: expected.length,
    found: found.length,
    hits,
    missing,
    extra,
  };
}

/** Whether the project implements the analyzer (has codes for it). */
export function implemented(analyzer: string): boolean {
  return ANALYZER_CODES[analyzer] !== undefined;
}

/** Runs every case, prints failures (all with `verbose`) and the totals line. */
export function report(
  cases: readonly AnalyzerCase[],
  filesOf: (c: AnalyzerCase) => readonly SourceText[],
  verbose: boolean,
): { exact: number; total: number } {
  let exact = 0;
  let asSets = 0;
  let expected = 0;
  let found = 0;
  let hits = 0;
  const lines: string[] = [];
  for (const c of cases) {
    const r = runCase(c, filesOf(c));
    expected += r.expected;
    found += r.found;
    hits += r.hits;
    if (r.exact) exact++;
    if (r.sameSet) asSets++;
    if (!r.exact || verbose)
      lines.push(
        `${r.exact ? 'ok  ' : 'FAIL'} ${c.name} (${c.analyzer})` +
          r.missing.map((m) => `\n       missing: ${m}`).join('') +
          r.extra.map((m) => `\n       extra:   ${m}`).join(''),
      );
  }
  const percent = (a: number, b: number) => (b === 0 ? '100.0' : ((100 * a) / b).toFixed(1));
  if (lines.length > 0) console.log(lines.join('\n'));
  console.log(
    `\n${cases.length} cases: ${exact} match exactly, ${asSets} as sets; ` +
      `messages: recall ${percent(hits, expected)}% (${hits}/${expected}), ` +
      `precision ${percent(hits, found)}% (${hits}/${found})`,
  );
  return { exact, total: cases.length };
}
