import type { ResourceId } from '../model/resource.ts';
import { fail, ok, type Result } from '../model/result.ts';
import type { DocAddress, SourceText, Workspace, WorkspaceFile } from '../workspace/workspace.ts';
import type { Path } from '../yaml/path.ts';

/** Which document a command edits: a resource by id, or a document by its place. */
export type DocTarget = ResourceId | DocAddress;

/**
 * Every change to the workspace is one of these. Graph gestures, inspector forms, templates and
 * text edits all become commands, applied by the pure `applyCommand`. Later features add their
 * own command types next to these and compose them from the primitives.
 */
export type Command =
  | {
      readonly type: 'setValue';
      readonly target: DocTarget;
      readonly path: Path;
      readonly value: unknown;
    }
  | { readonly type: 'deleteValue'; readonly target: DocTarget; readonly path: Path }
  | {
      readonly type: 'insertItem';
      readonly target: DocTarget;
      readonly path: Path;
      readonly index: number;
      readonly value: unknown;
    }
  | {
      readonly type: 'removeItem';
      readonly target: DocTarget;
      readonly path: Path;
      readonly index: number;
    }
  | {
      readonly type: 'moveItem';
      readonly target: DocTarget;
      readonly path: Path;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly type: 'addResource';
      readonly value: Readonly<Record<string, unknown>>;
      /** The file to append to (created when missing); the workspace's last file when omitted. */
      readonly file?: string;
      /** Puts the new document right after this one, in its file, instead of at the end. */
      readonly after?: DocTarget;
      /**
       * The exact text of the new document (a copy keeps its comments), instead of `value`
       * rendered in the file's style. It must read as one document holding `value`.
       */
      readonly text?: string;
    }
  | { readonly type: 'removeResource'; readonly target: DocTarget }
  | { readonly type: 'renameResource'; readonly target: ResourceId; readonly name: string }
  | {
      readonly type: 'replaceFile';
      readonly file: string;
      readonly text: string;
      /** `text` already loaded (an import read in slices), used as it is. */
      readonly loaded?: WorkspaceFile;
    }
  | {
      readonly type: 'replaceWorkspace';
      readonly files: readonly SourceText[];
      /** `files` already loaded (an import read in slices), used as they are. */
      readonly loaded?: Workspace;
    }
  | { readonly type: 'removeFile'; readonly file: string }
  | { readonly type: 'batch'; readonly commands: readonly Command[] };

/** What a command gives: the new workspace (or a gesture, a value), or why not. */
export type CommandResult<T> = Result<T>;

export { fail, ok };
