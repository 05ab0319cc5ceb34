/**
 * What a person sees on the canvas, measured in the page: how tall node names are drawn and
 * which nodes lie outside the graph's pane.
 */
import type { Page } from '@playwright/test';
import { settled } from './app.ts';

export interface SeenName {
  readonly name: string;
  /** The font size on screen: the CSS size times the canvas's zoom. */
  readonly px: number;
}

/** Every node name drawn on the canvas with its on-screen font size. */
export function nodeNameSizes(page: Page): Promise<SeenName[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node .cnode__name')].map((el) => {
      const zoom = el.getBoundingClientRect().height / el.offsetHeight;
      return {
        name: el.textContent ?? '',
        px: Math.round(Number.parseFloat(getComputedStyle(el).fontSize) * zoom * 10) / 10,
      };
    }),
  );
}

/** The smallest node name on screen, in pixels (Infinity when no node is drawn). */
export async function smallestNamePx(page: Page): Promise<number> {
  return Math.min(...(await nodeNameSizes(page)).map((n) => n.px));
}

/** The accessible names of nodes not wholly inside the canvas's pane. */
export function nodesOutsidePane(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return ['(no canvas)'];
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return (
          r.left < pane.left - 1 ||
          r.top < pane.top - 1 ||
          r.right > pane.right + 1 ||
          r.bottom > pane.bottom + 1
        );
      })
      .map((el) => el.getAttribute('aria-label') ?? el.dataset.id ?? '?');
  });
}

/** Pairs of nodes drawn over each other (their boxes intersect), by accessible name. */
export function overlappingNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((el) => ({
      name: el.getAttribute('aria-label') ?? el.dataset.id ?? '?',
      r: el.getBoundingClientRect(),
    }));
    const out: string[] = [];
    nodes.forEach((a, i) => {
      for (const b of nodes.slice(i + 1))
        if (
          a.r.left < b.r.right - 1 &&
          b.r.left < a.r.right - 1 &&
          a.r.top < b.r.bottom - 1 &&
          b.r.top < a.r.bottom - 1
        )
          out.push(`${a.name} × ${b.name}`);
    });
    return out;
  });
}

/** How much of the pane the nodes cover, left to right and top to bottom (0 to 1 each). */
export function spanOfPane(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const rects = [...document.querySelectorAll('.react-flow__node')].map((el) =>
      el.getBoundingClientRect(),
    );
    if (!pane || rects.length === 0) return { x: 0, y: 0 };
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    const top = Math.min(...rects.map((r) => r.top));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return { x: (right - left) / pane.width, y: (bottom - top) / pane.height };
  });
}

/**
 * Waits until the canvas stops moving: the layout placed every node and the view's fit ended
 * (two reads in a row agree on the view and on every node's place).
 */
export async function canvasAtRest(page: Page): Promise<void> {
  await settled(() =>
    page.evaluate(() => [
      (document.querySelector('.react-flow__viewport') as HTMLElement | null)?.style.transform,
      ...[...document.querySelectorAll<HTMLElement>('.react-flow__node')].map(
        (el) => el.style.transform,
      ),
    ]),
  );
}
