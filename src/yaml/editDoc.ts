import { deleteEntry } from './deleteEntry.ts';
import { createEditContext, type EditContext, type Splice } from './editContext.ts';
import { isJsonDoc, planJsonSplice } from './jsonEdit.ts';
import { insertValue, moveItem } from './listEdits.ts';
import { formatPath, type Path } from './path.ts';
import { flowAncestor, rewriteFlow } from './rewriteCollection.ts';
import { setValue } from './setValue.ts';
import { parseYamlDoc, type YamlDoc } from './yamlDoc.ts';

/** A change to one document, addressed by path. */
export type DocEdit =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: Path }
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: unknown }
  | { readonly op: 'move'; readonly path: Path; readonly from: number; readonly to: number };

export type EditResult =
  | { readonly ok: true; readonly doc: YamlDoc }
  | { readonly ok: false; readonly message: string };

/**
 * Applies an edit by rewriting only the source text it concerns, then parses the document
 * again. Everything outside the splice keeps its bytes, which is what keeps comments, quoting,
 * anchors and key order of the rest of the document; `String(document)` would normalise them.
 */
export function editDoc(ydoc: YamlDoc, edit: DocEdit): EditResult {
  if (ydoc.problems.length > 0) {
    return { ok: false, message: 'this document has YAML errors; fix them in the text first' };
  }
  const splice = planSplice(createEditContext(ydoc), edit);
  if (typeof splice === 'string') return { ok: false, message: splice };
  if (splice === null) return { ok: true, doc: ydoc };
  const text = ydoc.text.slice(0, splice.from) + splice.text + ydoc.text.slice(splice.to);
  const doc = parseYamlDoc(text);
  const orphan = doc.problems.find((problem) => problem.code === 'BAD_ALIAS');
  if (orphan) {
    const alias = text.slice(orphan.offset, orphan.end);
    return {
      ok: false,
      message: `cannot ${edit.op} ${formatPath(edit.path) || 'the document'}: the alias ${alias} would lose its anchor`,
    };
  }
  if (doc.problems.length > 0) {
    return {
      ok: false,
      message: `internal: the edit at ${formatPath(edit.path)} produced invalid YAML (${doc.problems[0]?.message})`,
    };
  }
  return { ok: true, doc };
}

/**
 * Applies edits that do not touch the same text (deletes of different fields, say) in one
 * parse: each is planned on the document as given and the splices are made from the end.
 * Edits whose splices meet are made one after the other instead.
 */
export function editDocAll(ydoc: YamlDoc, edits: readonly DocEdit[]): EditResult {
  if (edits.length <= 1 || ydoc.problems.length > 0) return editInTurn(ydoc, edits);
  const ctx = createEditContext(ydoc);
  const splices: Splice[] = [];
  for (const edit of edits) {
    const splice = planSplice(ctx, edit);
    if (typeof splice === 'string') return { ok: false, message: splice };
    if (splice) splices.push(splice);
  }
  splices.sort((a, b) => b.from - a.from);
  if (splices.some((splice, i) => i > 0 && splice.to > (splices[i - 1] as Splice).from))
    return editInTurn(ydoc, edits);
  let text = ydoc.text;
  for (const splice of splices)
    text = text.slice(0, splice.from) + splice.text + text.slice(splice.to);
  const doc = parseYamlDoc(text);
  return doc.problems.length > 0 ? editInTurn(ydoc, edits) : { ok: true, doc };
}

function editInTurn(ydoc: YamlDoc, edits: readonly DocEdit[]): EditResult {
  let doc = ydoc;
  for (const edit of edits) {
    const result = editDoc(doc, edit);
    if (!result.ok) return result;
    doc = result.doc;
  }
  return { ok: true, doc };
}

/**
 * Plans the text splice for one edit: a string is a reason the edit cannot be made, `null`
 * an edit that changes nothing. Edits that reach into a flow collection rewrite it whole; a
 * JSON document is edited as JSON.
 */
function planSplice(ctx: EditContext, edit: DocEdit): Splice | string | null {
  if (isJsonDoc(ctx)) return planJsonSplice(ctx, edit);
  const flow = flowAncestor(ctx, edit);
  if (flow) return rewriteFlow(ctx, flow, edit);
  switch (edit.op) {
    case 'set':
      return setValue(ctx, edit.path, edit.value);
    case 'delete':
      return deleteEntry(ctx, edit.path);
    case 'insert':
      return insertValue(ctx, edit.path, edit.index, edit.value);
    case 'move':
      return moveItem(ctx, edit.path, edit.from, edit.to);
  }
}
