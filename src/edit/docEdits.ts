import {
  type DocAddress,
  entries,
  entryAddress,
  inDocument,
  loadDoc,
  type Workspace,
  type WorkspaceDoc,
} from '../workspace/workspace.ts';
import { type DocEdit, editDoc } from '../yaml/editDoc.ts';
import { type CommandResult, type DocTarget, fail, ok } from './command.ts';

/** Finds the document a command addresses. */
export function resolveTarget(workspace: Workspace, target: DocTarget): CommandResult<DocAddress> {
  if (typeof target === 'string') {
    const entry = entries(workspace).find((e) => e.id === target);
    return entry ? ok(entryAddress(entry)) : fail(`no resource ${target} in the workspace`);
  }
  const file = workspace.files.find((f) => f.name === target.file);
  if (!file?.docs[target.index]) return fail(`no document ${target.index + 1} in ${target.file}`);
  return ok(target);
}

/** Returns a workspace with one document replaced; every other file and document is shared. */
export function replaceDoc(
  workspace: Workspace,
  address: DocAddress,
  doc: WorkspaceDoc,
): Workspace {
  return {
    files: workspace.files.map((file) =>
      file.name === address.file
        ? { ...file, docs: file.docs.map((d, i) => (i === address.index ? doc : d)) }
        : file,
    ),
  };
}

/**
 * Applies path edits to one document in order, each on the result of the previous one. Paths
 * are from the resource: for an item of a List they are taken below its `items[i]`, so the
 * edit rewrites that item's lines only.
 */
export function editTarget(
  workspace: Workspace,
  target: DocTarget,
  edits: readonly DocEdit[],
): CommandResult<Workspace> {
  const address = resolveTarget(workspace, target);
  if (!address.ok) return address;
  const file = workspace.files.find((f) => f.name === address.value.file);
  let doc = file?.docs[address.value.index];
  if (!doc) return fail('internal: the target document vanished');
  for (const edit of edits) {
    const result = editDoc(doc, { ...edit, path: inDocument(address.value, edit.path) });
    if (!result.ok) return fail(result.message);
    doc = result.doc === doc ? doc : loadDoc(result.doc);
  }
  return ok(replaceDoc(workspace, address.value, doc));
}
