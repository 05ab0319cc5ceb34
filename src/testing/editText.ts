import { expect } from 'vitest';
import { type DocEdit, editDoc } from '../yaml/editDoc.ts';
import { parseFile } from '../yaml/parseFile.ts';

/**
 * Applies one edit to document `index` of a file's text and returns the whole file's new text.
 * Fails the test when the edit is refused or leaves the document with problems.
 */
export function editText(text: string, edit: DocEdit, index = 0): string {
  const file = parseFile(text);
  const doc = file.docs[index];
  if (!doc) throw new Error(`the text has no document ${index}`);
  const result = editDoc(doc, edit);
  if (!result.ok) throw new Error(`edit refused: ${result.message}`);
  expect(result.doc.problems).toEqual([]);
  return file.docs.map((d, i) => (i === index ? result.doc.text : d.text)).join('') + file.tail;
}

/** The message an edit is refused with; fails the test when the edit is applied. */
export function editRefusal(text: string, edit: DocEdit, index = 0): string {
  const doc = parseFile(text).docs[index];
  if (!doc) throw new Error(`the text has no document ${index}`);
  const result = editDoc(doc, edit);
  if (result.ok) throw new Error(`edit applied, expected a refusal:\n${result.doc.text}`);
  return result.message;
}

/** The plain value of document `index` of a file's text. */
export function plainValue(text: string, index = 0): unknown {
  return parseFile(text).docs[index]?.document.toJS();
}
