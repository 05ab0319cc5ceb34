import { BAND_GAP } from '../canvas/bands.ts';
import {
  type Cubic,
  type LabelRequest,
  placeLabels,
  pointOnCubic,
} from '../canvas/edgeGeometry.ts';
import { backwardPath, runsBackward } from '../canvas/wrapPath.ts';

/**
 * The graph as a stand-alone SVG document, drawn from the canvas's nodes and places (pure: no
 * DOM, no React Flow). Text is SVG text, not a picture of the screen: it stays sharp at any
 * size, can be searched and read, and needs no external font or image (nothing to load, which
 * the page's Content-Security-Policy would refuse anyway).
 */

export interface DiagramRow {
  /** Bold first line: a rule's name, a listener's name and port. */
  readonly title: string;
  /** Lines under it: the match, the actions, a listener's hostname and routes. */
  readonly lines: readonly string[];
  /** The row's own edges leave from here (a rule's handle): its id is the edge's `fromRow`. */
  readonly id: string;
}

export interface DiagramNode {
  readonly id: string;
  /** `Gateway · istio-system`. */
  readonly title: string;
  readonly name: string;
  readonly glyph: string;
  readonly color: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The node's facts, one per line. */
  readonly lines: readonly string[];
  readonly rows: readonly DiagramRow[];
  /** Drawn dashed: a thing the manifests imply but do not hold. */
  readonly implied?: boolean;
}

export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The row of the source node the edge leaves from. */
  readonly fromRow?: string;
  readonly label?: string;
  readonly color: string;
  readonly width: number;
  readonly dash?: string;
  readonly arrow: boolean;
  /** Where along the edge its label sits (0 to 1). */
  readonly labelAt?: number;
}

export interface Diagram {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How wide `text` is drawn at `px` (bold or not), in the diagram's font. */
export type Measure = (text: string, px: number, bold: boolean) => number;

export interface SvgOptions {
  readonly theme: 'light' | 'dark';
  /** The part of the graph to draw (the canvas's current view); the whole graph without one. */
  readonly frame?: Box;
  /** Measures text; an average glyph width without one (tests, no canvas). */
  readonly measure?: Measure;
}

export interface DiagramSvg {
  readonly svg: string;
  /** The drawing's size in CSS pixels (a PNG is drawn at a multiple of it). */
  readonly width: number;
  readonly height: number;
}

/** The fonts the page itself uses: installed ones only, nothing to download. */
export const DIAGRAM_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";

const PALETTE = {
  light: {
    background: '#f8fafc',
    node: '#ffffff',
    border: '#cbd5e1',
    text: '#0f172a',
    muted: '#475569',
    rule: '#e2e8f0',
    labelBg: '#ffffff',
  },
  dark: {
    background: '#0f172a',
    node: '#1e293b',
    border: '#475569',
    text: '#f1f5f9',
    muted: '#cbd5e1',
    rule: '#334155',
    labelBg: '#1e293b',
  },
} as const;

/** Heights inside a node, close to the canvas's (nodeSize.ts) so places taken from it still fit. */
const M = { header: 46, line: 17, rowTitle: 20, rowLine: 16, rowPad: 8, bottom: 8, pad: 12 };
const NAME_PX = 14;
const TEXT_PX = 12;
const SMALL_PX = 11;
const LABEL_PX = 11;
const LABEL_HEIGHT = 18;
/** A name shrinks down to this size before it is squeezed: a name is never cut. */
const NAME_MIN_PX = 10.5;
const MARGIN = 24;

const averageMeasure: Measure = (text, px, bold) => [...text].length * px * (bold ? 0.62 : 0.56);

/** The height a node is drawn with, and where each row's edges leave (from the node's top). */
export function nodeLayout(node: DiagramNode): { height: number; ports: Map<string, number> } {
  let y = M.header + node.lines.length * M.line + (node.lines.length > 0 ? 6 : 0);
  const ports = new Map<string, number>();
  for (const row of node.rows) {
    const height = rowHeight(row);
    ports.set(row.id, y + height / 2);
    y += height;
  }
  return { height: y + M.bottom, ports };
}

const rowHeight = (row: DiagramRow) => M.rowPad * 2 + M.rowTitle + row.lines.length * M.rowLine - 4;

/** The box that holds every node, with a margin. */
export function diagramBounds(diagram: Diagram): Box {
  if (diagram.nodes.length === 0) return { x: 0, y: 0, width: 2 * MARGIN, height: 2 * MARGIN };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const node of diagram.nodes) {
    left = Math.min(left, node.x);
    top = Math.min(top, node.y);
    right = Math.max(right, node.x + node.width);
    bottom = Math.max(bottom, node.y + nodeLayout(node).height);
  }
  return {
    x: left - MARGIN,
    y: top - MARGIN,
    width: right - left + 2 * MARGIN,
    height: bottom - top + 2 * MARGIN,
  };
}

