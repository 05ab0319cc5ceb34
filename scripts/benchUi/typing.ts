/**
 * Typing in the editor on a big workspace: key press → graph end to end (the editor's typing
 * pause included) with the longest task meanwhile, and how fast each key of a quick burst shows
 * in the editor itself (its echo), which no amount of background work should delay.
 */
import type { Page } from '@playwright/test';
import { longTasksBetween } from './longTasks.ts';
import { graphShows, keyToGraph, median, sleep, withTimeout } from './measures.ts';

export interface Keystrokes {
  /** Median ms of the presses measured (undefined when even the first did not come in time). */
  readonly median?: number;
  readonly presses: number;
  /** The longest task from a press to its graph, over every press (undefined if unknown). */
  readonly maxTask?: number;
  /** The name the Gateway has after the presses. */
  readonly name: string;
}

/**
 * Presses `x` at the end of the Gateway's name (the cursor is there) up to `presses` times, each
 * time until the graph shows the renamed Gateway; stops early once `budgetMs` is spent, so a slow
 * size still gives a median of the presses it had time for.
 */
export async function keystrokesToGraph(
  page: Page,
  gateway: { namespace: string; name: string },
  presses: number,
  budgetMs: number,
  timeoutMs: number,
): Promise<Keystrokes> {
  const times: number[] = [];
  let maxTask: number | undefined = 0;
  let name = gateway.name;
  const deadline = Date.now() + budgetMs;
  for (let run = 0; run < presses && Date.now() < deadline; run++) {
    const next = `${name}x`;
    const press = await keyToGraph(
      page,
      'x',
      graphShows(`Gateway/${gateway.namespace}/${next}`),
      timeoutMs,
    );
    if (!press) break;
    name = next;
    times.push(press.ms);
    const tasks = await longTasksBetween(page, press.from, press.to);
    maxTask =
      tasks === undefined || maxTask === undefined ? undefined : Math.max(maxTask, tasks.max);
  }
  return {
    ...(times.length > 0 ? { median: median(times) } : {}),
    presses: times.length,
    ...(maxTask === undefined ? {} : { maxTask }),
    name,
  };
}

type EchoWindow = Window & { __echo?: { keys: number[]; echoes: number[] } };

export interface Echo {
  /** The slowest key: its keydown → the editor's DOM holding it, ms. */
  readonly max: number;
  /** First keydown → the last key in the editor's DOM, ms. */
  readonly total: number;
}

/**
 * Types `keys` one every `spacingMs` (a fast typist) after `before`, the text just left of the
 * cursor (no spaces: Monaco draws them as no-break spaces), and times each key from its event
 * to the DOM change that shows it in the editor (Monaco writes lines in an animation frame, so
 * that frame paints it). Undefined when the keys are not all shown within `timeoutMs`.
 */
export async function typingEcho(
  page: Page,
  before: string,
  keys: string,
  spacingMs: number,
  timeoutMs: number,
): Promise<Echo | undefined> {
  await page.evaluate(
    ([prefix, typed]) => {
      const state = { keys: [] as number[], echoes: [] as number[] };
      (window as EchoWindow).__echo = state;
      const lines = document.querySelector('.monaco-editor .view-lines') as Element;
      window.addEventListener(
        'keydown',
        (event) => {
          if (typed.includes(event.key) && state.keys.length < typed.length)
            state.keys.push(event.timeStamp);
        },
        { capture: true },
      );
      const look = () => {
        const shown = lines.textContent ?? '';
        while (
          state.echoes.length < typed.length &&
          shown.includes(prefix + typed.slice(0, state.echoes.length + 1))
        )
          state.echoes.push(performance.now());
        if (state.echoes.length === typed.length) observer.disconnect();
      };
      const observer = new MutationObserver(look);
      observer.observe(lines, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    },
    [before, keys] as const,
  );
  const typed = await withTimeout(
    (async () => {
      const start = Date.now();
      for (const [i, key] of [...keys].entries()) {
        await sleep(start + i * spacingMs - Date.now());
        await page.keyboard.press(key);
      }
      await page.waitForFunction(
        (count) => (window as EchoWindow).__echo?.echoes.length === count,
        keys.length,
        {
          timeout: 0,
          polling: 50,
        },
      );
      return page.evaluate(() => (window as EchoWindow).__echo);
    })(),
    timeoutMs,
  );
  if (!typed) return undefined;
  const latencies = typed.echoes.map((echo, i) => echo - (typed.keys[i] ?? echo));
  return {
    max: Math.max(...latencies),
    total: (typed.echoes.at(-1) ?? 0) - (typed.keys[0] ?? 0),
  };
}
