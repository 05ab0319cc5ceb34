import { graphNode, openApp, pasteIntoEditor, waitForEditor } from './app.ts';
import { expect, test } from './fixtures.ts';
import { HOSTILE_NAME, HOSTILE_YAML } from './manifests.ts';

/**
 * Every flow's fixture already fails on a request off the page's origin; these tests go
 * looking for one: everything loaded, and names that would fetch or run if shown as HTML.
 */

test('opening the app and its editor asks nothing of another origin', async ({ page, guards }) => {
  await openApp(page);
  await waitForEditor(page);
  // The editor is loaded: its chunk came from this origin too (the fixture checks every URL).
  expect(guards.requests.some((url) => url.endsWith('.js'))).toBe(true);
});

test('names from pasted YAML are shown as text, never as HTML', async ({ page }) => {
  await openApp(page);
  await pasteIntoEditor(page, HOSTILE_YAML);
  const vs = graphNode(page, 'virtualService', `VirtualService/web/${HOSTILE_NAME}`);
  await expect(vs).toBeVisible();
  // Shown as text: cut in the middle to fit the node, the whole name on hover.
  await expect(vs.getByTitle(HOSTILE_NAME, { exact: true })).toHaveText(/^<img src.*…/);
  await expect(page.locator('img[src^="https://evil.example"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a Content-Security-Policy stops loads from other origins', async ({ page, guards }) => {
  // Chromium reports the refusal on the console: the one console error this test expects.
  guards.allowConsoleError(/Content Security Policy/);
  await openApp(page);
  const blocked = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
        const image = new Image();
        image.onload = () => resolve(false);
        // Without a policy the load just fails (no network): give a late report a moment.
        image.onerror = () => setTimeout(() => resolve(false), 500);
        image.src = 'https://evil.example/csp-probe.png';
      }),
  );
  expect(blocked, 'an off-origin image was not refused by a CSP').toBe(true);
});
