/**
 * Import → graph, as a user with a big workspace does it: the Import dialog, a file picked (or
 * the text pasted with Ctrl+V), Import; timed on the page's clock from the Import click to the first frame
 * whose graph shows the workspace, with the long tasks of the whole import and the heap after it.
 */
import type { Page } from '@playwright/test';
import { type LongTasks, longTasksBetween, untilQuiet } from './longTasks.ts';
import { withTimeout } from './measures.ts';

/** Nodes of the generated workspaces (namespaces `team-<i>`; the example has none). */
const GENERATED =
  '[data-resource*="/team-"], [data-represents*="/team-"], [data-group^="namespace:team-"]';

type ImportWindow = Window & { __import?: Promise<ImportTimes> };

interface ImportTimes {
  readonly click: number;
  readonly attached: number;
  readonly visible: number;
}

export interface ImportFigures {
  /** Import click → an element matching `target` attached. */
  readonly attached?: number;
  /** Import click → the dialog closed and a node of the workspace visible. */
  readonly visible?: number;
  /** The long tasks from the click until the page was quiet (no long task for 1 s). */
  readonly tasks?: LongTasks;
  /** Ctrl+V → the text area holds the whole text, for a paste. */
  readonly fillMs?: number;
}

/**
 * Imports `text` through the Import dialog (`via` a picked file, as `importText` does, or pasted
 * into the text area) and times it. Figures missing from the answer did not come within
 * `timeoutMs` (then the page may still be frozen: the caller should close it).
 */
export async function importToGraph(
  page: Page,
  text: string,
  target: string,
  via: 'file' | 'paste',
  timeoutMs: number,
): Promise<ImportFigures> {
  // Actions wait without Playwright's own limit (a click on a page busy importing returns only
  // when the page is free again): `done` bounds them, false when they failed or took too long.
  const done = (action: Promise<void>, ms = timeoutMs) =>
    withTimeout(
      action.then(
        () => true,
        () => false,
      ),
      ms,
    );
  if (
    !(await done(page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 0 })))
  )
    return {};
  const dialog = page.getByRole('dialog');
  let fillMs: number | undefined;
  if (via === 'file')
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'workspace.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(text),
    });
  else {
    // A real paste (Ctrl+V from the clipboard), not Playwright's fill: fill types the text through
    // Chromium's insertText, which takes 87 s for 100 kB in a text area whatever the app does.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    if (!(await done(page.evaluate((copied) => navigator.clipboard.writeText(copied), text))))
      return {};
    const area = dialog.locator('textarea');
    await area.focus();
    const start = Date.now();
    const pasted = page.keyboard.press('Control+V').then(() =>
      area.evaluate(
        (node, length) =>
          new Promise<void>((resolve) => {
            // The whole text in the area, or the dialog's note that it holds a big paste aside.
            const check = () => {
              const value = (node as HTMLTextAreaElement).value;
              if (value.length >= length || value.startsWith('Pasted ')) resolve();
              else setTimeout(check, 20);
            };
            check();
          }),
        text.length,
      ),
    );
    if (!(await done(pasted))) return {};
    fillMs = Date.now() - start;
  }
  await armImportClock(page, target);
  const deadline = Date.now() + timeoutMs;
  const submit = dialog.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 0 });
  if (!(await done(submit))) return fillMs === undefined ? {} : { fillMs };
  const times = await withTimeout(
    page.evaluate(() => (window as ImportWindow).__import as Promise<ImportTimes>),
    Math.max(0, deadline - Date.now()),
  );
  if (!times) return fillMs === undefined ? {} : { fillMs };
  const quiet = await untilQuiet(page);
  const tasks = await longTasksBetween(page, times.click, quiet ?? Number.POSITIVE_INFINITY);
  return {
    attached: times.attached - times.click,
    visible: times.visible - times.click,
    ...(tasks ? { tasks } : {}),
    ...(fillMs === undefined ? {} : { fillMs }),
  };
}

/**
 * Arms, in the page, a clock started by the click on the dialog's Import button (the event's
 * time) and stopped at the first frame with `target` in the DOM and the first frame with the
 * dialog closed and a generated node visible (React Flow hides nodes until it has measured them).
 */
async function armImportClock(page: Page, target: string): Promise<void> {
  await page.evaluate(
    ([wanted, generated]) => {
      (window as ImportWindow).__import = new Promise((resolve) => {
        const onClick = (event: MouseEvent) => {
          if (!(event.target as Element).closest('dialog button[type="submit"]')) return;
          document.removeEventListener('click', onClick, true);
          const click = event.timeStamp;
          let attached: number | undefined;
          let visible: number | undefined;
          const tick = () => {
            const now = performance.now();
            if (attached === undefined && document.querySelector(wanted)) attached = now;
            if (
              visible === undefined &&
              !document.querySelector('dialog[open]') &&
              [...document.querySelectorAll(generated)].some((node) =>
                node.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
              )
            )
              visible = now;
            if (attached !== undefined && visible !== undefined)
              resolve({ click, attached, visible });
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        };
        document.addEventListener('click', onClick, true);
      });
    },
    [target, GENERATED] as const,
  );
}

/** The JS heap in use after a full garbage collection (CDP), in bytes; undefined if stuck. */
export async function heapAfterGc(page: Page): Promise<number | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await withTimeout(
      (async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      })(),
      20_000,
    );
  } finally {
    await withTimeout(cdp.detach(), 1000);
  }
}
