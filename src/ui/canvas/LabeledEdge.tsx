import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeKind } from '../../graph/types.ts';
import { pointOnPath } from './edgeGeometry.ts';
import type { CanvasEdge } from './flowTypes.ts';

/**
 * Where along the edge its label sits. A rule that splits and mirrors to the same subset has
 * edges with the same ends: a percentage near the rule and `mirror` near the target keeps both
 * labels readable instead of stacking them at the middle.
 */
const LABEL_AT: Partial<Record<EdgeKind, number>> = { route: 0.3, mirror: 0.7 };

/** A bezier edge whose label is placed per kind (see LABEL_AT), drawn as HTML text. */
export const LabeledEdge = memo(function LabeledEdge(props: EdgeProps<CanvasEdge>) {
  const [path, midX, midY] = getBezierPath(props);
  const at = LABEL_AT[props.data?.kind ?? 'flow'];
  const [x, y] = at === undefined ? [midX, midY] : (pointOnPath(path, at) ?? [midX, midY]);
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.style ? { style: props.style } : {})}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        {...(props.interactionWidth === undefined
          ? {}
          : { interactionWidth: props.interactionWidth })}
      />
      {props.label && (
        <EdgeLabelRenderer>
          <div
            className={props.selected ? 'edge-label edge-label--selected' : 'edge-label'}
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
          >
            {props.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
