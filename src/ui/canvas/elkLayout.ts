import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { XY } from '../../store/designerStore.ts';
import { COLUMN_GAP, ROW_GAP } from './spacing.ts';

/** A node as the layout sees it: a box, with the ports (rule rows) edges may leave from. */
export interface LayoutNode {
  readonly id: string;
  /** The column the node goes in (see layers.ts): ELK's interactive layering reads it from x. */
  readonly layer: number;
  readonly width: number;
  readonly height: number;
  /** Source ports on the right side, with their distance from the node's top. */
  readonly ports?: readonly { readonly id: string; readonly y: number }[];
}

export interface LayoutEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The port (a rule row's id) the edge leaves from. */
  readonly sourcePort?: string;
}

/**
 * Layered, left to right, like the request path it draws. The layers are ours (layers.ts),
 * passed as x positions to the interactive layering; ELK orders the nodes within each layer to
 * avoid crossings and places them. Thoroughness 1 (default 7) keeps 300 resources well under a
 * second. The canvas draws its own edges, so no room is kept between layers for ELK's routes
 * (with it, a hundred bind edges pushed the VirtualServices 600 px away from their Gateway).
 * Model order keeps the manifests' order where crossings do not decide. Connected components
 * are not laid out apart: ELK would start each one at x = 0, putting a Service nothing routes to
 * (and its pods) in the client's column, on top of the client, whatever its layer says.
 */
const OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.thoroughness': '1',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '0',
  'elk.layered.spacing.edgeNodeBetweenLayers': '0',
  'elk.spacing.nodeNode': String(ROW_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
  'elk.separateConnectedComponents': 'false',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Far enough apart that no two layers' nodes overlap in x, which is how ELK tells them apart. */
const LAYER_PITCH = 1000;

let elk: Promise<ELK> | undefined;

/**
 * ELK, loaded once and on demand. In the browser it runs in its own worker (1.6 MB that stays
 * out of the main chunk and off the main thread); where there is no Worker (Node, Vitest) the
 * bundled build runs in-process.
 */
function loadElk(): Promise<ELK> {
  elk ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then((m) => new m.default())
      : Promise.all([
          import('elkjs/lib/elk-api.js'),
          import('elkjs/lib/elk-worker.min.js?url'),
        ]).then(([api, worker]) => new api.default({ workerUrl: worker.default }));
  return elk;
}

/**
 * Starts loading ELK now, so the worker fetches and compiles its 1.6 MB while the app parses the
 * workspace and draws the first graph, rather than after. Failures surface at the first layout.
 */
export function preloadLayoutEngine(): void {
  loadElk().catch(() => {
    elk = undefined;
  });
}

/** Lays the nodes out and returns each node's top-left corner. Rejects if ELK fails. */
export async function elkLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Promise<Record<string, XY>> {
  const ids = new Set(nodes.map((n) => n.id));
  const ports = new Set<string>();
  const children: ElkNode[] = nodes.map((node) => {
    const child: ElkNode = {
      id: node.id,
      width: node.width,
      height: node.height,
      x: node.layer * LAYER_PITCH,
      y: 0,
    };
    if (node.ports && node.ports.length > 0) {
      // Fixed positions: a rule's edges leave from its row, so ELK orders targets by row.
      child.layoutOptions = { 'elk.portConstraints': 'FIXED_POS' };
      child.ports = node.ports.map((port) => {
        ports.add(port.id);
        return { id: port.id, x: node.width, y: port.y, width: 1, height: 1 };
      });
    }
    return child;
  });
  const elkEdges: ElkExtendedEdge[] = [];
  for (const edge of edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const from = edge.sourcePort && ports.has(edge.sourcePort) ? edge.sourcePort : edge.source;
    elkEdges.push({ id: `e|${edge.id}`, sources: [from], targets: [edge.target] });
  }
  const engine = await loadElk();
  const result = await engine.layout({
    id: 'root',
    layoutOptions: OPTIONS,
    children,
    edges: elkEdges,
  });
  const out: Record<string, XY> = {};
  for (const child of result.children ?? []) out[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
  return out;
}
