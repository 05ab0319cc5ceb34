import { readFileSync } from 'node:fs';
import type { SourceText } from '../workspace/workspace.ts';
import { UsageError } from './args.ts';

/** Reads the named files (`-` is standard input) as the texts of one workspace. */
export function readSources(files: readonly string[]): SourceText[] {
  if (files.length === 0)
    throw new UsageError('no input file: name one or more files, or - for standard input');
  return files.map((name) => {
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
  });
}
