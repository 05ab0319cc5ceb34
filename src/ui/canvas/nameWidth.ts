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
