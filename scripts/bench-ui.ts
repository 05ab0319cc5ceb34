/**
 * The UI benchmark, in real Chromium against the production build (`vite preview`):
 *  - time to first graph: navigation start → first Gateway node visible (target ≤ 1.5 s);
 *  - gzipped JS loaded before the editor's chunks are requested (target ≤ 350 kB);
 *  - key press in the editor → the graph showing the change, on the example and on a generated
 *    300-resource workspace (targets: 100 ms and 500 ms after the editor's typing pause);
 *  - issue 14's figures at 25, 300, 1,000 and 5,000 resources (`generateIssueWorkspaceText`), one
 *    table per size and their ratios to the smallest: import → graph, the longest main-thread
 *    task, JS heap, keystroke → graph, typing echo, frames dropped while panning (see
 *    benchUi/sizes.ts); then a 5 MB paste into the Import dialog.
 * "The graph shows resource R" means: an element with `data-resource="R"` (a node) or with R
 * among the space-separated names of its `data-represents` (a group or summary standing for it,
 * for when big graphs are collapsed) is in the DOM.
 * Each figure of the first rows is the median of several runs; every wait of the sized ones has
 * a time limit, and a figure that misses it says so.
 * Usage: npm run bench:ui [-- --reuse] [-- --runs N] [-- --sizes 25,300] [-- --no-paste]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser.ts';
import { TYPING_PAUSE_MS } from '../src/ui/editor/textSync.ts';
import { distPath, gzipSize, staticClosure } from './benchUi/bundle.ts';
import {
  cursorAtEndOf,
  graphShows,
  importText,
  keyToGraph,
  median,
  newContext,
  timeToFirstGraph,
  waitForEditor,
} from './benchUi/measures.ts';
import { build, startPreview } from './benchUi/preview.ts';
import {
  type Figure,
  measurePaste,
  measureSize,
  printRatios,
  printSize,
  printTable,
} from './benchUi/sizes.ts';
import { generateWorkspaceText } from './generateWorkspace.ts';

/**
 * `--reuse` serves the build already in dist/; otherwise the benchmark builds into a folder of
 * its own, so a `npm run build` elsewhere cannot swap the files it measures mid-run.
 */
const args = process.argv.slice(2);
const REUSE = args.includes('--reuse');
const DIST = REUSE ? 'dist' : '.cache/bench-dist';
const PORT = 4392;
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const SIZES = args.includes('--sizes')
  ? String(args[args.indexOf('--sizes') + 1])
      .split(',')
      .map(Number)
  : [25, 300, 1000, 5000];
const PASTE_BYTES = 5_000_000;

function row(label: string, value: string, target: string, ok?: boolean): void {
  const verdict = ok === undefined ? '' : ok ? 'ok' : 'OVER TARGET';
  console.log(`${label.padEnd(44)} ${value.padStart(10)}   ${target.padEnd(42)} ${verdict}`);
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

interface Load {
  /** JS files requested before the editor's first chunk, in order, with gzip sizes. */
  readonly before: readonly { file: string; gzip: number }[];
  readonly total: number;
  readonly editorGzip: number;
}

/** One first visit: the JS requested, in order, until the first of the editor's own chunks. */
async function jsBeforeEditor(browser: Browser, url: string): Promise<Load> {
  const entry = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(
    readFileSync(`${DIST}/index.html`, 'utf8'),
  )?.[1];
  const editorChunk = readdirSync(`${DIST}/assets`).find((f) => /^ManifestEditor-.*\.js$/.test(f));
  if (!entry || !editorChunk) throw new Error('dist/ has no entry script or no editor chunk');
  // The editor's own files: what its lazy chunk imports that the app's entry does not.
  const app = staticClosure(DIST, entry);
  const editor = [...staticClosure(DIST, `assets/${editorChunk}`)].filter((f) => !app.has(f));

  const context = await newContext(browser);
  const before: string[] = [];
  let editorSeen = false;
  context.on('request', (request) => {
    const file = distPath(request.url(), url);
    if (!file?.endsWith('.js') || editorSeen) return;
    if (editor.includes(file)) editorSeen = true;
    else if (!before.includes(file)) before.push(file);
  });
  const page = await context.newPage();
  await page.goto(url);
  await waitForEditor(page);
  await context.close();
  if (!editorSeen) throw new Error('the editor chunk was never requested');
  const sized = before.map((file) => ({ file, gzip: gzipSize(DIST, file) }));
  return {
    before: sized,
    total: sized.reduce((sum, f) => sum + f.gzip, 0),
    editorGzip: editor.reduce((sum, file) => sum + gzipSize(DIST, file), 0),
  };
}

/**
 * Key press → graph, `RUNS` times, each press appending one more `x` to a Gateway's name; a
 * sentence instead when the Gateway is not drawn (`graphShows`) or a press never shows.
 */
async function keystrokeToGraph(
  browser: Browser,
  url: string,
  workspace: string | undefined,
  gateway: { namespace: string; name: string },
): Promise<number | string> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(url);
    if (workspace !== undefined) await importText(page, workspace);
    const node = (name: string) => graphShows(`Gateway/${gateway.namespace}/${name}`);
    const drawn = await page
      .locator(node(gateway.name))
      .first()
      .waitFor({ state: 'attached' })
      .then(
        () => true,
        () => false,
      );
    if (!drawn) return `${gateway.name} not drawn within 30 s`;
    await waitForEditor(page);
    await cursorAtEndOf(page, `name: ${gateway.name}`);
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const press = await keyToGraph(page, 'x', node(gateway.name + 'x'.repeat(run)));
      if (!press) return 'a press not drawn within 30 s';
      times.push(press.ms);
    }
    return median(times);
  } finally {
    await context.close();
  }
}

