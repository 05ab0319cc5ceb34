import { isSeq } from 'yaml';
import { K8S_GATEWAY } from '../model/gatewayApi.ts';
import { renameGatewayRef, resolveGatewayRef } from '../model/gatewayNames.ts';
import { type GatewayRoute, ROUTE_KINDS } from '../model/gatewayRoutes.ts';
import { isModelled, type ManifestObject, type ModelledObject } from '../model/kinds.ts';
import { sameValue } from '../model/read.ts';
import { parseResourceId } from '../model/resource.ts';
import { isGatewayParent } from '../model/routeAttachment.ts';
import { RULE_SECTIONS } from '../model/virtualService.ts';
import {
  entries,
  entryAddress,
  loadDoc,
  loadFile,
  type Workspace,
  type WorkspaceDoc,
  type WorkspaceFile,
} from '../workspace/workspace.ts';
import type { DocEdit } from '../yaml/editDoc.ts';
import { detectStyleAmong, renderValue } from '../yaml/render.ts';
import { MAX_ALIAS_COUNT, parseYamlDoc } from '../yaml/yamlDoc.ts';
import { type Command, type CommandResult, type DocTarget, fail, ok } from './command.ts';
import { editTarget, resolveTarget } from './docEdits.ts';

/** The file new resources go to when a command names none. */
export const NEW_FILE_NAME = 'workspace.yaml';

type AddResource = Extract<Command, { readonly type: 'addResource' }>;

/** Where a new document goes: its file (undefined when it is created) and its index there. */
interface Place {
  readonly name: string;
  readonly file: WorkspaceFile | undefined;
  readonly index: number;
}

/**
 * Adds a manifest as a new document: right after the document `after` names, else at the end
 * of `file` (created when missing). Its text is `text` when given, else `value` rendered in
 * the style of the documents around it (list indentation and indent width, the nearest
 * document first). Anything after a file's last document (a trailing comment) stays in front
 * of a document appended after it. Only the new document's lines are added: the file must
 * read back as its documents as they were, plus the new one.
 */
export function addResource(workspace: Workspace, command: AddResource): CommandResult<Workspace> {
  const place = placeOf(workspace, command);
  if (!place.ok) return place;
  const { name, file: existing, index } = place.value;
  const docs = existing?.docs ?? [];
  // A JSON file (`kubectl get -o json`) holds one document: a new resource joins its List.
  const list = docs[index - 1];
  const items = list && isJsonList(list) ? list.document.get('items') : undefined;
  if (command.text === undefined && isSeq(items))
    return editTarget(workspace, { file: name, index: index - 1 }, [
      { op: 'insert', path: ['items'], index: items.items.length, value: command.value },
    ]);
  const appended = index === docs.length;
  const next = docs[index];
  if (next && !next.document.directives.docStart) {
    return fail(
      `Document ${index + 1} of ${name} does not start with ---: a document cannot be inserted before it`,
    );
  }
  const tail = existing?.tail ?? '';
  const head = textOf(docs.slice(0, index)) + (appended ? tail : '');
  const rest = appended ? '' : textOf(docs.slice(index)) + tail;
  const eol = (head + rest).includes('\r\n') ? '\r\n' : '\n';
  const body =
    command.text ??
    renderValue(command.value, detectStyleAmong(nearestFirst(docs, index), eol))
      .split('\n')
      .join(eol) + eol;
  const needsMarker =
    command.text === undefined || !parseYamlDoc(command.text).document.directives.docStart;
  const gap = head === '' || head.endsWith('\n') ? '' : eol;
  const lead = gap + (head !== '' && needsMarker ? `---${eol}` : '');
  const end = rest !== '' && !body.endsWith('\n') ? eol : '';
  const file = loadFile(name, head + lead + body + end + rest, existing);

  // Every other document reads as before; the one before may have gained its line break.
  const same = (doc: WorkspaceDoc, i: number) => {
    const old = docs[i < index ? i : i - 1]?.text;
    return doc.text === old || (i === index - 1 && doc.text === `${old}${gap}`);
  };
  const added = file.docs[index];
  const unchanged =
    file.docs.length === docs.length + 1 &&
    file.docs.every((doc, i) => i === index || same(doc, i)) &&
    file.tail === (appended ? '' : tail);
  if (!added || !unchanged) {
    return fail(
      command.text === undefined
        ? `internal: a new resource must be one document, and ${name} must read as before around it`
        : `The text of a new resource must be one YAML document, and ${name} must read as before around it`,
    );
  }
  if (command.text !== undefined) {
    const what = `The text of the new ${String(command.value.kind ?? 'resource')}`;
    const problem = added.problems[0];
    if (problem) return fail(`${what} has a YAML error: ${problem.message}`);
    if (!sameValue(added.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), command.value))
      return fail(`${what} does not hold the manifest given as its value`);
  }
  return ok({
    files: existing
      ? workspace.files.map((f) => (f === existing ? file : f))
      : [...workspace.files, file],
  });
}