export function diagramSvg(diagram: Diagram, options: SvgOptions): DiagramSvg {
  const colors = PALETTE[options.theme];
  const measure = options.measure ?? averageMeasure;
  const box = options.frame ?? diagramBounds(diagram);
  const layouts = new Map(diagram.nodes.map((node) => [node.id, nodeLayout(node)]));
  // In a frame, only what can be seen in it: the file then holds no text the picture hides.
  const nodes = diagram.nodes.filter((node) =>
    overlaps(box, { ...node, height: layouts.get(node.id)?.height ?? 0 }),
  );
  const shown = new Set(nodes.map((node) => node.id));
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const edges = diagram.edges.filter((edge) => shown.has(edge.source) || shown.has(edge.target));

  const out: string[] = [];
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}" font-family="${attr(DIAGRAM_FONT)}">`,
  );
  out.push(`<title>Istio Designer diagram</title>`);
  const colorsUsed = [...new Set(edges.filter((e) => e.arrow).map((e) => e.color))];
  out.push('<defs>');
  colorsUsed.forEach((color, i) => {
    out.push(
      `<marker id="arrow-${i}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${attr(color)}"/></marker>`,
    );
  });
  out.push('</defs>');
  out.push(
    `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="${colors.background}"/>`,
  );

  const labels: (LabelRequest & { readonly text: string; readonly color: string })[] = [];
  out.push('<g class="edges" fill="none">');
  for (const edge of edges) {
    const from = byId.get(edge.source);
    const to = byId.get(edge.target);
    if (!from || !to) continue;
    const fromLayout = layouts.get(from.id);
    const toLayout = layouts.get(to.id);
    const portY = edge.fromRow === undefined ? undefined : fromLayout?.ports.get(edge.fromRow);
    const start = { x: from.x + from.width, y: from.y + (portY ?? (fromLayout?.height ?? 0) / 2) };
    const end = { x: to.x, y: to.y + (toLayout?.height ?? 0) / 2 };
    const curve = route(start, end, to.y);
    const marker = edge.arrow ? ` marker-end="url(#arrow-${colorsUsed.indexOf(edge.color)})"` : '';
    const dash = edge.dash ? ` stroke-dasharray="${attr(edge.dash)}"` : '';
    out.push(
      `<path d="${curve.d}" stroke="${attr(edge.color)}" stroke-width="${num(edge.width)}"${dash}${marker}><title>${text(edge.label ?? '')}</title></path>`,
    );
    if (edge.label)
      labels.push({
        id: edge.id,
        curve: curve.curve,
        width: measure(edge.label, LABEL_PX, false) + 10,
        height: LABEL_HEIGHT,
        prefer: edge.labelAt ?? 0.5,
        text: edge.label,
        color: edge.color,
      });
  }
  out.push('</g>');
  // Placed as the canvas places them (edgeGeometry.ts): along their edge, off the nodes, never
  // on another label.
  const places = placeLabels(
    labels,
    nodes.map((node) => ({ ...node, height: layouts.get(node.id)?.height ?? 0 })),
  );
  const labelParts = labels.map((label) => {
    const [x, y] = places.get(label.id) ?? pointOnCubic(label.curve, label.prefer);
    const w = label.width;
    return `<g class="label"><rect x="${num(x - w / 2)}" y="${num(y - LABEL_HEIGHT / 2)}" width="${num(w)}" height="${LABEL_HEIGHT}" rx="4" fill="${colors.labelBg}" stroke="${attr(label.color)}" stroke-width="1"/><text x="${num(x)}" y="${num(y + 4)}" font-size="${LABEL_PX}" text-anchor="middle" fill="${colors.text}">${text(label.text)}</text></g>`;
  });

  for (const node of nodes) {
    const layout = layouts.get(node.id);
    if (layout) out.push(drawNode(node, layout.height, colors, measure));
  }
  out.push(...labelParts);
  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height };
}

type Colors = (typeof PALETTE)['light' | 'dark'];

