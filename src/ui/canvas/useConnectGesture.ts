import type { Connection, Edge } from '@xyflow/react';
import { useCallback } from 'react';
import { connect } from '../../edit/gestures/connect.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { applyGesture } from '../commands/applyGesture.ts';
import { useDesignerStore } from '../StoreContext.tsx';

/**
 * Drawing a connection on the canvas: Gateway → VirtualService binds it, rule → service or
 * subset adds a destination (weights rebalanced), rule → delegate VirtualService delegates.
 * The gesture engine decides; a refusal says why, and offers (add the host to the Gateway…)
 * come with the notice as buttons. A rule's connection starts at its row's handle, whose id is
 * the rule's node id.
 */
export function useConnectGesture() {
  const store = useDesignerStore();
  const onConnect = useCallback(
    (connection: Connection) => {
      const result = gestureFor(store, connection);
      if (result) applyGesture(store, result);
    },
    [store],
  );
  // Dragging over a node that cannot take the connection shows it as refused.
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => gestureFor(store, connection)?.ok === true,
    [store],
  );
  return { onConnect, isValidConnection };
}

function gestureFor(store: DesignerStore, connection: Connection | Edge) {
  const state = store.getState();
  const source = connection.sourceHandle?.startsWith('route:')
    ? connection.sourceHandle
    : connection.source;
  if (!source || !connection.target) return undefined;
  return connect(state.workspace, selectGraph(state), source, connection.target);
}
