import { COMPACT_NAME_PX } from './blockLayout.ts';
import { NAME_FONT_PX } from './readableFit.ts';

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/**
 * How wide a node name is drawn (`.cnode__name`: semibold, NAME_FONT_PX, the page's font), in
 * CSS pixels at zoom 1. Measured with a canvas, which needs no layout; cached, since the same
 * names are drawn again on every graph. Falls back to an average glyph width without a canvas.
 */
export function nameWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  context ??= createContext();
  const width = context ? context.measureText(text).width : text.length * NAME_FONT_PX * 0.6;
  widths.set(text, width);
  return width;
}

function createContext(): CanvasRenderingContext2D | null {
  if (typeof document === 'undefined') return null;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  ctx.font = `600 ${NAME_FONT_PX}px ${family}`;
  return ctx;
}

/**
 * How wide a node must be for its name in the compact font (zoomed out: COMPACT_NAME_PX, lines
 * broken after hyphens and spaces, bigGraph.css): the widest of those pieces, so `istio-ingressgateway`
 * reads as "istio-" over "ingressgateway" and `client` is never cut into "clien" and "t".
 */
export function compactNameWidth(text: string): number {
  // A hyphen stays on its line; a space at a break is not drawn.
  const pieces = text.split(/\s+/).flatMap((word) => word.match(/[^-]*-?/g) ?? [word]);
  const widest = Math.max(0, ...pieces.map((piece) => nameWidth(piece)));
  return (widest * COMPACT_NAME_PX) / NAME_FONT_PX;
}
