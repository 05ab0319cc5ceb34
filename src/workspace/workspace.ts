import { type ManifestObject, readObject } from '../model/kinds.ts';
import { listItems } from '../model/list.ts';
import { type ResourceId, resourceId } from '../model/resource.ts';
import { parseFile } from '../yaml/parseFile.ts';
import type { Path } from '../yaml/path.ts';
import { reparseFile } from '../yaml/reparseFile.ts';
import { MAX_ALIAS_COUNT, type YamlDoc, type YamlProblem } from '../yaml/yamlDoc.ts';

/** A named text to load: a file, a paste, standard input. */
export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** One document of a file with its typed view. */
export interface WorkspaceDoc extends YamlDoc {
  /** The manifest this document holds; undefined for empty, comment-only or broken documents. */
  readonly object: ManifestObject | undefined;
  /**
   * The resources the document holds: itself, or each item of a List (`kubectl get -o yaml`),
   * each with its path in the document and its plain value (computed once, shared by readers).
   */
  readonly resources: readonly DocResource[];
  /** Syntax problems plus problems converting to plain values (alias limit). */
  readonly problems: readonly YamlProblem[];
}

/** A resource held by a document: the whole document, or one item of a List. */
export interface DocResource {
  /** Where the resource is in its document: `[]`, or `['items', i]` for an item of a List. */
  readonly base: Path;
  readonly object: ManifestObject;
  /** The resource as plain values. */
  readonly plain: Record<string, unknown>;
}

export interface WorkspaceFile {
  readonly name: string;
  readonly docs: readonly WorkspaceDoc[];
  readonly tail: string;
}

/**
 * The designer's whole state of manifests: files of documents, in order. Immutable; commands
 * return a new workspace that shares every file and document they did not touch.
 */
export interface Workspace {
  readonly files: readonly WorkspaceFile[];
}

export const EMPTY_WORKSPACE: Workspace = { files: [] };

/** Loads texts as one workspace, as `kubectl apply -f a.yaml -f b.yaml` reads them. Never throws. */
export function loadWorkspace(sources: readonly SourceText[]): Workspace {
  return { files: sources.map((source) => loadFile(source.name, source.text)) };
}

/**
 * Parses one file. Given the file as it was, only the documents the change touched are parsed
 * and read again; the others are reused as they are, so a keystroke in a large file costs one
 * document.
 */
export function loadFile(name: string, text: string, previous?: WorkspaceFile): WorkspaceFile {
  const parsed = previous ? reparseFile(previous, text) : parseFile(text);
  const reused = new Set<YamlDoc>(previous?.docs);
  const docs = parsed.docs.map((doc, i) => {
    if (reused.has(doc)) return doc as WorkspaceDoc;
    const same = previous?.docs[i];
    return same && same.text === doc.text ? same : loadDoc(doc);
  });
  return { name, docs, tail: parsed.tail };
}

/** Adds the typed view to a parsed document. Alias bombs are refused here, by yaml's alias limit. */
export function loadDoc(doc: YamlDoc): WorkspaceDoc {
  if (doc.problems.length > 0) return { ...doc, object: undefined, resources: [] };
  try {
    const value: unknown = doc.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    const object = readObject(value);
    return { ...doc, object, resources: resourcesOf(value, object) };
  } catch (error) {
    const range = doc.document.contents?.range ?? doc.document.range;
    const problem: YamlProblem = {
      code: 'ALIAS_LIMIT',
      message: error instanceof Error ? error.message : String(error),
      offset: range[0] - doc.base,
      end: range[1] - doc.base,
    };
    return { ...doc, object: undefined, resources: [], problems: [problem] };
  }
}

/** The document itself, or the items of a List, each read as a manifest of its own. */
function resourcesOf(value: unknown, object: ManifestObject | undefined): DocResource[] {
  const items = listItems(value);
  if (!items) return object ? [{ base: [], object, plain: value as Record<string, unknown> }] : [];
  const out: DocResource[] = [];
  items.forEach((item, i) => {
    const read = readObject(item);
    if (read)
      out.push({ base: ['items', i], object: read, plain: item as Record<string, unknown> });
  });
  return out;
}

/** The exact text of a file: its documents' texts and its tail. */
export function fileText(file: WorkspaceFile): string {
  let text = '';
  for (const doc of file.docs) text += doc.text;
  return text + file.tail;
}

export function serializeWorkspace(workspace: Workspace): SourceText[] {
  return workspace.files.map((file) => ({ name: file.name, text: fileText(file) }));
}

/** A document's place in the workspace, and where in it a resource is (an item of a List). */
export interface DocAddress {
  readonly file: string;
  readonly index: number;
  /** The path of the resource in the document; missing or `[]` for the whole document. */
  readonly base?: Path;
}

/** A resource: a document, or an item of a List document, that holds a named manifest. */
export interface Entry extends DocAddress {
  readonly id: ResourceId;
  readonly doc: WorkspaceDoc;
  readonly base: Path;
  readonly object: ManifestObject;
  /** The resource as plain values, shared by every reader (never mutate it). */
  readonly plain: Record<string, unknown>;
}

/** Where an entry is: its document's address and its path there. */
export function entryAddress(entry: Entry): DocAddress {
  return entry.base.length
    ? { file: entry.file, index: entry.index, base: entry.base }
    : { file: entry.file, index: entry.index };
}

/** A path from a resource, as a path from its document's root. */
export function inDocument(address: { readonly base?: Path }, path: Path): Path {
  return address.base?.length ? [...address.base, ...path] : path;
}

const entryCache = new WeakMap<Workspace, readonly Entry[]>();
/** A document's entries, kept while it stays at the same place: a keystroke re-reads one. */
const docEntries = new WeakMap<
  WorkspaceDoc,
  { readonly file: string; readonly index: number; readonly entries: readonly Entry[] }
>();

/** Every named manifest of the workspace, in file and document order. */
export function entries(workspace: Workspace): readonly Entry[] {
  const cached = entryCache.get(workspace);
  if (cached) return cached;
  const out: Entry[] = [];
  for (const file of workspace.files) {
    file.docs.forEach((doc, index) => {
      const known = docEntries.get(doc);
      if (known && known.file === file.name && known.index === index) {
        for (const entry of known.entries) out.push(entry);
        return;
      }
      const made = doc.resources.map(({ base, object, plain }): Entry => {
        const id = resourceId(object.kind, object.metadata.namespace, object.metadata.name);
        return { file: file.name, index, id, doc, base, object, plain };
      });
      docEntries.set(doc, { file: file.name, index, entries: made });
      for (const entry of made) out.push(entry);
    });
  }
  entryCache.set(workspace, out);
  return out;
}

/** The first resource with this id (ids repeat only in invalid workspaces). */
export function findEntry(workspace: Workspace, id: ResourceId): Entry | undefined {
  return entries(workspace).find((entry) => entry.id === id);
}

export function findDoc(workspace: Workspace, address: DocAddress): WorkspaceDoc | undefined {
  return workspace.files.find((file) => file.name === address.file)?.docs[address.index];
}
