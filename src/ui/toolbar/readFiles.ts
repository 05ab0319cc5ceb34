import type { SourceText } from '../../workspace/workspace.ts';

/** Reads dropped or picked files as texts, keeping their names. */
export async function readFiles(files: Iterable<File>): Promise<SourceText[]> {
  return Promise.all(
    [...files].map(async (file) => ({ name: file.name, text: await file.text() })),
  );
}
