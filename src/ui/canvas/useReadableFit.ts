import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useRef } from 'react';
import { useDesignerStore } from '../StoreContext.tsx';
import { overviewViewport } from './blockLayout.ts';
import { type Box, type Focus, readableFit } from './readableFit.ts';
import { requestPath } from './requestPath.ts';
import type { FlowElements } from './toFlow.ts';

/**
 * A fit that keeps names readable (readableFit.ts): the whole graph when it can be read whole,
 * else the request path of the selected (or first) host; the minimap and "Fit all" reach the
 * rest. Returns a stable function of the boxes to fit, the animation's length and, in place of
 * that request path, what to show when the whole cannot be read.
 */
export type ReadableFit = (boxes: readonly Box[], duration: number, focus?: Focus) => void;

export function useReadableFit(elements: FlowElements, big = false): ReadableFit {
  const store = useDesignerStore();
  const flowStore = useStoreApi();
  const { setViewport } = useReactFlow();
  const latest = useRef(elements);
  latest.current = elements;
  const isBig = useRef(big);
  isBig.current = big;
  return useCallback(
    (boxes: readonly Box[], duration: number, focus?: Focus) => {
      const { width, height } = flowStore.getState();
      if (width === 0 || height === 0) return;
      // A large view (groups, blocks) is fitted whole, compact where it must be.
      if (isBig.current && !focus) {
        void setViewport(overviewViewport(boxes, { width, height }), { duration });
        return;
      }
      const { graphNodes, graphEdges } = latest.current;
      const selection = store.getState().selection;
      const shown =
        focus ?? requestPath([...graphNodes.values()], [...graphEdges.values()], selection);
      const { viewport } = readableFit(boxes, { width, height }, shown);
      void setViewport(viewport, { duration });
    },
    [flowStore, setViewport, store],
  );
}
