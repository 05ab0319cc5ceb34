import { BaseEdge, type EdgeProps, getBezierPath, useStoreApi } from '@xyflow/react';
import { memo, useLayoutEffect } from 'react';
import type { EdgeKind } from '../../graph/types.ts';
import { cubicOf } from './edgeGeometry.ts';
import { boardFor } from './edgeLabelBoard.ts';
import type { CanvasEdge } from './flowTypes.ts';

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
  const [path] = getBezierPath(props);
  const board = boardFor(useStoreApi());
  const { id, label, selected = false } = props;
  const text = typeof label === 'string' || typeof label === 'number' ? String(label) : '';
  const prefer = LABEL_AT[props.data?.kind ?? 'flow'] ?? 0.5;
  const color = props.style?.stroke;
  const sim = props.data?.sim;
  useLayoutEffect(() => {
    const curve = cubicOf(path);
    if (!text || !curve) return;
    board.post({ id, text, curve, prefer, selected, color, sim });
  }, [board, id, text, path, prefer, selected, color, sim]);
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
