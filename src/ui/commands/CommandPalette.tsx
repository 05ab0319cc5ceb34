import { useMemo } from 'react';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { Palette, type PaletteEntry } from './Palette.tsx';
import { UI_COMMANDS } from './uiCommands.ts';

/** The command palette (Ctrl+K, Ctrl+Shift+P, F1): every command by name. */
export function CommandPalette() {
  const store = useDesignerStore();
  const state = useDesigner((s) => s);
  const entries = useMemo(
    () =>
      UI_COMMANDS.map(
        (c): PaletteEntry => ({
          id: c.id,
          group: c.group,
          title: c.title,
          ...(c.keys ? { keys: c.keys } : {}),
          enabled: !c.enabled || c.enabled(state),
        }),
      ),
    [state],
  );
  return (
    <Palette
      label="Command palette"
      inputLabel="Command"
      placeholder="Type a command…"
      entries={entries}
      onRun={(entry) => UI_COMMANDS.find((c) => c.id === entry.id)?.run(store)}
    />
  );
}
