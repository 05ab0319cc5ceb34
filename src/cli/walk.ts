import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args.ts';

/** The file names a directory argument takes, as `kubectl apply -f DIR` does. */
const MANIFEST = /\.(ya?ml|json)$/;

/**
 * The files the named inputs stand for: a file (or `-`) as it is, a directory as its `*.yaml`,
 * `*.yml` and `*.json` files in name order, and with `recursive` its subdirectories' as well,
 * in place, as `kubectl apply -f DIR -R` walks them. Names keep the form given (`k8s/` gives
 * `k8s/a.yaml`), so findings name files relative to where the command ran. A directory with no
 * such file is bad usage: in a pipeline it is a wrong path, not a clean result.
 */
export function expandInputs(names: readonly string[], recursive: boolean): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (name === '-' || !isDirectory(name)) {
      out.push(name);
      continue;
    }
    const found = walk(name, recursive);
    if (found.files.length === 0)
      throw new UsageError(
        `${name}: no *.yaml, *.yml or *.json file in this directory${found.subdirectories && !recursive ? ' (-R reads its subdirectories)' : ''}`,
      );
    out.push(...found.files);
  }
  return out;
}

function isDirectory(name: string): boolean {
  try {
    return statSync(name).isDirectory();
  } catch {
    // Reading it reports what is wrong, as for any file.
    return false;
  }
}

function walk(dir: string, recursive: boolean): { files: string[]; subdirectories: boolean } {
  const files: string[] = [];
  let subdirectories = false;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(
      `cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  // Code-unit order, not the locale's: the same workspace, and the same output, on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // As kubectl's walk: a symbolic link to a directory is not followed (no cycles).
    if (entry.isDirectory()) {
      subdirectories = true;
      if (recursive) files.push(...walk(path, true).files);
    } else if (MANIFEST.test(entry.name) && !isDirectory(path)) files.push(path);
  }
  return { files, subdirectories };
}
