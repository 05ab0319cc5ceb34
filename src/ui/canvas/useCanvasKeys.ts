import {
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DesignerStore } from '../../store/designerStore.ts';
import { runCommand } from '../commands/runCommand.ts';
import { isTextField } from '../isTextField.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import type { FlowElements } from './toFlow.ts';
import { useCanvasTabOrder } from './useCanvasTabOrder.ts';
import { useDeleteKey } from './useDeleteKey.ts';

/** The keys the canvas owns, and the props that give them to it. */
export interface CanvasKeys {
  /** For the canvas's wrapper: keys from its focused node or edge, and whether focus is inside. */
  readonly wrapper: {
    readonly ref: RefObject<HTMLDivElement | null>;
    readonly tabIndex: -1;
    onKeyDown(event: KeyboardEvent): void;
    onKeyUp(event: KeyboardEvent): void;
    onFocus(): void;
    onBlur(event: FocusEvent): void;
  };
  /** React Flow's `panActivationKeyCode`: Space pans only while the canvas has focus. */
  readonly panKey: string | null;
  /**
   * False while Space is held on the canvas: nodes stop being drag handles, so a drag that
   * starts on a node pans the view too (as in drawing tools), where a dense graph leaves little
   * empty background to grab.
   */
  readonly nodesDraggable: boolean;
}

/**
 * The canvas's shortcuts act only while focus is inside it: Delete (useDeleteKey), F2 rename
 * and Ctrl+D duplicate here, Alt+↑/↓ on a rule row, Space held to pan. Elsewhere the keys
 * belong to whoever has focus. React Flow listens for its pan key on the whole window and
 * decides "is the user typing?" by the target's tag; Monaco 0.57 types through an EditContext
 * `<div>`, so every Space typed in the editor was taken for panning and never reached it.
 *
 * The wrapper is focusable (not in the Tab order), so a click on the empty canvas moves focus
 * there, as a click on a node does. Tab walks the canvas in the path's order (useCanvasTabOrder).
 */
export function useCanvasKeys(
  elements: FlowElements,
  selectedEdge: string | null,
  onDeleted: () => void,
): CanvasKeys {
  const store = useDesignerStore();
  const [focused, setFocused] = useState(false);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useCanvasTabOrder(ref, elements);
  const onDelete = useDeleteKey(elements, selectedEdge, onDeleted);

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      if (toggleGroup(event, store)) return;
      if (event.code === 'Space') setSpaceHeld(true);
      onDelete(event);
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'F2' && !mod && !event.altKey && !event.shiftKey) {
        if (runCommand(store, 'selection.rename')) event.preventDefault();
      } else if (mod && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'd') {
        // Never the browser's bookmark dialog while the canvas has focus.
        event.preventDefault();
        runCommand(store, 'selection.duplicate');
      }
    },
    [store, onDelete],
  );
  const onKeyUp = useCallback((event: KeyboardEvent) => {
    if (event.code === 'Space') setSpaceHeld(false);
  }, []);
  const onFocus = useCallback(() => setFocused(true), []);
  const onBlur = useCallback((event: FocusEvent) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setFocused(false);
    setSpaceHeld(false);
  }, []);

  return useMemo(
    () => ({
      wrapper: { ref, tabIndex: -1, onKeyDown, onKeyUp, onFocus, onBlur },
      panKey: focused ? 'Space' : null,
      nodesDraggable: !spaceHeld,
    }),
    [onKeyDown, onKeyUp, onFocus, onBlur, focused, spaceHeld],
  );
}

/** Enter on a group's node opens or collapses it (its button does the same with the mouse). */
function toggleGroup(event: KeyboardEvent, store: DesignerStore): boolean {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return false;
  const node = event.target.closest<HTMLElement>('.react-flow__node[data-kind="group"]');
  const key = node?.dataset.group;
  if (!node || key === undefined) return false;
  event.preventDefault();
  store.getState().setGroupOpen([key], node.dataset.expanded !== 'true');
  return true;
}
