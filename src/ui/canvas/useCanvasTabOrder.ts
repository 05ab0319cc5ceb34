import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect, useRef } from 'react';
import { assignLayers } from './layers.ts';
import type { FlowElements } from './toFlow.ts';

/**
 * Tab walks the canvas as a request does: after the toolbar come the nodes in the path's order
 * (client, load balancer, gateway pods, Gateway, VirtualService and its rule rows…), then the
 * edges. React Flow puts every edge before every node in the page, so the browser's own order
 * would walk all the edges first: where the two orders differ, Tab and Shift+Tab move focus
 * to where the path order says.
 */
export function useCanvasTabOrder(
  wrapper: RefObject<HTMLElement | null>,
  elements: FlowElements,
): void {
  const { getInternalNode } = useReactFlow();
  const latest = useRef(elements);
  latest.current = elements;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey) return;
      const root = wrapper.current;
      const viewport = root?.querySelector('.react-flow__viewport');
      // A modal dialog keeps focus inside itself.
      if (!root || !viewport || document.querySelector('dialog[open]')) return;
      const all = tabbables(document.body);
      const inCanvas = all.filter((el) => viewport.contains(el));
      const first = all.findIndex((el) => viewport.contains(el));
      if (first < 0) return;
      const y = (id: string) => getInternalNode(id)?.internals.positionAbsolute.y ?? 0;
      const path = pathOrder(latest.current, y);
      const ordered = [
        ...inCanvas.filter(isNodePart).sort(byRank(path.nodes, nodeOf)),
        ...inCanvas.filter((el) => !isNodePart(el)).sort(byRank(path.edges, edgeOf)),
      ];
      const rest = all.filter((el) => !viewport.contains(el));
      const order = [...rest.slice(0, first), ...ordered, ...rest.slice(first)];
      const active = document.activeElement;
      const step = event.shiftKey ? -1 : 1;
      // Focus on the canvas itself (a click on its background): next comes its first node.
      const at =
        active === root ? first - (event.shiftKey ? 0 : 1) : order.indexOf(active as Element);
      if (at < 0 && active !== root) return;
      const to = order[at + step];
      const domTo = active === root ? undefined : all[all.indexOf(active as Element) + step];
      if (!to || to === domTo) return;
      event.preventDefault();
      (to as HTMLElement).focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [wrapper, getInternalNode]);
}

/** Ranks of drawn nodes and edges in the path's order: by layer, then top to bottom. */
export function pathOrder(
  elements: Pick<FlowElements, 'nodes' | 'edges'>,
  y: (id: string) => number,
): { nodes: Map<string, number>; edges: Map<string, number> } {
  const layers = assignLayers(
    elements.nodes.map((n) => ({ id: n.id, kind: n.data.node.kind })),
    elements.edges,
  );
  const nodes = [...elements.nodes]
    .map((n, i) => ({ id: n.id, layer: layers.get(n.id) ?? 0, y: y(n.id), i }))
    .sort((a, b) => a.layer - b.layer || a.y - b.y || a.i - b.i);
  const nodeRank = new Map(nodes.map((n, i) => [n.id, i]));
  const rank = (id: string) => nodeRank.get(id) ?? nodes.length;
  const edges = [...elements.edges]
    .map((e, i) => ({ id: e.id, from: rank(e.source), to: rank(e.target), i }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  return { nodes: nodeRank, edges: new Map(edges.map((e, i) => [e.id, i])) };
}

const TABBABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]';

/** What Tab can reach, in the page's order. */
function tabbables(root: HTMLElement): Element[] {
  return [...root.querySelectorAll(TABBABLE)].filter(
    (el) =>
      (el as HTMLElement).tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0 &&
      !el.closest('[inert]'),
  );
}

const isNodePart = (el: Element) => el.closest('.react-flow__node') !== null;
const nodeOf = (el: Element) => el.closest('.react-flow__node')?.getAttribute('data-id') ?? '';
const edgeOf = (el: Element) => el.closest('.react-flow__edge')?.getAttribute('data-id') ?? '';

/** Sorts by rank of the id `idOf` finds; parts of one node keep the page's order after it. */
function byRank(ranks: ReadonlyMap<string, number>, idOf: (el: Element) => string) {
  return (a: Element, b: Element) =>
    (ranks.get(idOf(a)) ?? ranks.size) - (ranks.get(idOf(b)) ?? ranks.size);
}
