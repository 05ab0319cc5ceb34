import type { Entry, Workspace } from '../../workspace/workspace.ts';
import { fileText } from '../../workspace/workspace.ts';
import { editDoc } from '../../yaml/editDoc.ts';
import { lineStartOf } from '../../yaml/render.ts';
import { parseYamlDoc, type YamlDoc } from '../../yaml/yamlDoc.ts';
import type { Command, CommandResult } from '../command.ts';
import { fail, ok } from '../command.ts';

/**
 * Fields the API server sets on an object it stores. A manifest copied from `kubectl get -o yaml`
 * carries them; a copy must not, or it would claim to be the stored original.
 */
const SERVER_FIELDS: readonly (readonly string[])[] = [
  ['metadata', 'uid'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'creationTimestamp'],
  ['metadata', 'generation'],
  ['metadata', 'managedFields'],
  ['metadata', 'annotations', 'kubectl.kubernetes.io/last-applied-configuration'],
  ['status'],
];

/**
 * The command that inserts a copy of a document, renamed, right after the original in its file.
 * The copy is the original's text (comments, key order and quoting kept) from its `---` on;
 * comments above the `---` stay with the original. The file is written as a whole, since
 * `addResource` only appends at the end, and wrapped in a batch so the store treats it as a
 * gesture rather than typing.
 */
export function copyDocumentCommand(
  workspace: Workspace,
  entry: Entry,
  name: string,
): CommandResult<Command> {
  const file = workspace.files.find((f) => f.name === entry.file);
  if (!file) return fail(`${entry.file} is no longer in the workspace`);
  const renamed = renamedCopy(entry.doc, name);
  if (!renamed.ok) return renamed;
  const copy = renamed.value;
  const eol = entry.doc.text.includes('\r\n') ? '\r\n' : '\n';
  let text = '';
  file.docs.forEach((doc, i) => {
    text += doc.text;
    if (i !== entry.index) return;
    if (!text.endsWith('\n')) text += eol;
    text += copy;
  });
  text += file.tail;
  if (text === fileText(file)) return fail('internal: the copy changed nothing');
  return ok({ type: 'batch', commands: [{ type: 'replaceFile', file: file.name, text }] });
}

/** The document's text from its `---` (one is added when it has none), renamed. */
function renamedCopy(doc: YamlDoc, name: string): CommandResult<string> {
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
  return ok(copy.text);
}

/** Offset of the last line of `head` that is a `---` document marker, or -1. */
function lastMarker(head: string): number {
  let found = -1;
  for (const match of head.matchAll(/(^|\n)---(?=[ \t\r\n]|$)/g)) {
    found = match.index + (match[1] ?? '').length;
  }
  return found;
}
