import { CLUSTER_FIELDS } from '../../model/clusterFields.ts';
import { isRecord } from '../../model/read.ts';
import type { Entry } from '../../workspace/workspace.ts';
import { editDoc } from '../../yaml/editDoc.ts';
import { lineStartOf } from '../../yaml/render.ts';
import { MAX_ALIAS_COUNT, parseYamlDoc, type YamlDoc } from '../../yaml/yamlDoc.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail, ok } from '../command.ts';

// A manifest copied from `kubectl get -o yaml` carries the fields the API server sets
// (CLUSTER_FIELDS); a copy must not, or it would claim to be the stored original.
const SERVER_FIELDS = CLUSTER_FIELDS;

/**
 * The command that inserts a copy of a document, renamed, right after the original in its file.
 * The copy is the original's text (comments, key order and quoting kept) from its `---` on;
 * comments above the `---` stay with the original. It is an `addResource` with that text, so
 * the edit adds the copy's lines and touches no other.
 */
export function copyDocumentCommand(entry: Entry, name: string): CommandResult<Command> {
  if (entry.base.length) return copyItemCommand(entry, name);
  const renamed = renamedCopy(entry.doc, name);
  if (!renamed.ok) return renamed;
  const copy = renamed.value;
  const value = copy.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  if (!isRecord(value)) return fail('internal: the copy is not a manifest');
  return ok({
    type: 'addResource',
    value,
    after: { file: entry.file, index: entry.index },
    text: copy.text,
  });
}

/**
 * A copy of an item of a List (`kubectl get -o yaml`) is the next item of that List: its value
 * renamed, without the fields the server set, written in the List's style.
 */
function copyItemCommand(entry: Entry, name: string): CommandResult<Command> {
  const [, at] = entry.base;
  if (typeof at !== 'number') return fail('internal: a List item without an index');
  const value = structuredClone(entry.plain);
  for (const path of SERVER_FIELDS) removeAt(value, path);
  const metadata = value.metadata;
  if (!isRecord(metadata)) return fail('This resource has no metadata to rename');
  metadata.name = name;
  if (isRecord(metadata.annotations) && Object.keys(metadata.annotations).length === 0)
    delete metadata.annotations;
  const target = { file: entry.file, index: entry.index };
  return ok({ type: 'insertItem', target, path: ['items'], index: at + 1, value });
}

function removeAt(value: Record<string, unknown>, path: readonly string[]): void {
  let parent: unknown = value;
  for (const key of path.slice(0, -1)) parent = isRecord(parent) ? parent[key] : undefined;
  if (isRecord(parent)) delete parent[path[path.length - 1] as string];
}

/** The document's text from its `---` (one is added when it has none), renamed. */
function renamedCopy(doc: YamlDoc, name: string): CommandResult<YamlDoc> {
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const range = doc.document.contents?.range;
  if (!range) return fail('This document is empty: there is nothing to copy');
  const start = lineStartOf(doc.text, range[0] - doc.base);
  const marker = lastMarker(doc.text.slice(0, start));
  const body = marker === -1 ? `---${eol}${doc.text.slice(start)}` : doc.text.slice(marker);
  let copy = parseYamlDoc(body);
  const edits = [
    { op: 'set' as const, path: ['metadata', 'name'], value: name },
    ...SERVER_FIELDS.filter((path) => copy.document.hasIn(path)).map((path) => ({
      op: 'delete' as const,
      path,
    })),
  ];
  for (const edit of edits) {
    const result = editDoc(copy, edit);
    if (!result.ok) return fail(result.message);
    copy = result.doc;
  }
  return ok(copy);
}

/** Offset of the last line of `head` that is a `---` document marker, or -1. */
function lastMarker(head: string): number {
  let found = -1;
  for (const match of head.matchAll(/(^|\n)---(?=[ \t\r\n]|$)/g)) {
    found = match.index + (match[1] ?? '').length;
  }
  return found;
}
