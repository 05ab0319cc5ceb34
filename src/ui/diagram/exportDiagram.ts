import type { DesignerState } from '../../store/designerStore.ts';
import { selectGraph } from '../../store/selectors.ts';
import { columnLayout } from '../canvas/fallbackLayout.ts';
import { GROUP_OPEN_LIMIT } from '../canvas/grouping.ts';
import { sizeNodes } from '../canvas/nodeSize.ts';
import { toFlowElements } from '../canvas/toFlow.ts';
import { download } from '../toolbar/download.ts';
import { diagramOf } from './diagramModel.ts';
import { type Box, DIAGRAM_FONT, type DiagramSvg, diagramSvg, type Measure } from './diagramSvg.ts';

export interface DiagramChoice {
  readonly format: 'svg' | 'png';
  readonly area: 'all' | 'view';
  readonly theme: 'light' | 'dark';
}

/** The longest side of an exported PNG: browsers refuse canvases much larger. */
const PNG_MAX_SIDE = 8192;
/** PNGs are drawn at twice the CSS size, for sharp text on high-density screens and in print. */
const PNG_SCALE = 2;

/**
 * Whether the canvas draws a large view (collapsed groups, blocks: useGraphView, useBigLayout),
 * whose places the store does not hold: the diagram then shows every node ungrouped, in columns,
 * and the current view cannot be matched.
 */
export function drawnAsLargeView(state: DesignerState): boolean {
  const elements = toFlowElements(selectGraph(state), state.workspace);
  if (elements.nodes.length > GROUP_OPEN_LIMIT) return true;
  return state.groupBy !== 'none' && Object.values(state.groupOpen).includes(false);
}

/** The diagram of the workspace as the canvas places it (nodes not placed yet: in columns). */
export function drawDiagram(state: DesignerState, choice: DiagramChoice): DiagramSvg {
  const elements = toFlowElements(selectGraph(state), state.workspace);
  const places = { ...columnLayout(sizeNodes(elements.nodes, new Map())), ...state.positions };
  const diagram = diagramOf(elements.nodes, elements.edges, places);
  const frame = choice.area === 'view' ? visibleFrame() : undefined;
  const measure = canvasMeasure();
  return diagramSvg(diagram, {
    theme: choice.theme,
    ...(measure ? { measure } : {}),
    ...(frame ? { frame } : {}),
  });
}

/** Draws and downloads the diagram; resolves with the file's name. */
export async function exportDiagram(state: DesignerState, choice: DiagramChoice): Promise<string> {
  const drawn = drawDiagram(state, choice);
  const name = `istio-design${choice.area === 'view' ? '-view' : ''}.${choice.format}`;
  if (choice.format === 'svg') download(name, drawn.svg, 'image/svg+xml');
  else download(name, new Uint8Array(await (await svgToPng(drawn)).arrayBuffer()), 'image/png');
  return name;
}

/**
 * The part of the graph the canvas shows, in graph coordinates: from the viewport's transform
 * (React Flow's translate and scale) and the pane's size.
 */
function visibleFrame(): Box | undefined {
  const pane = document.querySelector<HTMLElement>('.react-flow');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!pane || !viewport) return undefined;
  const matrix = new DOMMatrixReadOnly(getComputedStyle(viewport).transform);
  const zoom = matrix.a || 1;
  const rect = pane.getBoundingClientRect();
  return {
    x: -matrix.e / zoom,
    y: -matrix.f / zoom,
    width: rect.width / zoom,
    height: rect.height / zoom,
  };
}

/** Text widths in the diagram's font, measured by a canvas (no layout needed). */
function canvasMeasure(): Measure | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  return (text, px, bold) => {
    context.font = `${bold ? 600 : 400} ${px}px ${DIAGRAM_FONT}`;
    return context.measureText(text).width;
  };
}

/**
 * The SVG drawn onto a canvas: loaded as an image from a `blob:` URL of this page, which the
 * Content-Security-Policy's `img-src` already allows; an SVG image taints no canvas.
 */
async function svgToPng(drawn: DiagramSvg): Promise<Blob> {
  const scale = Math.min(PNG_SCALE, PNG_MAX_SIDE / Math.max(drawn.width, drawn.height, 1));
  const url = URL.createObjectURL(new Blob([drawn.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(drawn.width * scale));
    canvas.height = Math.max(1, Math.round(drawn.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no canvas to draw on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the browser made no PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
