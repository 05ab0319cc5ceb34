import { useConnection, useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { attemptedGesture } from './useConnectGesture.ts';

/** Room the hint needs on the pointer's right before it flips to the left. */
const HINT_ROOM = 320;

/**
 * While a connection is drawn over a node that refuses it, why (the gesture engine's reason,
 * "A Gateway cannot route to a subset directly…"), next to the pointer. The node itself is
 * tinted as refused (canvas.css, `.connectingto`).
 */
export function ConnectionHint() {
  const store = useDesignerStore();
  const from = useConnection((c) => c.fromNode?.id);
  const handle = useConnection((c) => c.fromHandle?.id);
  const to = useConnection((c) => c.toNode?.id);
  const pointer = useConnection((c) => c.pointer);
  const width = useStore((s) => s.width);
  const reason = useMemo(() => {
    if (!from || !to) return undefined;
    const result = attemptedGesture(store, { id: from }, handle, { id: to });
    return result && !result.ok ? result.error : undefined;
  }, [store, from, handle, to]);
  if (!reason || !pointer) return null;
  const flip = pointer.x > width - HINT_ROOM;
  return (
    <div
      className="connect-hint"
      role="status"
      style={{
        top: pointer.y + 16,
        left: flip ? undefined : pointer.x + 16,
        right: flip ? width - pointer.x + 16 : undefined,
      }}
    >
      {reason}
    </div>
  );
}
