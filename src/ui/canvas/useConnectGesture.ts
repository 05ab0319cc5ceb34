import type { Connection, Edge } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { connect } from '../../edit/gestures/connect.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { applyGesture } from '../commands/applyGesture.ts';
import { useDesignerStore } from '../StoreContext.tsx';

/**
 * Drawing a connection on the canvas: Gateway → VirtualService binds it, rule → service or
 * subset adds a destination (weights rebalanced) or, with Alt held, a mirror; rule → delegate
 * VirtualService delegates.
 * The gesture engine decides; a refusal says why, and offers (add the host to the Gateway…)
 * come with the notice as buttons. A rule's connection starts at its row's handle, whose id is
 * the rule's node id.
 */
export function useConnectGesture() {
  const store = useDesignerStore();
  // Alt held while drawing from a rule makes the connection a mirror, not a destination.
  const alt = useRef(false);
  useEffect(() => {
    const track = (event: KeyboardEvent | PointerEvent) => {
      alt.current = event.altKey;
    };
    window.addEventListener('keydown', track);
    window.addEventListener('keyup', track);
    window.addEventListener('pointermove', track);
    return () => {
      window.removeEventListener('keydown', track);
      window.removeEventListener('keyup', track);
      window.removeEventListener('pointermove', track);
    };
  }, []);
  const onConnect = useCallback(
    (connection: Connection) => {
      const result = gestureFor(store, connection, alt.current);
      if (result) applyGesture(store, result);
    },
    [store],
  );
  // Dragging over a node that cannot take the connection shows it as refused.
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => gestureFor(store, connection, alt.current)?.ok === true,
    [store],
  );
  return { onConnect, isValidConnection };
}

function gestureFor(store: DesignerStore, connection: Connection | Edge, mirror: boolean) {
  const state = store.getState();
  const source = connection.sourceHandle?.startsWith('route:')
    ? connection.sourceHandle
    : connection.source;
  if (!source || !connection.target) return undefined;
  return connect(state.workspace, selectGraph(state), source, connection.target, { mirror });
}
