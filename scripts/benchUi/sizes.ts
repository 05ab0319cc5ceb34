/**
 * Issue 14's measurements at one workspace size, in a fresh page of its own: import → graph,
 * heap, keystroke → graph, typing echo and panning; each printed as a table row against the
 * issue's budgets (which are for 1,000 resources, so they are checked up to that size).
 */
import type { Browser, Page } from '@playwright/test';
import { generateIssueWorkspaceText, lastIssueGateway } from '../generateWorkspace.ts';
import { heapAfterGc, importToGraph } from './importToGraph.ts';
import { recordLongTasks } from './longTasks.ts';
import {
  cursorAtEndOf,
  graphShows,
  namespaceGroup,
  newContext,
  waitForEditor,
  withTimeout,
} from './measures.ts';
import { panFrames } from './panning.ts';
import { keystrokesToGraph, typingEcho } from './typing.ts';

/** Each wait's limit: a size that misses one prints "did not finish" and the run moves on. */
const IMPORT_TIMEOUT_MS = 120_000;
const KEY_TIMEOUT_MS = 30_000;
const TYPING_TIMEOUT_MS = 60_000;
const PAN_TIMEOUT_MS = 30_000;
/** Time given to the keystroke presses of one size before it takes the median of those done. */
const KEYSTROKES_BUDGET_MS = 40_000;

/** The budgets apply at 1,000 resources; a smaller workspace must meet them too. */
const BUDGET_UP_TO = 1000;

export interface Figure {
  /** The same for a figure at every size (ratios pair figures by it). */
  readonly label: string;
  /** What this size's figure is made of (how many presses, frames). */
  readonly detail?: string;
  /** Undefined: not measured, `missing` says why. */
  readonly value?: number;
  readonly unit: 'ms' | 'MB' | 'frames' | 'tasks';
  readonly missing?: string;
  readonly budget?: number;
  readonly budgetText?: string;
}

const within = (s: number) => `did not finish within ${s / 1000} s`;

/** Measures one size; the figures come back in a fixed order, so sizes can be compared row by row. */
export async function measureSize(
  browser: Browser,
  url: string,
  resources: number,
  presses: number,
): Promise<Figure[]> {
  const first = { namespace: 'team-0', name: 'gw-0' };
  const context = await newContext(browser);
  await recordLongTasks(context);
  const figures: Figure[] = [];
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForEditor(page);
    const imported = await importGenerated(page, resources, 'file');
    const notImported = imported.attached === undefined ? within(IMPORT_TIMEOUT_MS) : undefined;
    figures.push(
      fig('import → last Gateway (or its group) drawn', imported.attached, 'ms', notImported, 2000),
      fig('import → dialog closed, a node visible', imported.visible, 'ms', notImported),
      fig('  longest task (import, until 1 s quiet)', imported.tasks?.max, 'ms', notImported, 200),
      {
        ...fig('  tasks over 200 ms', imported.tasks?.over200, 'tasks', notImported, 0),
        budgetText: 'none',
      },
    );
    if (notImported) return [...figures, ...notMeasured('import did not finish')];
    const heap = await heapAfterGc(page);
    figures.push(
      fig('JS heap after load (after GC)', heap && heap / 1e6, 'MB', heap ? undefined : 'stuck'),
    );

    // The cursor goes to the end of the first Gateway's name; its node (or what stands for it)
    // must be drawn for keystroke → graph to mean anything, not for the echo or panning.
    const cursor = await withTimeout(
      cursorAtEndOf(page, `name: ${first.name}`).then(
        () => true,
        () => false,
      ),
      KEY_TIMEOUT_MS,
    );
    if (!cursor) return [...figures, ...notMeasured('no `name: gw-0` line in the editor')];
    const drawn = await withTimeout(
      page
        .locator(graphShows(`Gateway/${first.namespace}/${first.name}`))
        .first()
        .waitFor({ state: 'attached', timeout: 0 })
        .then(() => true),
      KEY_TIMEOUT_MS,
    );
    const keys = drawn
      ? await keystrokesToGraph(page, first, presses, KEYSTROKES_BUDGET_MS, KEY_TIMEOUT_MS)
      : { presses: 0, name: first.name };
    const noKey = drawn
      ? keys.median === undefined
        ? within(KEY_TIMEOUT_MS)
        : undefined
      : 'gw-0 not drawn';
    figures.push(
      {
        ...fig('keystroke → graph', keys.median, 'ms', noKey, 250),
        detail: `median of ${keys.presses}`,
      },
      fig('  longest task (press → graph)', keys.maxTask, 'ms', noKey, 100),
    );

    const echo = await typingEcho(page, keys.name, 'abcdefghij', 30, TYPING_TIMEOUT_MS);
    const noEcho = echo ? undefined : within(TYPING_TIMEOUT_MS);
    figures.push(
      fig(
        'ten keys 30 ms apart: slowest echo',
        echo?.max,
        'ms',
        noEcho,
        33,
        '≤ 33 ms (next frame)',
      ),
      fig('  first key → last key shown', echo?.total, 'ms', noEcho),
    );
    if (noEcho) return [...figures, ...notMeasured('the editor froze')];

    const panned = await panFrames(page, 30, PAN_TIMEOUT_MS);
    const pan = typeof panned === 'string' ? undefined : panned;
    const noPan = typeof panned === 'string' ? panned : undefined;
    figures.push(
      {
        ...fig('panning: frames dropped', pan?.dropped, 'frames', noPan),
        ...(pan ? { detail: `of ${pan.frames}` } : {}),
      },
      fig('  longest frame', pan?.longestFrame, 'ms', noPan),
    );
    return figures;
  } catch (error) {
    // A crashed page (out of memory at a big size) is a finding too: the figures so far stand.
    return [...figures, ...notMeasured(String(error).split('\n')[0] ?? 'error')];
  } finally {
    // A frozen page must not hold the run: closing gets a time limit too.
    await withTimeout(context.close(), 10_000);
  }
}

