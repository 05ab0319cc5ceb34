/**
 * The `istio-designer` command: the entry of the installed bundle (scripts/build-cli.mjs) and of
 * `npm run cli`. Help and version are answered from the arguments alone; the engine, most of the
 * bundle, is loaded only for a real command, so `--help` costs little more than Node's own start.
 */
import * as nodeModule from 'node:module';
import { type CliOutput, parseArgs } from './args.ts';
import { helpAnswer } from './help.ts';

const argv = process.argv.slice(2);

function quick(): CliOutput | undefined {
  try {
    return helpAnswer(parseArgs(argv));
  } catch {
    // Bad usage: the engine's run reports it as every other error.
    return undefined;
  }
}

// `istio-designer lint … | head` closes the pipe early: the reader has what it wanted, so stop
// quietly (as cat does) instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit();
});

// Node 22.1 and later keep the compiled engine on disk between runs (a pipeline runs the command
// several times); older Nodes have no such cache and compile it each time.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { stdout, stderr, code } = quick() ?? (await import('./main.ts')).run(argv);
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
