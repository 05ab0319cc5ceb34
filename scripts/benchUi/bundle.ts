/**
 * Which built JS files belong to the editor, and their gzip sizes, read from dist/ itself:
 * the benchmark sums what the browser loads before the editor without trusting chunk names.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from "./x.js"` / `import "./x.js"` (not `import("./x.js")`) in a chunk. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

/** `assets/x.js` and every chunk it statically imports, as paths relative to dist/. */
export function staticClosure(dist: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(posix.join(dist, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT))
      visit(posix.join(posix.dirname(file), match[1] as string));
  };
  visit(entry);
  return seen;
}

/** Gzip size in bytes of a file in dist/ (zlib's default level, as servers use). */
export function gzipSize(dist: string, file: string): number {
  return gzipSync(readFileSync(posix.join(dist, file))).length;
}

/** The dist/-relative path a request URL of the preview server stands for. */
export function distPath(url: string, base: string): string | undefined {
  if (!url.startsWith(base)) return undefined;
  return decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length));
}
