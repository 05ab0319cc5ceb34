import type { Connection, Edge, FinalConnectionState, InternalNode } from '@xyflow/react';
import { useCallback } from 'react';
import type { CommandResult } from '../../edit/command.ts';
import { connect } from '../../edit/gestures/connect.ts';
import type { Gesture } from '../../edit/gestures/gesture.ts';
import type { DesignerStore } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { applyGesture } from '../commands/applyGesture.ts';
import { useDesignerStore } from '../StoreContext.tsx';

/**
 * Drawing a connection on the canvas: Gateway → VirtualService binds it, rule → service or
 * subset adds a destination (weights rebalanced) or, with Alt held, a mirror; rule → delegate
 * VirtualService delegates; a Gateway API listener (or Gateway) → route attaches the route.
 * The gesture engine decides; a refusal says why (ConnectionHint while dragging, a notice on a
 * drop), and offers (add the host to the Gateway…) come with the notice as buttons. A rule's
 * connection starts at its row's handle, whose id is the rule's node id; it ends anywhere on a
 * node, whose target handle covers it while a connection is drawn (canvas.css).
 */
export function useConnectGesture() {
  const store = useDesignerStore();
  altHeld(); // starts tracking Alt before the first drag
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
  // A drop on a node that refuses says why: the hint that said it while dragging is gone.
  const onConnectEnd = useCallback(
    (_: MouseEvent | TouchEvent, end: FinalConnectionState<InternalNode>) => {
      if (end.isValid || !end.fromNode || !end.toNode) return;
      const result = attemptedGesture(store, end.fromNode, end.fromHandle?.id, end.toNode);
      if (result && !result.ok) store.getState().notify({ kind: 'error', text: result.error });
    },
    [store],
  );
  return { onConnect, isValidConnection, onConnectEnd };
}

/**
 * What connecting `from` (its handle `handleId`) to `to` would do, or why it is refused;
 * nothing while the pointer is still over the node the connection starts from.
 */
export function attemptedGesture(
  store: DesignerStore,
  from: { readonly id: string },
  handleId: string | null | undefined,
  to: { readonly id: string },
): CommandResult<Gesture> | undefined {
  if (from.id === to.id) return undefined;
  return gestureFor(store, { source: from.id, sourceHandle: handleId ?? null, target: to.id });
}

function gestureFor(
  store: DesignerStore,
  connection: {
    readonly source: string;
    readonly sourceHandle?: string | null | undefined;
    readonly target: string;
  },
) {
  const state = store.getState();
  // A rule's or a listener's row: the connection starts at the row's node, not its parent's.
  const handle = connection.sourceHandle;
  const source =
    handle?.startsWith('route:') || handle?.startsWith('listener:') ? handle : connection.source;
  if (!source || !connection.target) return undefined;
  const mirror = altHeld();
  const target = connection.target;
  // React Flow asks on every pointer move over a node; the answer only changes with the ends.
  if (
    last?.workspace === state.workspace &&
    last.source === source &&
    last.target === target &&
    last.mirror === mirror
  )
    return last.result;
  const result = connect(state.workspace, selectGraph(state), source, target, { mirror });
  last = { workspace: state.workspace, source, target, mirror, result };
  return result;
}

/** The last answer of `gestureFor`, with what it was asked. */
let last:
  | {
      readonly workspace: Workspace;
      readonly source: string;
      readonly target: string;
      readonly mirror: boolean;
      readonly result: CommandResult<Gesture>;
    }
  | undefined;

/**
 * Whether Alt is held (Alt while drawing from a rule makes the connection a mirror). Tracked
 * once for the page: the gesture, its validity and the hint must agree on it.
 */
let alt = false;
let tracking = false;
function altHeld(): boolean {
  if (!tracking && typeof window !== 'undefined') {
    tracking = true;
    const track = (event: KeyboardEvent | PointerEvent | MouseEvent) => {
      alt = event.altKey;
    };
    window.addEventListener('keydown', track, true);
    window.addEventListener('keyup', track, true);
    window.addEventListener('pointermove', track, true);
    window.addEventListener('mousemove', track, true);
  }
  return alt;
}
