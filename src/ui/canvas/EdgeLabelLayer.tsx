import { useConnection, useNodes, useStoreApi, ViewportPortal } from '@xyflow/react';
import {
  type CSSProperties,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { type Box, type LabelRequest, placeLabels } from './edgeGeometry.ts';
import { boardFor, type EdgeLabelSpec } from './edgeLabelBoard.ts';
import type { CanvasNode } from './flowTypes.ts';

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Every edge label (weights, mirror, delegate, the simulator's shares), drawn in one layer
 * above the nodes (ViewportPortal comes after them, and the layer's z-index tops a selected
 * node's) in the flow's coordinates, so labels scale with zoom as node text does. Placement
 * (`placeLabels`) keeps labels off each other and, where the edge shows, off the nodes.
 * Sizes are measured once per text after the first paint; estimates serve until then.
 */
export function EdgeLabelLayer() {
  const flow = useStoreApi();
  const board = boardFor(flow);
  const labels = useSyncExternalStore(board.subscribe, board.labels);
  const nodes = useNodes<CanvasNode>();
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const layer = useRef<HTMLDivElement>(null);
  // While a connection is drawn, the pointer goes through labels to the node under them.
  const connecting = useConnection((c) => c.inProgress);

  const places = useMemo(() => {
    const obstacles: Box[] = nodes
      .filter((node) => !node.hidden)
      .map((node) => ({
        x: node.position.x,
        y: node.position.y,
        width: node.measured?.width ?? node.width ?? 0,
        height: node.measured?.height ?? node.height ?? 0,
      }));
    const requests: LabelRequest[] = [...labels].sort(byPriority).map((spec) => ({
      id: spec.id,
      curve: spec.curve,
      prefer: spec.prefer,
      ...(sizes.get(spec.text) ?? estimate(spec.text)),
    }));
    return placeLabels(requests, obstacles);
  }, [labels, nodes, sizes]);

  // Real sizes replace the estimates once per new text (fonts differ between systems).
  useLayoutEffect(() => {
    let found: Map<string, Size> | undefined;
    for (const element of layer.current?.querySelectorAll<HTMLElement>('[data-text]') ?? []) {
      const text = element.dataset.text ?? '';
      if (sizes.has(text) || found?.has(text)) continue;
      found ??= new Map(sizes);
      found.set(text, { width: element.offsetWidth, height: element.offsetHeight });
    }
    if (found) setSizes(found);
  });

  const selectEdge = (id: string) => flow.getState().addSelectedEdges([id]);
  return (
    <ViewportPortal>
      <div className={connecting ? 'edge-labels edge-labels--passive' : 'edge-labels'} ref={layer}>
        {labels.map((spec) => {
          const at = places.get(spec.id);
          if (!at) return null;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the edge itself is focusable
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard selects the edge itself
            <div
              key={spec.id}
              className={labelClass(spec)}
              data-text={spec.text}
              data-edge={spec.id}
              style={
                {
                  transform: `translate(-50%, -50%) translate(${at[0]}px, ${at[1]}px)`,
                  ...(spec.color ? { '--edge-color': spec.color } : {}),
                } as CSSProperties
              }
              onClick={() => selectEdge(spec.id)}
            >
              {spec.text}
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
}

/** The selected edge's label, then the simulated path's, get the best places. */
function byPriority(a: EdgeLabelSpec, b: EdgeLabelSpec): number {
  const rank = (s: EdgeLabelSpec) =>
    s.selected ? 0 : s.sim === 'lit' ? 1 : s.sim === 'dim' ? 3 : 2;
  return (
    rank(a) - rank(b) ||
    a.curve[0][0] - b.curve[0][0] ||
    a.curve[0][1] - b.curve[0][1] ||
    a.curve[3][1] - b.curve[3][1] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function labelClass(spec: EdgeLabelSpec): string {
  return [
    'edge-label',
    'nodrag',
    'nopan',
    spec.selected && 'edge-label--selected',
    spec.sim && `edge-label--${spec.sim}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A first guess at a label's size (13 px semibold text, padding and border, see canvas.css). */
function estimate(text: string): Size {
  return { width: Math.ceil(text.length * 8 + 14), height: 22 };
}
