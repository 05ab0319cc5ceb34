/**
 * Frames dropped while panning: the mouse drags the canvas from an empty spot of the pane while
 * a requestAnimationFrame loop in the page records every frame's interval.
 */
import type { Page } from '@playwright/test';
import { sleep, withTimeout } from './measures.ts';

/** One frame at 60 Hz; an interval over 1.5 frames means at least one frame was missed. */
const FRAME_MS = 1000 / 60;

type FrameWindow = Window & { __frames?: { intervals: number[]; stop: boolean } };

export interface Panning {
  readonly frames: number;
  /** Frames missed: each interval over 1.5 frames counts its length in frames, less one. */
  readonly dropped: number;
  readonly longestFrame: number;
}

/**
 * Drags the pane by (-300, -150) px in `steps` moves about a frame apart. A sentence instead when
 * the pane has no empty spot to grab or the drag does not finish within `timeoutMs`.
 */
export async function panFrames(
  page: Page,
  steps: number,
  timeoutMs: number,
): Promise<Panning | string> {
  const spot = await withTimeout(page.evaluate(emptySpot), timeoutMs);
  if (!spot) return 'no empty spot on the pane';
  const panned = await withTimeout(
    (async () => {
      await page.mouse.move(spot.x, spot.y);
      await page.evaluate(() => {
        const record = { intervals: [] as number[], stop: false };
        (window as FrameWindow).__frames = record;
        let last = performance.now();
        const frame = (now: number) => {
          record.intervals.push(now - last);
          last = now;
          if (!record.stop) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.mouse.down();
      for (let step = 1; step <= steps; step++) {
        await page.mouse.move(spot.x - (300 * step) / steps, spot.y - (150 * step) / steps);
        await sleep(FRAME_MS);
      }
      await page.mouse.up();
      const intervals = await page.evaluate(() => {
        const record = (window as FrameWindow).__frames;
        if (record) record.stop = true;
        // The first interval runs from arming to the first frame, not between two frames.
        return record?.intervals.slice(1) ?? [];
      });
      const missed = intervals
        .filter((ms) => ms > 1.5 * FRAME_MS)
        .map((ms) => Math.round(ms / FRAME_MS) - 1);
      return {
        frames: intervals.length,
        dropped: missed.reduce((sum, n) => sum + n, 0),
        longestFrame: Math.max(0, ...intervals),
      };
    })(),
    timeoutMs,
  );
  return panned ?? `did not finish within ${timeoutMs / 1000} s`;
}

/**
 * A point of the React Flow pane with nothing on it (no node, edge, label, minimap or control),
 * searched on a grid from the top left, with room to drag up and left; undefined if none.
 */
function emptySpot(): { x: number; y: number } | undefined {
  const pane = document.querySelector('.react-flow__pane');
  if (!pane) return undefined;
  const box = pane.getBoundingClientRect();
  for (let row = 1; row < 20; row++)
    for (let column = 1; column < 20; column++) {
      const x = box.left + 320 + ((box.width - 340) * column) / 20;
      const y = box.top + 170 + ((box.height - 190) * row) / 20;
      if (document.elementFromPoint(x, y) === pane) return { x, y };
    }
  return undefined;
}
