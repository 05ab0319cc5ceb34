import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/browser.ts';

/** A fixed port apart from Vite's defaults (5173 dev, 4173 preview), so a running app is no clash. */
// E2E_PORT and E2E_OUT let parallel runs (several checkouts or sessions) each build and serve their own.
const PORT = Number(process.env.E2E_PORT ?? 4391);
const BASE_URL = `http://127.0.0.1:${PORT}/`;
const CI = Boolean(process.env.CI);
const OUT_DIR = process.env.E2E_OUT ?? '.cache/e2e-dist';

/**
 * End-to-end flows in real Chromium against the production build (what users get), served by
 * `vite preview`. In CI a failed flow runs once more, and the list reporter names it "flaky" when
 * the second run passes: a flow that fails twice still fails the run. Locally there are no retries,
 * so a flaky test shows at once.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One browser at a time: on the two-core machines two Chromiums (each with Monaco and its
  // workers) made every test 3× slower and the whole run slower (2.4 min against 1.2 min).
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  reporter: 'list',
  // Monaco takes ~2 s to load on these machines: 30 s per test leaves room for a loaded CI box.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    viewport: { width: 1440, height: 900 },
    // Tests type into Monaco as a person does; pasting is for tests about pasting, and the
    // editor's whole text comes out by copying.
    permissions: ['clipboard-read', 'clipboard-write'],
    acceptDownloads: true,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    // Built into a folder of its own, so a `npm run build` elsewhere cannot swap the files
    // being served in the middle of a run.
    command: `npx vite build --logLevel error --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
