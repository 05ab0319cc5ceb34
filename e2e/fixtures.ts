/**
 * The shared fixture of every flow: guards that fail a test on a console error, an uncaught
 * page error or a request leaving the page's origin, so each flow also proves the app is quiet
 * and private (CONTRACT section 5). Specs import `test` and `expect` from here.
 */
import { test as base, expect } from '@playwright/test';

export { expect };

export interface Guards {
  /** Lets through console errors a test provokes on purpose (matched against their text). */
  allowConsoleError(pattern: RegExp): void;
  /** Requests seen so far, in order, as URLs. */
  readonly requests: readonly string[];
}

/** Same origin, or a URL that never leaves the browser (downloads, inline images, workers). */
function staysInBrowser(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === origin || ['blob:', 'data:'].includes(parsed.protocol);
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://invalid').origin;
      const requests: string[] = [];
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      // On the context, not the page: it also sees workers and any popup the app might open.
      context.on('request', (request) => requests.push(request.url()));
      // Chromium reports a request the Content-Security-Policy refused, which never left.
      const refused = new Set<string>();
      context.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? '';
        if (reason === 'csp' || reason.includes('BLOCKED_BY_CSP')) refused.add(request.url());
      });
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Where it came from: a failed load names only its status in the text.
        const where = message.location().url;
        errors.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
      });
      context.on('weberror', (error) => errors.push(`uncaught: ${error.error().stack}`));

      await use({ allowConsoleError: (pattern) => allowed.push(pattern), requests });

      const offOrigin = requests.filter((url) => !staysInBrowser(url, origin) && !refused.has(url));
      expect(offOrigin, 'requests that left the page origin').toEqual([]);
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});
