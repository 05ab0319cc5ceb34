import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { useModalDialog } from '../useModalDialog.ts';

/** One entry of a palette: a command, or a resource to go to. */
export interface PaletteEntry {
  readonly id: string;
  /** Shown before the title, dimmed, and matched by the query (a command's group, a kind). */
  readonly group: string;
  readonly title: string;
  /** Shown after the title, dimmed, and matched (a namespace). */
  readonly detail?: string;
  /** The shortcut, as shown to the user. */
  readonly keys?: string;
  readonly enabled: boolean;
}

interface PaletteProps {
  /** The dialog's accessible name. */
  readonly label: string;
  /** The query field's accessible name and placeholder. */
  readonly inputLabel: string;
  readonly placeholder: string;
  readonly entries: readonly PaletteEntry[];
  /** Runs an enabled entry, after the palette has closed. */
  onRun(entry: PaletteEntry): void;
}

/**
 * A palette as VS Code's: a query over a list, filtered as you type, run with Enter or a click.
 * A combobox over a listbox, so screen readers follow the active entry. The command palette
 * (Ctrl+K) and Go to resource (Ctrl+P) are two lists in it.
 */
export function Palette({ label, inputLabel, placeholder, entries, onRun }: PaletteProps) {
  const store = useDesignerStore();
  const dialog = useModalDialog();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = { input: useId(), list: useId() };

  const shown = useMemo(() => filterEntries(entries, query), [entries, query]);
  const close = () => store.getState().openDialog(null);
  const run = (entry: PaletteEntry | undefined) => {
    if (!entry?.enabled) return;
    close();
    onRun(entry);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') run(shown[active]);
    else return;
    event.preventDefault();
  };
  const optionId = (entry: PaletteEntry) => `${ids.list}-${entry.id}`;
  const current = shown[active];

  return (
    <dialog ref={dialog} className="dialog palette" aria-label={label} onClose={close}>
      <input
        id={ids.input}
        role="combobox"
        aria-expanded="true"
        aria-controls={ids.list}
        aria-activedescendant={current ? optionId(current) : undefined}
        aria-label={inputLabel}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={ids.list} role="listbox" aria-label={label} className="palette__list">
        {shown.map((entry, i) => (
          // Keyboard use goes through the combobox above (arrows, Enter).
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <div
            key={entry.id}
            tabIndex={-1}
            id={optionId(entry)}
            role="option"
            aria-selected={i === active}
            aria-disabled={!entry.enabled}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(entry)}
          >
            <span className="palette__group">{entry.group}</span>
            <span className="palette__title">{entry.title}</span>
            {entry.detail && <span className="palette__detail">{entry.detail}</span>}
            {entry.keys && <kbd>{entry.keys}</kbd>}
          </div>
        ))}
        {shown.length === 0 && <p className="empty">Nothing matches “{query}”.</p>}
      </div>
    </dialog>
  );
}

/** Entries whose group, title or detail hold every word of the query, in any order. */
export function filterEntries<T extends Omit<PaletteEntry, 'enabled' | 'id'>>(
  entries: readonly T[],
  query: string,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    const text = `${e.group} ${e.title} ${e.detail ?? ''}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
