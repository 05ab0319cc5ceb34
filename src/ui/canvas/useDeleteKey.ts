import { type KeyboardEvent, useCallback } from 'react';
import { deleteFromGraph } from '../commands/deleteNode.ts';
import { isTextField } from '../isTextField.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import type { FlowElements } from './toFlow.ts';

/**
 * Delete and Backspace on the canvas delete the selected edge, else the selected node (a
 * selected rule row deletes that rule), through a command applied by the store: the store is the
 * only writer, so React Flow's own deletion is switched off (`deleteKeyCode={null}`). A refusal
 * (an implied node, a derived edge) becomes the store's notice, which the app shows.
 *
 * Returns the keydown handler for the canvas's wrapper (see useCanvasKeys), and reports a deletion through
 * `onDeleted` so the canvas can drop its edge selection.
 */
export function useDeleteKey(
  elements: FlowElements,
  selectedEdge: string | null,
  onDeleted: () => void,
): (event: KeyboardEvent) => void {
  const store = useDesignerStore();
  return useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      const state = store.getState();
      const edge = selectedEdge === null ? undefined : elements.graphEdges.get(selectedEdge);
      const node = state.selection === null ? undefined : elements.graphNodes.get(state.selection);
      const target = edge ?? node;
      if (!target) return;
      event.preventDefault();
      if (deleteFromGraph(store, target)) {
        state.select(null);
        onDeleted();
      }
    },
    [store, elements, selectedEdge, onDeleted],
  );
}
