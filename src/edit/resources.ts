import { resolveGatewayRef } from '../model/hosts.ts';
import { isModelled, type ManifestObject } from '../model/kinds.ts';
import { parseResourceId } from '../model/resource.ts';
import { RULE_SECTIONS } from '../model/virtualService.ts';
import { entries, loadDoc, type Workspace, type WorkspaceFile } from '../workspace/workspace.ts';
import type { DocEdit } from '../yaml/editDoc.ts';
import { parseFile } from '../yaml/parseFile.ts';
import { DEFAULT_STYLE, renderValue } from '../yaml/render.ts';
import { parseYamlDoc } from '../yaml/yamlDoc.ts';
import { type CommandResult, type DocTarget, fail, ok } from './command.ts';
import { editTarget, resolveTarget } from './docEdits.ts';

/** The file new resources go to when a command names none. */
export const NEW_FILE_NAME = 'workspace.yaml';

/**
 * Appends a manifest as a new document at the end of a file (created when missing). Anything
 * after the file's last document (a trailing comment) stays in front of the new document.
 */
export function addResource(
  workspace: Workspace,
  value: Readonly<Record<string, unknown>>,
  fileName?: string,
): CommandResult<Workspace> {
  const name = fileName ?? workspace.files[workspace.files.length - 1]?.name ?? NEW_FILE_NAME;
  const existing = workspace.files.find((f) => f.name === name);
  const before = existing ? existing.docs.map((d) => d.text).join('') + existing.tail : '';
  const eol = before.includes('\r\n') ? '\r\n' : '\n';
  const lead = before === '' ? '' : `${before.endsWith('\n') ? '' : eol}---${eol}`;
  const body =
    renderValue(value, { ...DEFAULT_STYLE, eol })
      .split('\n')
      .join(eol) + eol;
  const parsed = parseFile((existing?.tail ?? '') + lead + body);
  const added = parsed.docs.map(loadDoc);
  if (added.length !== 1 || parsed.tail !== '')
    return fail('internal: a new resource must be one document');
  const file: WorkspaceFile = { name, docs: [...(existing?.docs ?? []), ...added], tail: '' };
  return ok({
    files: existing
      ? workspace.files.map((f) => (f === existing ? file : f))
      : [...workspace.files, file],
  });
}

/**
 * Removes a document with everything it owns: comments above it and its `---`. When the first
 * document goes and the file did not start with `---`, the new first document loses its
 * separator too, so the file keeps its style.
 */
export function removeResource(workspace: Workspace, target: DocTarget): CommandResult<Workspace> {
  const address = resolveTarget(workspace, target);
  if (!address.ok) return address;
  const { file: fileName, index } = address.value;
  return ok({
    files: workspace.files.map((file) => {
      if (file.name !== fileName) return file;
      const docs = file.docs.filter((_, i) => i !== index);
      const removed = file.docs[index];
      const next = docs[0];
      const separator = /^---[ \t]*\r?\n/;
      if (
        index === 0 &&
        removed &&
        next &&
        !/^(\s*#.*\n)*---/.test(removed.text) &&
        separator.test(next.text)
      ) {
        docs[0] = loadDoc(parseYamlDoc(next.text.replace(separator, '')));
      }
      return { ...file, docs };
    }),
  });
}

/**
 * Renames a resource and rewrites what refers to it by name: a Gateway in VirtualServices'
 * `gateways` (top level and per match), a VirtualService in root rules' `delegate`.
 * References keep their form: `ns/name` stays qualified, a bare `name` stays bare.
 */
export function renameResource(
  workspace: Workspace,
  target: string,
  newName: string,
): CommandResult<Workspace> {
  const id = parseResourceId(target);
  if (!id) return fail(`not a resource id: ${target} (expected Kind/namespace/name)`);
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(newName)) {
    return fail(
      `"${newName}" is not a valid name: use lower case letters, digits, '-' and '.', starting and ending with a letter or digit`,
    );
  }
  const renamed = editTarget(workspace, target, [
    { op: 'set', path: ['metadata', 'name'], value: newName },
  ]);
  if (!renamed.ok) return renamed;
  let result = renamed.value;
  for (const entry of entries(workspace)) {
    const edits = referenceEdits(entry.object, id, newName);
    if (edits.length === 0) continue;
    const next = editTarget(result, { file: entry.file, index: entry.index }, edits);
    if (!next.ok) return next;
    result = next.value;
  }
  return ok(result);
}

function referenceEdits(
  object: ManifestObject,
  id: { kind: string; namespace: string; name: string },
  newName: string,
): DocEdit[] {
  if (!isModelled(object) || object.kind !== 'VirtualService') return [];
  const ns = object.metadata.namespace;
  const edits: DocEdit[] = [];
  if (id.kind === 'Gateway') {
    const rewrite = (ref: string, path: (string | number)[]) => {
      const gateway = resolveGatewayRef(ref, ns);
      if (gateway?.namespace === id.namespace && gateway.name === id.name) {
        edits.push({
          op: 'set',
          path,
          value: ref.includes('/') ? `${ref.slice(0, ref.indexOf('/'))}/${newName}` : newName,
        });
      }
    };
    for (const [i, ref] of (object.gateways ?? []).entries()) rewrite(ref, ['spec', 'gateways', i]);
    for (const section of RULE_SECTIONS) {
      for (const [r, rule] of object[section].entries()) {
        for (const [m, match] of rule.match.entries()) {
          for (const [g, ref] of (match.gateways ?? []).entries())
            rewrite(ref, ['spec', section, r, 'match', m, 'gateways', g]);
        }
      }
    }
  }
  if (id.kind === 'VirtualService') {
    for (const [r, rule] of object.http.entries()) {
      const delegate = rule.delegate;
      if (delegate && delegate.name === id.name && (delegate.namespace ?? ns) === id.namespace) {
        edits.push({ op: 'set', path: ['spec', 'http', r, 'delegate', 'name'], value: newName });
      }
    }
  }
  return edits;
}
