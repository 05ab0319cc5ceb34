import { Panel } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { paletteCommands } from '../commands/selectionCommands.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { useOutsideClick } from '../useOutsideClick.ts';

/**
 * The palette on the canvas: add a Gateway, server, VirtualService, rule, DestinationRule,
 * subset or Service (parts go to the selected resource), or a whole scenario. The same commands
 * are in the command palette (Ctrl+K).
 */
export function AddMenu() {
  const store = useDesignerStore();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const menu = useRef<HTMLDivElement>(null);

  useOutsideClick(menu, open, close);

  return (
    <Panel position="top-left">
      <div className="menu add-menu" ref={menu}>
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          + Add
        </button>
        {open && (
          <div role="menu" className="menu-items" aria-label="Add">
            {paletteCommands.map((command) => (
              <button
                key={command.id}
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  command.run(store);
                }}
              >
                {command.title}
              </button>
            ))}
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                store.getState().openDialog('scenario');
              }}
            >
              A whole scenario…
            </button>
          </div>
        )}
      </div>
    </Panel>
  );
}
