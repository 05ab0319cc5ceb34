/**
 * Main-thread long tasks (> 50 ms, the Long Tasks API) recorded in the page from its first
 * script, so the benchmark can ask "what was the longest task between these two moments?".
 */
import type { BrowserContext, Page } from '@playwright/test';
import { sleep, withTimeout } from './measures.ts';

type LongTaskWindow = Window & { __longTasks?: { start: number; duration: number }[] };

/** Records every long task of every page of `context` (buffered: the first ones too). */
export async function recordLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as LongTaskWindow).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export interface LongTasks {
  /** The longest task, in ms (0 when none passed 50 ms). */
  readonly max: number;
  /** How many tasks took more than 200 ms (the import budget's limit). */
  readonly over200: number;
}

/** The page's long tasks that started in [from, to] (page clock); undefined if the page is stuck. */
export async function longTasksBetween(
  page: Page,
  from: number,
  to: number,
): Promise<LongTasks | undefined> {
  // A task is reported once it ends: a frame's wait lets the observer deliver the last one.
  await sleep(50);
  return withTimeout(
    page.evaluate(
      ([start, end]) => {
        const tasks = ((window as LongTaskWindow).__longTasks ?? []).filter(
          (task) => task.start + task.duration >= start && task.start <= end,
        );
        return {
          max: Math.max(0, ...tasks.map((task) => task.duration)),
          over200: tasks.filter((task) => task.duration > 200).length,
        };
      },
      [from, to] as const,
    ),
    10_000,
  );
}

/**
 * Waits until the page has had no long task for `quietMs` (the work an import or an edit sets off
 * after its first frame: checks, layout, re-renders), at most `capMs`; returns the page time then.
 */
export async function untilQuiet(
  page: Page,
  quietMs = 1000,
  capMs = 15_000,
): Promise<number | undefined> {
  const deadline = Date.now() + capMs;
  while (Date.now() < deadline) {
    await sleep(250);
    const quiet = await withTimeout(
      page.evaluate((window_) => {
        const now = performance.now();
        const busy = ((window as LongTaskWindow).__longTasks ?? []).some(
          (task) => task.start + task.duration > now - window_,
        );
        return busy ? undefined : now;
      }, quietMs),
      capMs,
    );
    if (quiet !== undefined) return quiet;
  }
  return undefined;
}
