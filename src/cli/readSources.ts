import { readFileSync } from 'node:fs';
import type { SourceText } from '../workspace/workspace.ts';
import { UsageError } from './args.ts';
import { expandInputs } from './walk.ts';

/**
 * Reads the named files (`-` is standard input; a directory its manifests, `recursive` its
 * subdirectories' too, see walk.ts) as the texts of one workspace.
 */
export function readSources(files: readonly string[], recursive = false): SourceText[] {
  if (files.length === 0)
    throw new UsageError('no input file: name one or more files, or - for standard input');
  return expandInputs(files, recursive).map(readSource);
}

/** One file (`-` is standard input), read whole; a directory is bad usage here. */
export function readSource(name: string): SourceText {
  try {
    return {
      name: name === '-' ? '<stdin>' : name,
      text: readFileSync(name === '-' ? 0 : name, 'utf8'),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? error)}`,
    );
  }
}
