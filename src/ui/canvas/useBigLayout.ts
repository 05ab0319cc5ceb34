import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { XY } from '../../store/designerStore.ts';
import { useDesigner } from '../StoreContext.tsx';
import { planBands, wrapIntoBands } from './bands.ts';
import {
  blockSize,
  type LayoutBlock,
  lineWidthFor,
  normalise,
  overviewViewport,
  packBlocks,
} from './blockLayout.ts';
import { elkLayout } from './elkLayout.ts';
import { columnLayout } from './fallbackLayout.ts';
import type { BaseNode } from './flowTypes.ts';
import { type SizedNode, sizeNodes } from './nodeSize.ts';
import { type Box, fitArea, READABLE_ZOOM, readableFit } from './readableFit.ts';
import type { FlowElements } from './toFlow.ts';
import { layoutInput } from './useAutoLayout.ts';

/** The layered layout runs on at most this many nodes at once (an open group, a focused path). */
const ELK_LIMIT = 300;

export interface BigLayout {
  /** Where every shown node goes (layout, then the user's drags). */
  readonly positions: Readonly<Record<string, XY>>;
  /** Records nodes the user dragged, so they stay where dropped. */
  readonly onMoved: (moved: Readonly<Record<string, XY>>) => void;
}

/**
 * The layout of a large graph (blockLayout.ts): instant for any number of collapsed groups; the
 * layered layout (ELK, in its worker) only inside an open group or the focused path, wrapped
 * into bands to the pane's shape, with quick columns until it answers. The view is fitted when
 * the grouping or focus changes (`viewKey`), and to a group when it is opened.
 */
export function useBigLayout(shown: FlowElements, active: boolean, viewKey: string): BigLayout {
  const flowStore = useStoreApi();
  const { setViewport } = useReactFlow();
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const [layered, setLayered] = useState<ReadonlyMap<string, Record<string, XY>>>(new Map());
  const pending = useRef(new Set<string>());
  const [moved, setMoved] = useState<Readonly<Record<string, XY>>>({});

  const blocks = useMemo(
    () => (active ? blocksOf(shown, viewKey.startsWith('focus'), layered) : []),
    [active, shown, viewKey, layered],
  );

  // Ask ELK for the blocks that have only quick columns yet.
  useEffect(() => {
    for (const block of blocks) {
      if (!block.wants || layered.has(block.signature) || pending.current.has(block.signature))
        continue;
      pending.current.add(block.signature);
      const members = new Set(block.members.map((n) => n.id));
      const sub: FlowElements = {
        ...shown,
        nodes: shown.nodes.filter((n) => members.has(n.id)),
        edges: shown.edges.filter((e) => members.has(e.source) && members.has(e.target)),
      };
      const sized = sizeNodes(sub.nodes, new Map());
      const { nodes, edges } = layoutInput(sub, sized);
      const { width, height } = flowStore.getState();
      const signature = block.signature;
      elkLayout(nodes, edges).then(
        (layout) => {
          const boxes = nodes.map((n) => ({
            id: n.id,
            layer: n.layer,
            at: layout[n.id] ?? { x: 0, y: 0 },
            size: { width: n.width, height: n.height },
          }));
          const { breaks } = planBands(boxes, fitArea({ width, height }), READABLE_ZOOM);
          const banded = normalise(wrapIntoBands(boxes, breaks));
          setLayered((old) => new Map(old).set(signature, banded));
        },
        (error: unknown) => console.warn('Layout failed; keeping the simple columns.', error),
      );
    }
  }, [blocks, layered, shown, flowStore]);

  const laid = useMemo(() => {
    const pane = { width: paneWidth, height: paneHeight };
    const tiles = blocks.filter((b) => b.tile).map((b) => b.size);
    return packBlocks(blocks, lineWidthFor(tiles, pane));
  }, [blocks, paneWidth, paneHeight]);

  // A new view, or Auto layout, forgets the drags of the last one.
  const layoutRequest = useDesigner((s) => s.layoutRequest);
  const lastKey = useRef(`${viewKey}|${layoutRequest}`);
  useEffect(() => {
    const key = `${viewKey}|${layoutRequest}`;
    if (lastKey.current === key) return;
    lastKey.current = key;
    setMoved({});
  }, [viewKey, layoutRequest]);

  useFits(blocks, laid, active, viewKey, paneWidth, paneHeight, setViewport);

  const positions = useMemo(() => ({ ...laid, ...moved }), [laid, moved]);
  const onMoved = useCallback(
    (m: Readonly<Record<string, XY>>) => setMoved((old) => ({ ...old, ...m })),
    [],
  );
  return { positions, onMoved };
}

interface Block extends LayoutBlock {
  /** What the block holds and how it is laid out: layered results are cached by it. */
  readonly signature: string;
  /** Nodes the layered layout places (an open group's, less its header). */
  readonly members: readonly SizedNode[];
  /** Whether the layered layout should place it. */
  readonly wants: boolean;
  /** A collapsed group's node: what the line width is chosen from. */
  readonly tile: boolean;
  readonly size: { width: number; height: number };
  /** The open group's key, for fitting the view to it once opened. */
  readonly group: string | undefined;
  /** What the block stands for, the same whether its group is open or not (`shared`, `focus`…). */
  readonly key: string;
  /** False while the layered layout it wants has not answered. */
  readonly laidOut: boolean;
}

