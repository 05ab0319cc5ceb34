import { sameItems } from '../../workspace/sameItems.ts';
import {
  fileText,
  loadFile,
  type Workspace,
  type WorkspaceFile,
} from '../../workspace/workspace.ts';
import type { SentFile } from './protocol.ts';

/**
 * The page's side: which files to send in full. A file object the worker was last sent is the
 * same text (workspaces are immutable and share untouched files), so only its name goes.
 */
export class SentFiles {
  private sent = new Map<string, WorkspaceFile>();

  files(workspace: Workspace): SentFile[] {
    const next = new Map<string, WorkspaceFile>();
    const out = workspace.files.map((file): SentFile => {
      next.set(file.name, file);
      return this.sent.get(file.name) === file
        ? { name: file.name }
        : { name: file.name, text: fileText(file) };
    });
    this.sent = next;
    return out;
  }
}

/**
 * The worker's copy of the workspace, changed as the page's is: a file whose text changed is
 * loaded against its previous version, so only the documents the edit touched are parsed again
 * and everything keyed by the others (the checks' per-document caches) still hits.
 */
export class WorkspaceMirror {
  private files = new Map<string, WorkspaceFile>();
  private current: Workspace = { files: [] };

  /** Takes one request's files (called for every request, so none of their texts is missed). */
  update(sent: readonly SentFile[]): Workspace {
    const next = new Map<string, WorkspaceFile>();
    const files = sent.map((s) => {
      const before = this.files.get(s.name);
      const file =
        s.text === undefined
          ? before
          : before && fileText(before) === s.text
            ? before
            : loadFile(s.name, s.text, before);
      if (!file) throw new Error(`the checks worker was never sent ${s.name}`);
      next.set(s.name, file);
      return file;
    });
    this.files = next;
    if (!sameItems(files, this.current.files)) this.current = { files };
    return this.current;
  }
}
