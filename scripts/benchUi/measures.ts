/**
 * What the UI benchmark measures in the page, with the page's own clock
 * (`performance.now()` counts from navigation start), so Playwright's round trips add nothing.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';

const GATEWAY = '[data-kind="gateway"]';
const EDITOR_LINES = '.monaco-editor .view-lines';

/** Where the in-page halves leave their figures (a cast, so the app's Window type stays clean). */
type BenchWindow = Window & { __firstGraph?: number; __toGraph?: Promise<KeyToGraph> };

/** One key press → graph: its duration and its span on the page's clock (for its long tasks). */
export interface KeyToGraph {
  readonly ms: number;
  readonly from: number;
  readonly to: number;
}

/**
 * What stands for `resource` (`Kind/namespace/name`) in the graph: its node, or — once big graphs
 * are collapsed into groups or summaries — any element whose space-separated `data-represents`
 * attribute names it. An app that hides a resource inside a group marks the group that way, and
 * every figure that waits for "the graph shows X" keeps meaning the same thing.
 */
export function graphShows(resource: string): string {
  return `[data-resource="${resource}"], [data-represents~="${resource}"]`;
}

/** `promise`'s value, or undefined when it has not settled within `ms` (a frozen page never hangs us). */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A namespace's collapsed group (`data-group="namespace:<ns>"`, as the canvas's grouping marks
 * it): it stands for every resource of the namespace, so it can say "the import reached this
 * namespace", never "this resource changed".
 */
export function namespaceGroup(namespace: string): string {
  return `[data-group="namespace:${namespace}"]`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions of the callbacks we hand to
 * the page in `__name(…)`: an identity `__name` there lets them run as written.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript('window.__name = (fn) => fn;');
  return context;
}

/**
 * Navigation start → first frame with a Gateway node visible (React Flow keeps nodes hidden
 * until measured, so presence in the DOM is not enough). A fresh context each time: a first visit.
 */
export async function timeToFirstGraph(browser: Browser, url: string): Promise<number> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript((selector) => {
      const tick = () => {
        const node = document.querySelector(selector);
        if (node?.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
          (window as BenchWindow).__firstGraph = performance.now();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, GATEWAY);
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as BenchWindow).__firstGraph);
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Time from one key press in the editor (the key event's own time, so a busy page's queueing
 * counts) to the first frame whose graph holds `selector`; undefined when that takes longer than
 * `timeoutMs`. The listener is armed before the key is sent, so the press cannot be missed.
 */
export async function keyToGraph(
  page: Page,
  key: string,
  selector: string,
  timeoutMs = 30_000,
): Promise<KeyToGraph | undefined> {
  await page.evaluate((wanted) => {
    (window as BenchWindow).__toGraph = new Promise((resolve) => {
      window.addEventListener(
        'keydown',
        (event) => {
          const from = event.timeStamp;
          const tick = () => {
            const now = performance.now();
            if (document.querySelector(wanted)) resolve({ ms: now - from, from, to: now });
            else requestAnimationFrame(tick);
          };
          tick();
        },
        { capture: true, once: true },
      );
    });
  }, selector);
  return withTimeout(
    (async () => {
      await page.keyboard.press(key);
      return page.evaluate(() => (window as BenchWindow).__toGraph as Promise<KeyToGraph>);
    })(),
    timeoutMs,
  );
}

/** Puts the editor's cursor at the end of the first line in view that contains `text`. */
export async function cursorAtEndOf(page: Page, text: string): Promise<void> {
  await page.locator(EDITOR_LINES).locator('.view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.locator(EDITOR_LINES).waitFor();
}

/**
 * Replaces the workspace with `text` picked as a file in the Import dialog, as a user with a big
 * file would (filling the text area with 100 kB through the keyboard path takes Chromium ages).
 */
export async function importText(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'workspace.yaml',
    mimeType: 'text/yaml',
    buffer: Buffer.from(text),
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
