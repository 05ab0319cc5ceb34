import { checkListText, isKnownCode } from '../check/catalog.ts';
import { lintReport } from '../check/lint.ts';
import { parseSuppression, type Suppression, suppressionHint } from '../check/suppress.ts';
import { atLeast, LEVELS, parseLevel } from '../check/threshold.ts';
import { deriveGraph } from '../graph/deriveGraph.ts';
import type { FlowGraph } from '../graph/types.ts';
import { parseHeaderLines } from '../simulate/headerLines.ts';
import { runSavedTests, type SavedTestRun } from '../simulate/runSavedTests.ts';
import { parseSavedTests } from '../simulate/savedTests.ts';
import { simulate } from '../simulate/simulate.ts';
import { outcomeSummary } from '../simulate/summary.ts';
import type { Simulation } from '../simulate/types.ts';
import { cleanForApply } from '../workspace/cleanForApply.ts';
import {
  type Diagnostic,
  formatDiagnosticLine,
  type Severity,
  syntaxDiagnostics,
} from '../workspace/diagnostics.ts';
import { joinedYaml } from '../workspace/exportFiles.ts';
import { fileText, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { type CliArgs, type CliOutput, FORMATS, parseArgs, UsageError } from './args.ts';
import { codeQualityReport } from './codeQuality.ts';
import { convertCommand } from './convert.ts';
import { diffCommand } from './diff.ts';
import { githubAnnotations } from './githubAnnotations.ts';
import { helpAnswer } from './help.ts';
import { junitReport } from './junit.ts';
import { readSource, readSources } from './readSources.ts';
import { sarifLog } from './sarif.ts';
import { scenarioCommand } from './scenario.ts';

type Output = CliOutput;

/** Runs one command line. Pure apart from reading the input files. */
export function run(argv: readonly string[]): Output {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    const quick = helpAnswer(args);
    if (quick) return quick;
    const handler =
      args.command !== undefined && Object.hasOwn(COMMANDS, args.command)
        ? COMMANDS[args.command]
        : undefined;
    if (!handler) throw new UsageError(`unknown command ${args.command}; try --help`);
    const formatOwner = args.format && FORMATS[args.format];
    if (formatOwner && formatOwner !== args.command)
      throw new UsageError(`--format ${args.format}: only ${formatOwner} takes this format`);
    if (args.command !== 'lint') refuseLintOptions(args);
    if (args.clean && args.command !== 'roundtrip')
      throw new UsageError('--clean: only roundtrip takes this option');
    if (args.sets.length > 0 && args.command !== 'scenario')
      throw new UsageError('--set: only scenario takes this option');
    if (
      (args.to !== undefined || args.report !== undefined || args.verify) &&
      args.command !== 'convert'
    )
      throw new UsageError('--to, --report, --verify: only convert takes these options');
    return handler(args);
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `${error.message}\n`, code: 2 };
    return {
      stdout: '',
      stderr: `internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      code: 1,
    };
  }
}

type Handler = (args: CliArgs) => Output;

const COMMANDS: Record<string, Handler> = {
  scenario: scenarioCommand,
  convert: convertCommand,
  diff: diffCommand,
  roundtrip(args) {
    const workspace = load(args);
    if (args.clean) return withSyntaxErrors(workspace, joinedYaml(cleanForApply(workspace)));
    return withSyntaxErrors(workspace, workspace.files.map(fileText).join(''));
  },
  graph(args) {
    const workspace = load(args);
    const graph = deriveGraph(workspace);
    return withSyntaxErrors(
      workspace,
      args.format === 'text' ? graphText(graph) : `${JSON.stringify(graph, null, 2)}\n`,
    );
  },
  simulate(args) {
    if (!args.url)
      throw new UsageError('simulate needs --url URL (e.g. --url http://shop.example.com/api)');
    const headers = parseHeaderLines(args.headers);
    if (!headers.ok) throw new UsageError(`-H ${headers.error}`);
    const workspace = load(args);
    const result = simulate(workspace, {
      url: args.url,
      headers: headers.headers,
      ...(args.method ? { method: args.method } : {}),
    });
    if (!result.ok) throw new UsageError(result.error);
    const simulation: Simulation = result.value;
    return withSyntaxErrors(
      workspace,
      args.format === 'text'
        ? simulationText(simulation)
        : `${JSON.stringify(inContractOrder(simulation), null, 2)}\n`,
    );
  },
  test(args) {
    if (!args.tests) throw new UsageError('test needs --tests TESTS.yaml (saved test requests)');
    const parsed = parseSavedTests(readSource(args.tests).text);
    if (parsed.problems.length > 0)
      return {
        stdout: '',
        stderr: parsed.problems
          .map((p) => `${formatDiagnosticLine({ file: args.tests ?? '', ...p })}\n`)
          .join(''),
        code: 1,
      };
    const workspace = load(args);
    const run = runSavedTests(workspace, parsed.tests);
    const failed = run.results.some((r) => !r.pass);
    const out = withSyntaxErrors(
      workspace,
      args.format === 'json'
        ? `${JSON.stringify(testRunJson(run), null, 2)}\n`
        : args.format === 'junit'
          ? junitReport(run, args.tests, coverageLines(run).join('\n'))
          : testRunText(run),
    );
    return failed ? { ...out, code: 1 } : out;
  },
  lint(args) {
    if (args.listChecks) return { stdout: checkListText(), stderr: '', code: 0 };
    const failAt = level('--failure-threshold', args.failureThreshold, 'error');
    const showFrom = level('--output-threshold', args.outputThreshold, 'info');
    const suppress = args.suppress.map(suppression);
    const report = lintReport(load(args), { complete: args.complete, suppress });
    // Quick fixes and path segments serve the designer; they are not part of the contract.
    const diagnostics: Diagnostic[] = report.diagnostics.map(
      ({ fixes: _fixes, fieldPath: _fieldPath, suppress: _suppress, ...diagnostic }) => diagnostic,
    );
    // As istioctl: the exit code looks at every finding not suppressed, whatever is printed.
    const failed = diagnostics.some((d) => atLeast(d.severity, failAt));
    const shown = diagnostics.filter((d) => atLeast(d.severity, showFrom));
    const stdout =
      args.format === 'text'
        ? shown.map((d) => `${formatDiagnosticLine(d)} [${codes(d)}]\n`).join('')
        : args.format === 'github'
          ? githubAnnotations(shown)
          : `${JSON.stringify(lintJson(args.format, shown), null, 2)}\n`;
    // As istioctl: a code no check reports is a warning, not an error.
    const notes = [
      ...suppress
        .filter((s) => !isKnownCode(s.code))
        .map(
          (s) =>
            `Warning: --suppress code ${s.code} is not a code lint reports (see lint --list-checks); it has no effect`,
        ),
      ...suppress.map(suppressionHint).filter((hint) => hint !== undefined),
    ];
    const suppressedNote = suppressedCount(report.suppressed);
    if (suppressedNote) notes.push(suppressedNote);
    return {
      stdout,
      stderr: notes.map((note) => `${note}\n`).join(''),
      code: failed ? 1 : 0,
    };
  },
};

/** lint's JSON forms: CONTRACT section 3's array, a SARIF log, or GitLab's Code Quality report. */
function lintJson(format: CliArgs['format'], shown: readonly Diagnostic[]): unknown {
  if (format === 'sarif') return sarifLog(shown);
  if (format === 'codequality') return codeQualityReport(shown);
  return shown;
}

/** The lint-only options, refused elsewhere rather than ignored. */
function refuseLintOptions(args: CliArgs): void {
  const given = [
    args.suppress.length ? '--suppress' : '',
    args.failureThreshold === undefined ? '' : '--failure-threshold',
    args.outputThreshold === undefined ? '' : '--output-threshold',
    args.listChecks ? '--list-checks' : '',
  ].filter(Boolean);
  if (given.length) throw new UsageError(`${given.join(', ')}: only lint takes this option`);
}

function level(option: string, text: string | undefined, otherwise: Severity): Severity {
  if (text === undefined) return otherwise;
  const severity = parseLevel(text);
  if (!severity)
    throw new UsageError(
      `${option} must be one of ${LEVELS.map((l) => l.name).join(', ')}, not ${JSON.stringify(text)}`,
    );
  return severity;
}

function suppression(text: string): Suppression {
  const parsed = parseSuppression(text);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.suppression;
}

/** `lint: 3 findings suppressed (2 by annotation, 1 by --suppress)`, or nothing. */
function suppressedCount(suppressed: readonly { suppressedBy: string }[]): string | undefined {
  if (suppressed.length === 0) return undefined;
  const annotation = suppressed.filter((d) => d.suppressedBy === 'annotation').length;
  const parts = [
    annotation ? `${annotation} by annotation` : '',
    suppressed.length - annotation ? `${suppressed.length - annotation} by --suppress` : '',
  ].filter(Boolean);
  return `lint: ${suppressed.length} finding${suppressed.length === 1 ? '' : 's'} suppressed (${parts.join(', ')})`;
}

function load(args: CliArgs): Workspace {
  return loadWorkspace(readSources(args.files, args.recursive));
}

/** Prints the output, and any syntax error as `file:line:column: message` on stderr with exit 1. */
function withSyntaxErrors(workspace: Workspace, stdout: string): Output {
  const errors: Diagnostic[] = syntaxDiagnostics(workspace);
  return {
    stdout,
    stderr: errors.map((d) => `${formatDiagnosticLine(d)}\n`).join(''),
    code: errors.length > 0 ? 1 : 0,
  };
}

/** `severity code/IST0101/KIA1107`: what a text reader needs to look the finding up. */
function codes(d: Diagnostic): string {
  return [d.severity, d.code, d.istio, d.kiali].filter(Boolean).join(' ');
}

function testRunJson(run: SavedTestRun) {
  return {
    passed: run.results.filter((r) => r.pass).length,
    failed: run.results.filter((r) => !r.pass).length,
    tests: run.results.map((r) => ({
      name: r.test.name,
      pass: r.pass,
      mismatches: r.mismatches,
      outcome: r.simulation?.outcome ?? null,
    })),
    coverage: run.coverage,
  };
}

/** One line per test, then route coverage and the rules no test reaches, as router_check prints. */
function testRunText(run: SavedTestRun): string {
  const lines = run.results.map(
    (r) =>
      `${r.pass ? 'pass' : 'FAIL'}  ${r.test.name}${r.pass ? '' : `: ${r.mismatches.join('; ')}`}`,
  );
  const passed = run.results.filter((r) => r.pass).length;
  lines.push('', `${passed}/${run.results.length} tests pass`, ...coverageLines(run));
  return `${lines.join('\n')}\n`;
}

/** Route coverage and the rules no test reaches (none when there is no rule to cover). */
function coverageLines({ coverage }: SavedTestRun): string[] {
  if (coverage.percent === null) return [];
  const lines = [
    `route coverage ${coverage.percent.toFixed(1)}% (${coverage.covered}/${coverage.total} rules)`,
  ];
  for (const rule of coverage.rules)
    if (!rule.covered)
      lines.push(
        `  not covered: ${rule.resource} ${rule.section}[${rule.index}]${rule.name ? ` (${rule.name})` : ''}`,
      );
  return lines;
}

/** CONTRACT section 4's fields first, in its order, then the extra ones: easier to read. */
function inContractOrder(simulation: Simulation): Simulation {
  const first = [
    'outcome',
    'status',
    'gateway',
    'server',
    'listener',
    'virtualService',
    'httpRoute',
    'ingress',
    'rootVirtualService',
    'rule',
    'request',
    'destinations',
    'steps',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const key of first) if (key in simulation) out[key] = simulation[key];
  for (const [key, value] of Object.entries(simulation)) if (!(key in out)) out[key] = value;
  return out as unknown as Simulation;
}

function simulationText(simulation: Simulation): string {
  const lines = [outcomeSummary(simulation)];
  for (const step of simulation.steps) {
    const mark = step.matched === undefined ? ' ' : step.matched ? '+' : '-';
    lines.push(`  ${mark} ${step.kind.padEnd(14)} ${step.detail}`);
  }
  return `${lines.join('\n')}\n`;
}

function graphText(graph: FlowGraph): string {
  const lines = graph.nodes.map(
    (n) => `${n.kind.padEnd(16)} ${n.id}${n.implied ? '  (implied)' : ''}`,
  );
  lines.push('');
  for (const e of graph.edges)
    lines.push(
      `${e.source} -${e.kind}-> ${e.target}${e.weight === undefined ? '' : `  weight ${e.weight}`}`,
    );
  return `${lines.join('\n')}\n`;
}
