import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { UI_COMMANDS, type UiCommand } from './uiCommands.ts';

/**
 * The command palette (Ctrl+K): every command by name, filtered as you type, run with Enter or
 * a click. A combobox over a listbox, as VS Code's palette is, so screen readers follow the
 * active entry.
 */
export function CommandPalette() {
  const store = useDesignerStore();
  const state = useDesigner((s) => s);
  const dialog = useModalDialog();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = { input: useId(), list: useId() };

  const shown = useMemo(() => filterCommands(UI_COMMANDS, query), [query]);
  const close = () => store.getState().openDialog(null);
  const run = (command: UiCommand | undefined) => {
    if (!command || (command.enabled && !command.enabled(store.getState()))) return;
    close();
    command.run(store);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') run(shown[active]);
    else return;
    event.preventDefault();
  };

  return (
    <dialog ref={dialog} className="dialog palette" aria-label="Command palette" onClose={close}>
      <input
        id={ids.input}
        role="combobox"
        aria-expanded="true"
        aria-controls={ids.list}
        aria-activedescendant={shown[active] ? `${ids.list}-${shown[active].id}` : undefined}
        aria-label="Command"
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={ids.list} role="listbox" aria-label="Commands" className="palette__list">
        {shown.map((command, i) => {
          const enabled = !command.enabled || command.enabled(state);
          return (
            // Keyboard use goes through the combobox above (arrows, Enter).
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={command.id}
              tabIndex={-1}
              id={`${ids.list}-${command.id}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!enabled}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(command)}
            >
              <span className="palette__group">{command.group}</span>
              <span className="palette__title">{command.title}</span>
              {command.keys && <kbd>{command.keys}</kbd>}
            </div>
          );
        })}
        {shown.length === 0 && <p className="empty">No command matches “{query}”.</p>}
      </div>
    </dialog>
  );
}

/** Commands whose title or group holds every word of the query, in any order. */
export function filterCommands(commands: readonly UiCommand[], query: string): UiCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const text = `${c.group} ${c.title}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
