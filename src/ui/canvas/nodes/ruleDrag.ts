import { type DragEvent, type MouseEvent, useRef } from 'react';
import { reorderRule } from '../../../edit/gestures/reorder.ts';
import type { DesignerStore } from '../../../store/designerStore.ts';
import { selectGraph } from '../../../store/selectors.ts';
import { applyGesture } from '../../commands/applyGesture.ts';
import { useDesignerStore } from '../../StoreContext.tsx';
import type { RuleRowData } from '../flowTypes.ts';

/** The drag payload's type: a rule's node id, so drops elsewhere ignore it. */
const RULE_TYPE = 'application/x-istio-designer-rule';

/** Moves a rule to `toIndex` in its list, as one undo step (refusals are explained). */
export function moveRule(store: DesignerStore, ruleId: string, toIndex: number): void {
  const state = store.getState();
  applyGesture(store, reorderRule(state.workspace, selectGraph(state), ruleId, toIndex));
}

/**
 * Dragging a rule row onto another row of the same list moves it there: the YAML order
 * follows, which is what decides the first match. The row carries `nodrag` (RuleRow), which
 * keeps React Flow from moving the whole node instead.
 */
export function useRuleDrag(rule: RuleRowData) {
  const store = useDesignerStore();
  const list = `${rule.resource}|${rule.section}`;
  const fromHandle = useRef(false);
  const accepts = (event: DragEvent) =>
    event.dataTransfer.types.includes(`${RULE_TYPE}+${key(list)}`);
  return {
    draggable: true,
    onDragStart(event: DragEvent) {
      // A drag from the row's handle draws a connection (React Flow), not a move.
      if (fromHandle.current) {
        event.preventDefault();
        return;
      }
      event.dataTransfer.setData(RULE_TYPE, rule.id);
      // The list travels in the type: dragover cannot read data, only types.
      event.dataTransfer.setData(`${RULE_TYPE}+${key(list)}`, '');
      event.dataTransfer.effectAllowed = 'move';
    },
    onMouseDown(event: MouseEvent) {
      fromHandle.current = (event.target as Element).closest('.react-flow__handle') !== null;
    },
    onDragOver(event: DragEvent) {
      if (!accepts(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    },
    onDrop(event: DragEvent) {
      if (!accepts(event)) return;
      event.preventDefault();
      const dragged = event.dataTransfer.getData(RULE_TYPE);
      if (dragged && dragged !== rule.id) moveRule(store, dragged, rule.index);
    },
  };
}

/** A MIME-safe token for a list (types are lower-cased and must not hold spaces or slashes). */
function key(list: string): string {
  let hash = 0;
  for (const char of list) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash.toString(36);
}
