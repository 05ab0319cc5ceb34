import {
  BaseEdge,
  type EdgeProps,
  getBezierPath,
  useInternalNode,
  useStoreApi,
} from '@xyflow/react';
import { memo, useLayoutEffect, useMemo } from 'react';
import type { EdgeKind } from '../../graph/types.ts';
import { BAND_GAP } from './bands.ts';
import { type Cubic, cubicOf } from './edgeGeometry.ts';
import { boardFor } from './edgeLabelBoard.ts';
import type { CanvasEdge } from './flowTypes.ts';
import { backwardPath, runsBackward } from './wrapPath.ts';

/**
 * Where along the edge its label would rather sit. A rule that splits and mirrors to the same
 * subset has edges with the same ends: a percentage near the rule and `mirror` near the target
 * keeps both apart from the start. The label layer moves a label along its edge from here
 * when a node or another label is in the way.
 */
const LABEL_AT: Partial<Record<EdgeKind, number>> = { route: 0.25, mirror: 0.75 };

/**
 * A bezier edge. Its label is not drawn here but posted to the label layer (EdgeLabelLayer),
 * which draws every label above the nodes and places them so that none covers another.
 */
export const LabeledEdge = memo(function LabeledEdge(props: EdgeProps<CanvasEdge>) {
  const [path, labelCurve] = useEdgeRoute(props);
  const board = boardFor(useStoreApi());
  const { id, label, selected = false } = props;
  const text = typeof label === 'string' || typeof label === 'number' ? String(label) : '';
  const prefer = LABEL_AT[props.data?.kind ?? 'flow'] ?? 0.5;
  const color = props.style?.stroke;
  const sim = props.data?.sim;
  useLayoutEffect(() => {
    const curve = labelCurve ?? cubicOf(path);
    if (!text || !curve) return;
    board.post({ id, text, curve, prefer, selected, color, sim });
  }, [board, id, text, path, labelCurve, prefer, selected, color, sim]);
  useLayoutEffect(() => () => board.remove(id), [board, id]);
  useLayoutEffect(() => {
    if (!text) board.remove(id);
  }, [board, id, text]);
  return (
    <BaseEdge
      id={id}
      path={path}
      {...(props.style ? { style: props.style } : {})}
      {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
      {...(props.interactionWidth === undefined
        ? {}
        : { interactionWidth: props.interactionWidth })}
    />
  );
});

/**
 * The edge's path, and where its label runs when that is not the whole curve. An edge whose
 * target stands to its left (the wrap from one band of the layout to the next) runs through the
 * gap above the target's band instead of cutting across the band above.
 */
function useEdgeRoute(props: EdgeProps<CanvasEdge>): readonly [string, Cubic | undefined] {
  const target = useInternalNode(props.target);
  const { sourceX, sourceY, targetX, targetY } = props;
  const laneY =
    target && runsBackward(sourceX, targetX)
      ? target.internals.positionAbsolute.y - BAND_GAP / 2
      : undefined;
  const [bezier] = getBezierPath(props);
  // Memoised: the label layer re-places labels whenever the run it is given changes identity.
  return useMemo(
    () =>
      laneY === undefined
        ? [bezier, undefined]
        : backwardPath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, laneY),
    [bezier, laneY, sourceX, sourceY, targetX, targetY],
  );
}
