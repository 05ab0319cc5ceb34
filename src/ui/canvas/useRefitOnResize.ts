import { useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Size } from './nodeSize.ts';
import { allInView, type Box } from './readableFit.ts';
import type { ReadableFit } from './useReadableFit.ts';

/** How long the pane must keep its size before the view follows: a drag of the splitter settles. */
const SETTLE_MS = 200;

/**
 * Refits the view when the pane shrinks so that nodes in sight before are cut off (a smaller
 * window, a dragged splitter, a panel opened). Growing, or a resize that hides nothing that was
 * seen, leaves the view as the user set it.
 */
export function useRefitOnResize(refit: ReadableFit): void {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { getNodes, getViewport } = useReactFlow();
  const before = useRef<Size | null>(null);

  useEffect(() => {
    const previous = before.current;
    if (width === 0 || height === 0) return;
    if (previous === null) {
      before.current = { width, height };
      return;
    }
    const timer = setTimeout(() => {
      before.current = { width, height };
      const boxes: Box[] = getNodes().map((node) => ({
        id: node.id,
        at: node.position,
        size: { width: node.measured?.width ?? 0, height: node.measured?.height ?? 0 },
      }));
      const viewport = getViewport();
      const seen = boxes.filter((box) => allInView([box], previous, viewport));
      if (!allInView(seen, { width, height }, viewport)) refit(boxes, 200);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [width, height, getNodes, getViewport, refit]);
}
