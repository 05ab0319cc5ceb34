import type { SourceText } from '../../workspace/workspace.ts';

/** Reads dropped or picked files as texts, keeping their names. */
export async function readFiles(files: Iterable<File>): Promise<SourceText[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, text: await file.text() })),
  );
}

/** A name not yet used among `taken`: `untitled.yaml`, then `untitled-2.yaml`… */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