function drawNode(node: DiagramNode, height: number, c: Colors, measure: Measure): string {
  const { x, y, width } = node;
  const room = width - M.pad * 2;
  const parts: string[] = [`<g class="node" data-id="${attr(node.id)}">`];
  parts.push(
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="8" fill="${c.node}" stroke="${node.implied ? attr(node.color) : c.border}"${node.implied ? ' stroke-dasharray="5 3"' : ''}/>`,
  );
  // The kind's colour on the left edge, as the canvas shows it.
  parts.push(
    `<rect x="${num(x)}" y="${num(y + 2)}" width="4" height="${num(height - 4)}" rx="2" fill="${attr(node.color)}"/>`,
  );
  const badgeX = x + M.pad + 13;
  const badgeY = y + 23;
  parts.push(
    `<circle cx="${num(badgeX)}" cy="${num(badgeY)}" r="14" fill="${attr(node.color)}"/>`,
    `<text x="${num(badgeX)}" y="${num(badgeY + 3.5)}" font-size="${node.glyph.length > 2 ? 8.5 : 10}" font-weight="700" text-anchor="middle" fill="#ffffff">${text(node.glyph)}</text>`,
  );
  const textX = x + M.pad + 34;
  const textRoom = width - (M.pad + 34) - M.pad;
  parts.push(line(node.title, textX, y + 18, SMALL_PX, false, c.muted, textRoom, measure));
  parts.push(nameText(node.name, textX, y + 36, textRoom, c.text, measure));
  let top = y + M.header;
  for (const fact of node.lines) {
    top += M.line;
    parts.push(line(fact, x + M.pad, top - 4, TEXT_PX, false, c.muted, room, measure));
  }
  if (node.lines.length > 0) top += 6;
  for (const row of node.rows) {
    const h = rowHeight(row);
    parts.push(
      `<line x1="${num(x + 1)}" y1="${num(top)}" x2="${num(x + width - 1)}" y2="${num(top)}" stroke="${c.rule}"/>`,
    );
    let ry = top + M.rowPad + 13;
    parts.push(line(row.title, x + M.pad, ry, TEXT_PX, true, c.text, room, measure));
    for (const detail of row.lines) {
      ry += M.rowLine;
      parts.push(line(detail, x + M.pad, ry, SMALL_PX, false, c.muted, room, measure));
    }
    top += h;
  }
  parts.push('</g>');
  return parts.join('');
}

/** A node's name: whole, smaller when long, squeezed only when even that is too wide. */
function nameText(
  name: string,
  x: number,
  y: number,
  room: number,
  fill: string,
  measure: Measure,
) {
  let px = NAME_PX;
  while (px > NAME_MIN_PX && measure(name, px, true) > room) px -= 0.5;
  const squeeze =
    measure(name, px, true) > room
      ? ` textLength="${num(room)}" lengthAdjust="spacingAndGlyphs"`
      : '';
  return `<text x="${num(x)}" y="${num(y)}" font-size="${px}" font-weight="600" fill="${fill}"${squeeze}>${text(name)}</text>`;
}

/** A line of detail, cut at its end with "…" when too wide (the whole text is its tooltip). */
function line(
  value: string,
  x: number,
  y: number,
  px: number,
  bold: boolean,
  fill: string,
  room: number,
  measure: Measure,
): string {
  let shown = value;
  if (measure(value, px, bold) > room) {
    const chars = [...value];
    let keep = chars.length;
    while (keep > 1 && measure(`${chars.slice(0, keep).join('')}…`, px, bold) > room) keep--;
    shown = `${chars.slice(0, keep).join('')}…`;
  }
  const tip = shown === value ? '' : `<title>${text(value)}</title>`;
  return `<text x="${num(x)}" y="${num(y)}" font-size="${px}"${bold ? ' font-weight="600"' : ''} fill="${fill}">${tip}${text(shown)}</text>`;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * The edge's path as the canvas draws it: a bezier, or for an edge that wraps back to the next
 * band of the layout, the run through the gap above the target's band (wrapPath.ts).
 */
function route(s: Point, t: Point, targetTop: number): { d: string; curve: Cubic } {
  if (!runsBackward(s.x, t.x)) return bezier(s, t);
  const [d, curve] = backwardPath(s, t, targetTop - BAND_GAP / 2);
  return { d, curve };
}

/** React Flow's bezier between a right and a left handle: the same curve in the picture. */
function bezier(s: Point, t: Point): { d: string; curve: Cubic } {
  const dx = t.x - s.x;
  const offset = dx >= 0 ? dx / 2 : 0.25 * 25 * Math.sqrt(-dx);
  const curve: Cubic = [
    [s.x, s.y],
    [s.x + offset, s.y],
    [t.x - offset, t.y],
    [t.x, t.y],
  ];
  const [a, b, c, d] = curve.map(([x, y]) => `${num(x)},${num(y)}`);
  return { d: `M${a} C${b} ${c} ${d}`, curve };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Text content: names come from YAML and may hold markup or characters XML forbids (control
 * characters), which would make the file unreadable: escaped, or replaced by U+FFFD.
 */
export function text(value: string): string {
  let clean = '';
  for (const ch of value) clean += xmlAllows(ch) ? ch : '\ufffd';
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** XML 1.0's Char production: tab, newlines, and no other control character, lone surrogate or U+FFFE/F. */
function xmlAllows(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}
