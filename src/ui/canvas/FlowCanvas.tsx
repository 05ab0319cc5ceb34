import {
  Background,
  ControlButton,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LitPath } from '../../graph/tracePath.ts';
import { formatShare } from '../../model/weights.ts';
import type { XY } from '../../store/designerStore.ts';
import { selectLitPath } from '../../store/selectors.ts';
import { useDesigner } from '../StoreContext.tsx';
import './canvas.css';
import { AddMenu } from './AddMenu.tsx';
import { BigGraphBar } from './BigGraphBar.tsx';
import { ConnectionHint } from './ConnectionHint.tsx';
import { EdgeLabelLayer } from './EdgeLabelLayer.tsx';
import { preloadLayoutEngine } from './elkLayout.ts';
import { columnLayout } from './fallbackLayout.ts';
import type { CanvasEdge, CanvasNode } from './flowTypes.ts';
import { GROUP_COLOR, GROUP_OPEN_LIMIT } from './grouping.ts';
import { KIND_LOOK } from './kindLook.ts';
import { LabeledEdge } from './LabeledEdge.tsx';
import { type Size, sizeNodes } from './nodeSize.ts';
import { NODE_TYPES } from './nodes/nodeTypes.ts';
import { StaleBanner } from './StaleBanner.tsx';
import { useAllInView } from './useAllInView.ts';
import { useAutoLayout } from './useAutoLayout.ts';
import { useBigLayout } from './useBigLayout.ts';
import { useCanvasKeys } from './useCanvasKeys.ts';
import { useCompact } from './useCompact.ts';
import { useConnectGesture } from './useConnectGesture.ts';
import { useDrawnGraph } from './useDrawnGraph.ts';
import { useFlowElements } from './useFlowElements.ts';
import { useFlowNodes } from './useFlowNodes.ts';
import { useGraphView } from './useGraphView.ts';
import { useMountBudget } from './useMountBudget.ts';
import { useReadableFit } from './useReadableFit.ts';
import { useRefitOnResize } from './useRefitOnResize.ts';
import { useRevealSelection } from './useRevealSelection.ts';
import { useViewChangeFit } from './useViewChangeFit.ts';

/**
 * The flow canvas: the graph of the workspace drawn with React Flow, left to right. The store
 * is the only source of what is drawn (graph, positions, selection, theme); the canvas turns
 * gestures into store actions: a click selects, a drag stores positions, Delete applies a
 * delete command.
 */
export function FlowCanvas() {
  return (
    <ReactFlowProvider>
      <CanvasView />
    </ReactFlowProvider>
  );
}

// At import time, before the store parses the workspace: the first layout is then ready sooner.
preloadLayoutEngine();

/** Module-level, as node types: React Flow re-creates renderers when this changes identity. */
const EDGE_TYPES = { labeled: LabeledEdge };

const NO_PLACES: Readonly<Record<string, XY>> = {};

/** Inline, as the kind's colour is: a stylesheet rule would need !important to win. */
const SELECTED_EDGE = { stroke: 'var(--node-selected)', strokeWidth: 3 };
const LIT_EDGE = { stroke: 'var(--sim-path)', strokeWidth: 3 };

