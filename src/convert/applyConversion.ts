import type { Command } from '../edit/command.ts';
import { freeName } from '../workspace/fileNames.ts';
import { type Entry, entries, type Workspace } from '../workspace/workspace.ts';
import type { Conversion } from './types.ts';

/**
 * How a conversion lands in the workspace: in place of the resources it converts, or next to
 * them (both APIs then serve the same hosts, as a team does while it migrates).
 */
export type ApplyMode = 'replace' | 'add';

/** A conversion as one command, and the names its files get in the workspace. */
export interface ConversionCommand {
  readonly command: Command;
  readonly files: readonly string[];
}

/**
 * The one command that applies a conversion, so one Undo takes it back. Replacing removes the
 * converted resources (a file they fill entirely goes with them, so no empty file is left);
 * the converted files are added under names not yet taken.
 */
export function conversionCommand(
  workspace: Workspace,
  conversion: Conversion,
  mode: ApplyMode,
): ConversionCommand {
  const commands: Command[] = [];
  const removedFiles = new Set<string>();
  if (mode === 'replace') {
    const replaced = new Set(conversion.replaced);
    const byFile = new Map<string, Entry[]>();
    for (const entry of entries(workspace)) {
      const list = byFile.get(entry.file);
      if (list) list.push(entry);
      else byFile.set(entry.file, [entry]);
    }
    for (const [file, held] of byFile)
      if (held.every((e) => replaced.has(e.id))) {
        removedFiles.add(file);
        commands.push({ type: 'removeFile', file });
      }
    for (const entry of entries(workspace))
      if (replaced.has(entry.id) && !removedFiles.has(entry.file))
        commands.push({ type: 'removeResource', target: entry.id });
  }
  const taken = new Set(workspace.files.map((f) => f.name).filter((n) => !removedFiles.has(n)));
  const files = conversion.files.map((file) => {
    const name = freeName(file.name, taken);
    taken.add(name);
    commands.push({ type: 'replaceFile', file: name, text: file.text });
    return name;
  });
  return { command: { type: 'batch', commands }, files };
}

/** The text of the documents that hold the converted resources, in workspace order. */
export function replacedText(workspace: Workspace, conversion: Conversion): string {
  const replaced = new Set(conversion.replaced);
  const docs = new Set<string>();
  let text = '';
  for (const entry of entries(workspace)) {
    const key = `${entry.file}\n${entry.index}`;
    if (!replaced.has(entry.id) || docs.has(key)) continue;
    docs.add(key);
    const body = entry.doc.text.replace(/^---[ \t]*\r?\n/, '').trimEnd();
    text += `${text ? '---\n' : ''}${body}\n`;
  }
  return text;
}
