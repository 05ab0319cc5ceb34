import { CLUSTER_FIELDS } from '../model/clusterFields.ts';
import { isRecord } from '../model/read.ts';
import { editDocAll } from '../yaml/editDoc.ts';
import type { Path } from '../yaml/path.ts';
import { inDocument, loadDoc, type Workspace, type WorkspaceDoc } from './workspace.ts';

/**
 * The workspace without the fields a cluster adds (`status`, `metadata.managedFields`, `uid`,
 * `resourceVersion`, `creationTimestamp`, `generation`, kubectl's last-applied annotation), as
 * `kubectl neat` leaves a dump: ready for `kubectl apply -f`. Each field goes by a splice, so
 * everything else keeps its bytes (comments, quoting; JSON stays JSON), and a List stays a
 * List, which `kubectl apply -f` takes as its items. A new workspace: the one given is untouched.
 */
export function cleanForApply(workspace: Workspace): Workspace {
  return {
    files: workspace.files.map((file) => {
      const docs = file.docs.map(cleanDoc);
      return docs.every((doc, i) => doc === file.docs[i]) ? file : { ...file, docs };
    }),
  };
}

function cleanDoc(doc: WorkspaceDoc): WorkspaceDoc {
  const edits = doc.resources.flatMap((resource) =>
    clusterPaths(resource.plain).map((path) => ({
      op: 'delete' as const,
      path: inDocument(resource, path),
    })),
  );
  if (edits.length === 0) return doc;
  const result = editDocAll(doc, edits);
  return result.ok ? loadDoc(result.doc) : doc;
}

/** The cluster's fields a resource has, then its annotations when nothing else is left in them. */
function clusterPaths(plain: Record<string, unknown>): Path[] {
  const present = CLUSTER_FIELDS.filter((path) => has(plain, path));
  const metadata = isRecord(plain.metadata) ? plain.metadata : {};
  const annotations = isRecord(metadata.annotations) ? Object.keys(metadata.annotations) : [];
  const removed = present.filter((path) => path[1] === 'annotations').length;
  if (annotations.length > 0 && annotations.length === removed)
    return [...present.filter((path) => path[1] !== 'annotations'), ['metadata', 'annotations']];
  return present;
}

function has(value: unknown, path: readonly string[]): boolean {
  let at = value;
  for (const key of path) {
    if (!isRecord(at) || !Object.hasOwn(at, key)) return false;
    at = at[key];
  }
  return true;
}