function placeOf(workspace: Workspace, command: AddResource): CommandResult<Place> {
  if (command.after === undefined) {
    const name = command.file ?? workspace.files[workspace.files.length - 1]?.name ?? NEW_FILE_NAME;
    const file = workspace.files.find((f) => f.name === name);
    return ok({ name, file, index: file?.docs.length ?? 0 });
  }
  const after = resolveTarget(workspace, command.after);
  if (!after.ok) return after;
  const { file: name, index } = after.value;
  if (command.file !== undefined && command.file !== name)
    return fail(`The document to insert after is in ${name}, not in ${command.file}`);
  return ok({ name, file: workspace.files.find((f) => f.name === name), index: index + 1 });
}

/** A document that is a List written as JSON. */
function isJsonList(doc: WorkspaceDoc): boolean {
  return doc.text.trimStart().startsWith('{') && doc.resources.some((r) => r.base.length > 0);
}

function textOf(docs: readonly WorkspaceDoc[]): string {
  let text = '';
  for (const doc of docs) text += doc.text;
  return text;
}

/** The documents before `index`, nearest first, then those from `index` on. */
function nearestFirst(docs: readonly WorkspaceDoc[], index: number): WorkspaceDoc[] {
  return [...docs.slice(0, index).reverse(), ...docs.slice(index)];
}

/**
 * Removes a document with everything it owns: comments above it and its `---`. When the first
 * document goes and the file did not start with `---`, the new first document loses its
 * separator too, so the file keeps its style. An item of a List is removed from `items`.
 */
export function removeResource(workspace: Workspace, target: DocTarget): CommandResult<Workspace> {
  const address = resolveTarget(workspace, target);
  if (!address.ok) return address;
  const { file: fileName, index, base } = address.value;
  // An item of a List goes from its `items`, the List and the other items stay.
  if (base?.length)
    return editTarget(workspace, { file: fileName, index }, [{ op: 'delete', path: base }]);
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
 * `gateways` (top level and per match), a VirtualService in root rules' `delegate`, a Gateway
 * API Gateway in routes' `parentRefs`.
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
    const next = editTarget(result, entryAddress(entry), edits);
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
  if (!isModelled(object)) return [];
  if (id.kind === K8S_GATEWAY && isRoute(object)) return parentRefEdits(object, id, newName);
  if (object.kind !== 'VirtualService') return [];
  const ns = object.metadata.namespace;
  const edits: DocEdit[] = [];
  if (id.kind === 'Gateway') {
    const rewrite = (ref: string, path: (string | number)[]) => {
      const gateway = resolveGatewayRef(ref, ns);
      if (gateway?.namespace === id.namespace && gateway.name === id.name) {
        edits.push({
          op: 'set',
          path,
          value: renameGatewayRef(ref, newName),
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

function isRoute(object: ModelledObject): object is GatewayRoute {
  return (ROUTE_KINDS as readonly string[]).includes(object.kind);
}

/** A Gateway API route's parentRefs that name the renamed Gateway (its namespace resolved). */
function parentRefEdits(
  route: GatewayRoute,
  id: { namespace: string; name: string },
  newName: string,
): DocEdit[] {
  return route.parentRefs.flatMap((ref, i): DocEdit[] =>
    isGatewayParent(ref) &&
    ref.name === id.name &&
    (ref.namespace ?? route.metadata.namespace) === id.namespace
      ? [{ op: 'set', path: ['spec', 'parentRefs', i, 'name'], value: newName }]
      : [],
  );
}