/** The 5 MB paste: Ctrl+V into the Import dialog's text area, then Import → graph. */
export async function measurePaste(
  browser: Browser,
  url: string,
  bytes: number,
): Promise<Figure[]> {
  const perResource = generateIssueWorkspaceText(1000).length / 1000;
  const resources = Math.ceil(bytes / perResource / 5) * 5;
  const context = await newContext(browser);
  await recordLongTasks(context);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitForEditor(page);
    const size = `${((perResource * resources) / 1e6).toFixed(1)} MB (${resources} resources)`;
    const pasted = await importGenerated(page, resources, 'paste');
    const late = within(IMPORT_TIMEOUT_MS);
    return [
      fig(`Ctrl+V ${size} → taken by the dialog`, pasted.fillMs, 'ms', late),
      fig('  Import → last Gateway (or its group) drawn', pasted.attached, 'ms', late),
      fig('  longest task', pasted.tasks?.max, 'ms', late),
    ];
  } catch (error) {
    return notMeasured(String(error).split('\n')[0] ?? 'error');
  } finally {
    await withTimeout(context.close(), 10_000);
  }
}

/**
 * Imports the issue's workspace of `resources`, timed until the graph shows its last Gateway
 * (`graphShows`) or the collapsed group of its namespace.
 */
function importGenerated(page: Page, resources: number, via: 'file' | 'paste') {
  const last = lastIssueGateway(resources);
  return importToGraph(
    page,
    generateIssueWorkspaceText(resources),
    `${graphShows(`Gateway/${last.namespace}/${last.name}`)}, ${namespaceGroup(last.namespace)}`,
    via,
    IMPORT_TIMEOUT_MS,
  );
}

function fig(
  label: string,
  value: number | undefined,
  unit: Figure['unit'],
  missing: string | undefined,
  budget?: number,
  budgetText?: string,
): Figure {
  return {
    label,
    unit,
    ...(value === undefined ? { missing: missing ?? 'not measured' } : { value }),
    ...(budget === undefined ? {} : { budget, budgetText: budgetText ?? `≤ ${budget} ${unit}` }),
  };
}

function notMeasured(why: string): Figure[] {
  return [{ label: `(the rest not measured: ${why})`, unit: 'ms', missing: '–' }];
}

const show = (f: Figure) =>
  f.value === undefined
    ? (f.missing ?? '–')
    : `${f.value.toFixed(f.unit === 'MB' ? 1 : 0)} ${f.unit === 'tasks' ? '' : f.unit}`.trim();

/** One size's table; budgets are checked up to `BUDGET_UP_TO` resources. */
export function printSize(resources: number, figures: readonly Figure[]): void {
  printTable(
    `${resources.toLocaleString('en')} resources (${resources / 5} namespaces)`,
    figures,
    resources <= BUDGET_UP_TO,
  );
}

/** A titled table of figures: value, budget, and OVER BUDGET when `checked` and over it. */
export function printTable(title: string, figures: readonly Figure[], checked: boolean): void {
  console.log(`\n${title}`);
  for (const f of figures) {
    // A figure that timed out is over any budget; one that could not be measured proves nothing.
    const late = f.value === undefined && f.missing?.startsWith('did not finish') === true;
    const over = checked && f.budget !== undefined && (late || (f.value ?? 0) > f.budget);
    const budget = checked && f.budgetText ? `budget ${f.budgetText}` : '';
    const label = f.detail ? `${f.label} (${f.detail})` : f.label;
    console.log(
      `  ${label.padEnd(44)} ${show(f).padStart(12)}   ${budget.padEnd(30)} ${over ? 'OVER BUDGET' : ''}`.trimEnd(),
    );
  }
}

/** Each figure of each size as a multiple of the same figure at the first (smallest) size. */
export function printRatios(sizes: readonly { resources: number; figures: readonly Figure[] }[]) {
  const base = sizes[0];
  if (!base || sizes.length < 2) return;
  console.log(`\nratios to the ${base.resources}-resource run`);
  console.log(
    `  ${''.padEnd(44)} ${sizes
      .slice(1)
      .map((s) => `${s.resources}`.padStart(9))
      .join('')}`,
  );
  for (const [i, f] of base.figures.entries()) {
    if (f.value === undefined || f.label.startsWith('(')) continue;
    const cells = sizes.slice(1).map((s) => {
      const other = s.figures[i];
      if (other?.value === undefined || other.label !== f.label) return '–'.padStart(9);
      return f.value === 0
        ? (other.value === 0 ? '1.0×' : '∞').padStart(9)
        : `${(other.value / (f.value as number)).toFixed(1)}×`.padStart(9);
    });
    console.log(`  ${f.label.padEnd(44)} ${cells.join('')}`);
  }
}
