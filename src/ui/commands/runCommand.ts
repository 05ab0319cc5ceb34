import type { DesignerStore } from '../../store/designerStore.ts';
import { UI_COMMANDS } from './uiCommands.ts';

/** Runs a command of the registry by id, when it is enabled: how shortcuts reach commands. */
export function runCommand(store: DesignerStore, id: string): boolean {
  const command = UI_COMMANDS.find((c) => c.id === id);
  if (!command || (command.enabled && !command.enabled(store.getState()))) return false;
  command.run(store);
  return true;
}
