import { writeFileSync } from 'node:fs';
import { comparisonLine, differenceText, requestText } from '../convert/comparison.ts';
import { convert, isTargetApi } from '../convert/convert.ts';
import { verify } from '../convert/verify.ts';
import { parseSavedTests } from '../simulate/savedTests.ts';
import { formatDiagnosticLine, syntaxDiagnostics } from '../workspace/diagnostics.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { type CliArgs, UsageError } from './args.ts';
import { readSource, readSources } from './readSources.ts';

/**
 * `convert --to istio|gateway-api FILE...` (CONTRACT section 1): the converted YAML on stdout,
 * one loss per line on stderr (`--report FILE` writes them as JSON); `--verify` simulates the
 * source and the converted workspace with requests derived from the rules (and `--tests`) and
 * exits 1 when a difference is not explained by a loss.
 */
export function convertCommand(args: CliArgs): { stdout: string; stderr: string; code: 0 | 1 } {
  const to = args.to;
  if (to === undefined) throw new UsageError('convert needs --to istio or --to gateway-api');
  if (!isTargetApi(to)) throw new UsageError(`--to must be istio or gateway-api, not ${to}`);
  const workspace = loadWorkspace(readSources(args.files, args.recursive));
  const errors = syntaxDiagnostics(workspace);
  if (errors.length)
    return {
      stdout: '',
      stderr: errors.map((d) => `${formatDiagnosticLine(d)}\n`).join(''),
      code: 1,
    };
  const conversion = convert(workspace, to);
  const lines = conversion.losses.map((l) => `${l.resource} ${l.path}: ${l.message}\n`);
  if (args.report !== undefined) {
    try {
      writeFileSync(args.report, `${JSON.stringify(conversion.losses, null, 2)}\n`);
    } catch (error) {
      throw new UsageError(
        `cannot write ${args.report}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  const stdout = conversion.files.map((f) => f.text).join('---\n');
  if (!args.verify) return { stdout, stderr: lines.join(''), code: 0 };
  const saved = args.tests === undefined ? [] : savedRequests(args.tests);
  const result = verify(workspace, conversion, saved);
  const unexplained = result.differences.filter((d) => !d.explainedBy);
  lines.push(`${comparisonLine(result)}\n`);
  for (const d of unexplained)
    lines.push(`unexplained: ${requestText(d.request)}: ${differenceText(d.before, d.after)}\n`);
  return { stdout, stderr: lines.join(''), code: unexplained.length ? 1 : 0 };
}

export function savedRequests(file: string) {
  const parsed = parseSavedTests(readSource(file).text);
  if (parsed.problems.length)
    throw new UsageError(
      `--tests ${file}: ${parsed.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`,
    );
  return parsed.tests.map((t) => t.request);
}
