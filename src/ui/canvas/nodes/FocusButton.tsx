import { NodeToolbar, Position } from '@xyflow/react';
import { useDesignerStore } from '../../StoreContext.tsx';
import { focusOn } from '../graphView.ts';
import { focusOfSelection } from '../viewCommands.ts';

/**
 * Above a selected Gateway or route: "Focus on this path" shows only its path (the rest hidden,
 * a banner to come back). Drawn in React Flow's toolbar layer, so the node keeps its size.
 */
export function FocusButton({ selected }: { selected: boolean }) {
  const store = useDesignerStore();
  if (!selected) return null;
  return (
    <NodeToolbar isVisible position={Position.Top} align="end" offset={6}>
      <button
        type="button"
        className="focus-path-button"
        title="Show only this path (Escape shows everything)"
        onClick={() => {
          const focus = focusOfSelection(store.getState());
          if (focus) focusOn(store, focus);
        }}
      >
        Focus on this path
      </button>
    </NodeToolbar>
  );
}