function CanvasView() {
  const { graph, workspace } = useDrawnGraph();
  const positions = useDesigner((s) => s.positions);
  const selection = useDesigner((s) => s.selection);
  const theme = useDesigner((s) => s.theme);
  const select = useDesigner((s) => s.select);
  const setPositions = useDesigner((s) => s.setPositions);

  const all = useFlowElements(graph, workspace);
  // What is drawn: the focused path, or the graph with its collapsed groups as single nodes.
  const view = useGraphView(all, graph, workspace);
  const elements = view.elements;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  // The quick columns: only used for nodes not placed yet, until the layout arrives. A large view
  // is placed in blocks instead (useBigLayout), so it needs none.
  const fallback = useMemo(
    () => (view.big ? NO_PLACES : columnLayout(sizeNodes(elements.nodes, new Map()))),
    [elements, view.big],
  );
  // One fit for both: after a layout and when a smaller pane would cut nodes off.
  const refit = useReadableFit(elements, view.big);
  useAutoLayout(elements, measured, refit, !view.big);
  useRefitOnResize(refit);
  useViewChangeFit(view, positions, refit);
  const big = useBigLayout(elements, view.big, view.key);
  const placed = useFlowNodes(
    elements.nodes,
    view.big ? big.positions : positions,
    view.big ? big.positions : fallback,
    selection,
    measured,
  );
  const bigRef = useRef(view.big);
  bigRef.current = view.big;
  const onMoved = big.onMoved;
  const lit = useDesigner(selectLitPath);
  const compact = useCompact();
  const nodes = useMemo(
    () => (lit ? placed.map((node) => litNode(node, lit)) : placed),
    [placed, lit],
  );

  // Edges are not nodes of the graph, so their selection is the canvas's own.
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  useEffect(() => {
    if (selection !== null) setSelectedEdge(null);
  }, [selection]);
  const edges = useMemo(
    () =>
      elements.edges.map((edge) => {
        if (edge.id === selectedEdge)
          return { ...edge, selected: true, zIndex: 1, style: { ...edge.style, ...SELECTED_EDGE } };
        return lit ? litEdge(edge, lit) : edge;
      }),
    [elements, selectedEdge, lit],
  );

  const drawn = useMountBudget(nodes, edges);

  useRevealSelection(selection, elements);
  const clearEdge = useCallback(() => setSelectedEdge(null), []);
  const keys = useCanvasKeys(elements, selectedEdge, clearEdge);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moved: Record<string, XY> = {};
      let sized: Map<string, Size> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) moved[change.id] = change.position;
        else if (change.type === 'dimensions' && change.dimensions) {
          sized ??= new Map();
          sized.set(change.id, change.dimensions);
        } else if (change.type === 'select' && change.selected) select(change.id);
      }
      if (Object.keys(moved).length > 0) {
        setPositions(moved);
        if (bigRef.current) onMoved(moved);
      }
      if (sized) {
        const update = sized;
        setMeasured((old) => new Map([...old, ...update]));
      }
    },
    [select, setPositions, onMoved],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      // Keyboard selection (Enter on a focused edge) arrives here rather than as a click.
      const picked = changes.find((c) => c.type === 'select' && c.selected);
      if (picked?.type === 'select') {
        setSelectedEdge(picked.id);
        select(null);
      }
    },
    [select],
  );

  const { onConnect, isValidConnection, onConnectEnd } = useConnectGesture();

  // Stable handlers: React Flow passes them to every node and edge wrapper, whose memo a new
  // function would defeat, re-rendering all of them on each step of a drag.
  // A group's node is not a graph node: a click on it opens (or collapses) the group, as its
  // button does; zoomed out, the whole node is the button.
  const setGroupOpen = useDesigner((s) => s.setGroupOpen);
  const onNodeClick = useCallback(
    (_: unknown, node: CanvasNode) => {
      const group = node.data.group;
      if (group) setGroupOpen([group.key], !group.open);
      else select(node.id);
    },
    [select, setGroupOpen],
  );
  const onEdgeClick = useCallback(
    (_: unknown, edge: CanvasEdge) => {
      setSelectedEdge(edge.id);
      select(null);
    },
    [select],
  );
  const onPaneClick = useCallback(() => {
    setSelectedEdge(null);
    select(null);
  }, [select]);

  return (
    <div
      className={`flow-canvas${compact ? ' flow-canvas--compact' : ''}`}
      data-theme={theme}
      {...keys.wrapper}
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={drawn.nodes}
        edges={drawn.edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        colorMode={theme}
        // Low enough to fit a few hundred resources in view.
        minZoom={0.05}
        maxZoom={2}
        // The store is the only writer: deletion goes through commands (useDeleteKey).
        deleteKeyCode={null}
        // Space pans only while the canvas has focus (useCanvasKeys).
        panActivationKeyCode={keys.panKey}
        nodesDraggable={keys.nodesDraggable}
        nodesConnectable
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        edgesReconnectable={false}
        // A large view draws only the nodes and edges in view, so it pans as smoothly as a small
        // one; a small graph is drawn whole (and measured whole by the first fit).
        onlyRenderVisibleElements={view.big || elements.nodes.length > GROUP_OPEN_LIMIT}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
      >
        <Background gap={20} />
        <Overview count={elements.nodes.length} />
        <BigGraphBar groups={view.big || view.key.startsWith('focus')} />
        <Controls orientation="horizontal" showInteractive={false} showFitView={false}>
          <FitAllButton />
        </Controls>
        <AddMenu />
        <EdgeLabelLayer />
        <ConnectionHint />
      </ReactFlow>
      <StaleBanner />
    </div>
  );
}

/** A node on the simulated request's path is lit; the others step back. */
function litNode(node: CanvasNode, lit: LitPath): CanvasNode {
  const on = lit.nodes.has(node.id);
  return { ...node, className: on ? 'sim-lit' : 'sim-dim' };
}

/** An edge on the path is drawn thick and moving, labelled with its share of the requests. */
function litEdge(edge: CanvasEdge, lit: LitPath): CanvasEdge {
  const share = lit.edges.get(edge.id);
  if (share === undefined) return { ...edge, className: 'sim-dim', ...simData(edge, 'dim') };
  // The branch a rule splits into carries the share; the edges after it repeat it.
  const label =
    share < 1 && edge.data?.kind === 'route' ? `${formatShare(share)} of requests` : edge.label;
  return {
    ...edge,
    className: 'sim-lit',
    animated: true,
    zIndex: 1,
    label,
    style: { ...edge.style, ...LIT_EDGE },
    ...simData(edge, 'lit'),
  };
}

/** The label layer reads an edge's place on the simulated path from its data. */
function simData(edge: CanvasEdge, sim: 'lit' | 'dim'): Pick<CanvasEdge, 'data'> {
  return edge.data ? { data: { ...edge.data, sim } } : {};
}

/**
 * The minimap, while some of the graph is out of view: it shows where the rest is and takes the
 * user there. When everything is in view it would only cover nodes.
 */
function Overview({ count }: { count: number }) {
  const allInView = useAllInView();
  // Beyond this many nodes the minimap costs more than it shows; Fit all and groups remain.
  if (allInView || count > MINIMAP_LIMIT) return null;
  return <MiniMap pannable zoomable nodeColor={minimapColor} ariaLabel="Minimap" />;
}

/** Every node in view, however small: the way back after a fit that showed one request path. */
function FitAllButton() {
  const { fitView } = useReactFlow();
  return (
    <ControlButton
      className="fit-all"
      onClick={() => void fitView({ padding: 0.04, maxZoom: 1, duration: 250 })}
      title="Fit all"
      aria-label="Fit all"
    >
      Fit all
    </ControlButton>
  );
}

const MINIMAP_LIMIT = 600;

function minimapColor(node: CanvasNode): string {
  return node.data.group ? GROUP_COLOR : KIND_LOOK[node.data.node.kind].color;
}
