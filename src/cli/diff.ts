import { diffText } from '../diff/diffText.ts';
import { diffWorkspaces } from '../diff/diffWorkspaces.ts';
import { formatDiagnosticLine, syntaxDiagnostics } from '../workspace/diagnostics.ts';
import { loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { type CliArgs, type CliOutput, UsageError } from './args.ts';
import { savedRequests } from './convert.ts';
import { readSources } from './readSources.ts';

/**
 * `diff BEFORE AFTER [--tests TESTS.yaml]` (CONTRACT section 1): what changes from one version
 * of the manifests to the other, as JSON for CI (the default) or, with `--format text`, as a
 * review comment. Each side is a file, `-` or a directory. Exit 0 whatever differs; 1 only
 * when a side does not parse (its errors on stderr).
 */
export function diffCommand(args: CliArgs): CliOutput {
  if (args.files.length !== 2)
    throw new UsageError(
      'diff needs two inputs, BEFORE and AFTER (each a file, a directory or -): diff old.yaml new.yaml',
    );
  const [beforeName, afterName] = args.files as [string, string];
  if (beforeName === '-' && afterName === '-')
    throw new UsageError('diff: only one side can be standard input (-)');
  const before = side(beforeName, args.recursive);
  const after = side(afterName, args.recursive);
  const errors = [...syntaxDiagnostics(before), ...syntaxDiagnostics(after)];
  if (errors.length)
    return {
      stdout: '',
      stderr: errors.map((d) => `${formatDiagnosticLine(d)}\n`).join(''),
      code: 1,
    };
  const tests = args.tests === undefined ? [] : savedRequests(args.tests);
  const diff = diffWorkspaces(before, after, { tests });
  return {
    stdout: args.format === 'text' ? diffText(diff) : `${JSON.stringify(diff, null, 2)}\n`,
    stderr: '',
    code: 0,
  };
}

function side(name: string, recursive: boolean): Workspace {
  return loadWorkspace(readSources([name], recursive));
}