/** The editor re-parses after a typing pause: the targets count from the end of it. */
function keystrokeRow(workspace: string, ms: number | string, targetAfterPause: number): void {
  if (typeof ms === 'string') {
    row(`keystroke → graph, ${workspace}`, '–', `not measured: ${ms}`);
    return;
  }
  const after = ms - TYPING_PAUSE_MS;
  row(
    `keystroke → graph, ${workspace}`,
    `${ms.toFixed(0)} ms`,
    `${TYPING_PAUSE_MS} ms pause + ${after.toFixed(0)} ms (target ≤ ${targetAfterPause} ms)`,
    after <= targetAfterPause,
  );
}

async function main(): Promise<void> {
  if (!REUSE) build(DIST);
  const server = await startPreview(PORT, DIST);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    // Each row is printed as soon as it is measured: a failure later still leaves the figures.
    console.log(`UI benchmark: production build, Chromium, median of ${RUNS} runs\n`);
    const firstGraph: number[] = [];
    for (let run = 0; run < RUNS; run++)
      firstGraph.push(await timeToFirstGraph(browser, server.url));
    const firstMs = median(firstGraph);
    row('time to first graph', `${firstMs.toFixed(0)} ms`, 'target ≤ 1500 ms', firstMs <= 1500);

    // What comes before the editor's chunk can race (the layout worker against the editor), so
    // this too is measured several times: the median, with the range when runs differ.
    const loads: Load[] = [];
    for (let run = 0; run < RUNS; run++) loads.push(await jsBeforeEditor(browser, server.url));
    const totals = loads.map((load) => load.total);
    const total = median(totals);
    const [low, high] = [Math.min(...totals), Math.max(...totals)];
    const range = low === high ? '' : ` (${kB(low)}–${kB(high)})`;
    row(`gzipped JS before the editor${range}`, kB(total), 'target ≤ 350 kB', total <= 350_000);
    const typical = loads.find((load) => load.total >= total) ?? loads[0];
    for (const f of typical?.before ?? []) row(`  ${f.file}`, kB(f.gzip), '');
    row('  (the editor, loaded after)', kB(typical?.editorGzip ?? 0), '');

    keystrokeRow(
      'example',
      await keystrokeToGraph(browser, server.url, undefined, {
        namespace: 'istio-system',
        name: 'my-gateway',
      }),
      100,
    );
    keystrokeRow(
      '300 resources',
      await keystrokeToGraph(browser, server.url, generateWorkspaceText(300), {
        namespace: 'team-0',
        name: 'gw-0',
      }),
      500,
    );

    // Issue 14: one table per size, each size in a fresh page, then the ratios.
    const sized: { resources: number; figures: Figure[] }[] = [];
    for (const resources of SIZES) {
      const figures = await measureSize(browser, server.url, resources, RUNS);
      printSize(resources, figures);
      sized.push({ resources, figures });
    }
    printRatios(sized);
    if (!args.includes('--no-paste')) {
      const paste = await measurePaste(browser, server.url, PASTE_BYTES);
      printTable('paste into the Import dialog', paste, false);
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

await main();
