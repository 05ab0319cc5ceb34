import type { UiCommand } from './uiCommands.ts';

/** Commands on the selected node (duplicate, move a rule…): filled in with the gesture engine. */
export const selectionCommands: readonly UiCommand[] = [];