/** The shown nodes cut into blocks (see blockLayout.ts). */
function blocksOf(
  shown: FlowElements,
  focused: boolean,
  layered: ReadonlyMap<string, Record<string, XY>>,
): Block[] {
  const byId = new Map(shown.nodes.map((n) => [n.id, n]));
  const sized = new Map(sizeNodes(shown.nodes, new Map()).map((n) => [n.id, n]));
  const sizedOf = (nodes: readonly BaseNode[]) => nodes.flatMap((n) => sized.get(n.id) ?? []);
  const inGroup = new Set<string>();
  for (const node of shown.nodes) for (const m of node.data.group?.members ?? []) inGroup.add(m);
  const blocks: Block[] = [];
  const add = (
    nodes: readonly BaseNode[],
    header: BaseNode | undefined,
    group: string | undefined,
    key: string,
  ) => {
    const members = sizedOf(nodes);
    const signature = members.map((n) => n.id).join('\n');
    // The shared nodes (three or so) keep their columns: the layered layout adds nothing there.
    const wants = members.length > 1 && members.length <= ELK_LIMIT && (focused || !!group);
    const inner = layered.get(signature) ?? columnLayout(members);
    const top = header ? (sized.get(header.id)?.size.height ?? 0) + 16 : 0;
    const local: Record<string, XY> = {};
    if (header) local[header.id] = { x: 0, y: 0 };
    for (const [id, at] of Object.entries(inner)) local[id] = { x: at.x, y: at.y + top };
    const all = header ? [...sizedOf([header]), ...members] : members;
    const block = { id: signature, nodes: all, local };
    blocks.push({
      ...block,
      signature,
      members,
      wants,
      tile: false,
      group,
      key,
      laidOut: !wants || layered.has(signature),
      size: blockSize(block),
    });
  };
  if (focused) {
    add(shown.nodes, undefined, undefined, 'focus');
    return blocks;
  }
  const shared = shown.nodes.filter((n) => !n.data.group && !inGroup.has(n.id));
  if (shared.length > 0) add(shared, undefined, undefined, 'shared');
  for (const node of shown.nodes) {
    const group = node.data.group;
    if (!group) continue;
    if (group.open) {
      const members = group.members.flatMap((id) => byId.get(id) ?? []);
      add(members, node, group.key, node.id);
      continue;
    }
    const members = sizedOf([node]);
    const block = { id: node.id, nodes: members, local: { [node.id]: { x: 0, y: 0 } } };
    blocks.push({
      ...block,
      signature: node.id,
      members,
      wants: false,
      tile: true,
      group: undefined,
      key: node.id,
      laidOut: true,
      size: blockSize(block),
    });
  }
  return blocks;
}

/**
 * Fits the view: to everything (overviewViewport) when the view changes, to a group when it
 * opens (readable if it can be). Each target is fitted again only when its own layout changes
 * (the layered layout replacing the quick columns), never for a drag.
 */
function useFits(
  blocks: readonly Block[],
  laid: Readonly<Record<string, XY>>,
  active: boolean,
  viewKey: string,
  paneWidth: number,
  paneHeight: number,
  setViewport: ReturnType<typeof useReactFlow>['setViewport'],
): void {
  const target = useRef<{ key: string; group: string | undefined; seq: number } | null>(null);
  const fitted = useRef('');
  const open = useMemo(() => new Set(blocks.flatMap((b) => (b.group ? [b.group] : []))), [blocks]);
  const wasOpen = useRef<ReadonlySet<string>>(open);
  const seq = (target.current?.seq ?? 0) + 1;
  if (target.current?.key !== viewKey) target.current = { key: viewKey, group: undefined, seq };
  const opened = [...open].find((key) => !wasOpen.current.has(key));
  if (opened) target.current = { key: viewKey, group: opened, seq };
  wasOpen.current = open;

  useEffect(() => {
    if (!active || paneWidth === 0 || paneHeight === 0 || !target.current) return;
    const { group, seq } = target.current;
    const chosen = group ? blocks.filter((b) => b.group === group) : blocks;
    const boxes: Box[] = chosen.flatMap((b) =>
      b.nodes.flatMap((n) => {
        const at = laid[n.id];
        return at ? [{ id: n.id, at, size: n.size }] : [];
      }),
    );
    if (boxes.length === 0) return;
    // Fitted once per target, again when its layered layout lands or other groups show (an
    // import); never for an edit inside a group, which would move the view while typing.
    const laidOut = chosen.every((b) => b.laidOut);
    const stamp = `${seq}|${laidOut}|${blocks.map((b) => b.key).join(',')}`;
    if (fitted.current === stamp) return;
    const first = fitted.current === '';
    fitted.current = stamp;
    const pane = { width: paneWidth, height: paneHeight };
    const viewport = group
      ? readableFit(boxes, pane, { nodes: new Set(boxes.map((b) => b.id)), anchor: boxes[0]?.id })
          .viewport
      : overviewViewport(boxes, pane);
    void setViewport(viewport, { duration: first ? 0 : 200 });
  }, [active, blocks, laid, paneWidth, paneHeight, setViewport]);
}
