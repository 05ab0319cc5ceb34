import { loadFile, loadWorkspace, type Workspace } from '../workspace/workspace.ts';
import { type Command, type CommandResult, fail, ok } from './command.ts';
import { editTarget } from './docEdits.ts';
import { addResource, removeResource, renameResource } from './resources.ts';

/**
 * Applies a command: a pure function of the workspace. A command that cannot be applied
 * returns an error and changes nothing (a batch is all or nothing).
 */
export function applyCommand(workspace: Workspace, command: Command): CommandResult<Workspace> {
  switch (command.type) {
    case 'setValue':
      return editTarget(workspace, command.target, [
        { op: 'set', path: command.path, value: command.value },
      ]);
    case 'deleteValue':
      return editTarget(workspace, command.target, [{ op: 'delete', path: command.path }]);
    case 'insertItem':
      return editTarget(workspace, command.target, [
        { op: 'insert', path: command.path, index: command.index, value: command.value },
      ]);
    case 'removeItem':
      return editTarget(workspace, command.target, [
        { op: 'delete', path: [...command.path, command.index] },
      ]);
    case 'moveItem':
      return editTarget(workspace, command.target, [
        { op: 'move', path: command.path, from: command.from, to: command.to },
      ]);
    case 'addResource':
      return addResource(workspace, command);
    case 'removeResource':
      return removeResource(workspace, command.target);
    case 'renameResource':
      return renameResource(workspace, command.target, command.name);
    case 'replaceFile': {
      const previous = workspace.files.find((f) => f.name === command.file);
      const file =
        command.loaded?.name === command.file
          ? command.loaded
          : loadFile(command.file, command.text, previous);
      return ok({
        files: previous
          ? workspace.files.map((f) => (f === previous ? file : f))
          : [...workspace.files, file],
      });
    }
    case 'replaceWorkspace':
      return ok(command.loaded ?? loadWorkspace(command.files));
    case 'removeFile':
      if (!workspace.files.some((f) => f.name === command.file))
        return fail(`no file ${command.file} in the workspace`);
      return ok({ files: workspace.files.filter((f) => f.name !== command.file) });
    case 'batch': {
      let current = workspace;
      for (const inner of command.commands) {
        const result = applyCommand(current, inner);
        if (!result.ok) return result;
        current = result.value;
      }
      return ok(current);
    }
  }
}
