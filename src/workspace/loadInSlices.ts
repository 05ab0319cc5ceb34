import { parseFile } from '../yaml/parseFile.ts';
import type { YamlDoc } from '../yaml/yamlDoc.ts';
import {
  loadDoc,
  type SourceText,
  type Workspace,
  type WorkspaceDoc,
  type WorkspaceFile,
} from './workspace.ts';

/** How far a load has come, in characters of input. */
export interface LoadProgress {
  readonly done: number;
  readonly total: number;
}

export interface SliceOptions {
  /** Called after each slice, so a dialog can say how far it has come. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Work done between two yields, at most (roughly: one region of documents may run over). */
  readonly sliceMs?: number;
  /** Gives the event loop back: painting, input. A macrotask by default. */
  readonly yieldNow?: () => Promise<void>;
  /** Stops the load: the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** About 20 ms of parsing on a slow machine: a region is the unit of work between yields. */
const REGION_CHARS = 16_000;
const MAX_REGION_CHARS = 8 * REGION_CHARS;

/**
 * `loadWorkspace`, in slices: the same workspace, but the main thread is given back every
 * `sliceMs`, so a 5 MB import shows its progress and the page never freezes. Files are cut into
 * regions of whole documents at `---` lines; each region parses on its own (documents are
 * independent once their text is cut, see reparseFile), and a region whose last document has
 * problems is parsed together with the next one, as a broken document can change how the
 * next reads. Parsed objects cannot cross to a worker, which is why this runs on the page.
 */
export async function loadWorkspaceInSlices(
  sources: readonly SourceText[],
  options: SliceOptions = {},
): Promise<Workspace> {
  const { onProgress, sliceMs = 40, signal } = options;
  const yieldNow = options.yieldNow ?? macrotask;
  const total = sources.reduce((sum, s) => sum + s.text.length, 0);
  let done = 0;
  let since = performance.now();
  const breathe = async (chars: number) => {
    done += chars;
    if (performance.now() - since < sliceMs) return;
    onProgress?.({ done, total });
    await yieldNow();
    signal?.throwIfAborted();
    since = performance.now();
  };
  signal?.throwIfAborted();
  const files: WorkspaceFile[] = [];
  for (const source of sources) {
    const docs: WorkspaceDoc[] = [];
    let tail = '';
    for await (const region of parsedRegions(source.text, breathe)) {
      for (const doc of region.docs) docs.push(loadDoc(doc));
      tail = region.tail;
    }
    files.push({ name: source.name, docs, tail });
  }
  onProgress?.({ done: total, total });
  return { files };
}

/** The file's documents, a region at a time, with what follows the last document. */
async function* parsedRegions(
  text: string,
  breathe: (chars: number) => Promise<void>,
): AsyncGenerator<{ docs: readonly YamlDoc[]; tail: string }> {
  const cuts = regionStarts(text);
  let start = 0;
  for (let k = 1; k <= cuts.length; k++) {
    // A region grown far past its size (every document broken) is parsed with the rest at once.
    const cut = cuts[k];
    const end = cut !== undefined && cut - start <= MAX_REGION_CHARS ? cut : text.length;
    const parsed = parseFile(text.slice(start, end));
    const last = parsed.docs.at(-1);
    const final = end === text.length;
    // A broken last document, or text left after it, may read differently with what follows:
    // parse on into the next region rather than cut here.
    if (!final && (parsed.tail !== '' || !last || last.problems.length > 0)) continue;
    await breathe(end - start);
    // Only the last region can have a tail (the others were cut where it is empty): the file's.
    yield parsed;
    if (final) return;
    start = end;
  }
}

/** Where regions start: 0, then a `---` line about every `REGION_CHARS` characters. */
function regionStarts(text: string): number[] {
  // Directives (`%YAML`) belong to the document after them: such files are not cut.
  if (/^%/m.test(text)) return [0];
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text))
    if (m.index - (starts.at(-1) as number) >= REGION_CHARS) starts.push(m.index);
  return starts;
}

/** Gives the event loop back for one task: painting and input come first. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
