import type { Plugin } from 'vite';

/**
 * The production page may talk to nothing but its own origin: nothing a user pastes may leave
 * the browser, and no font, CDN or telemetry request is made. Inline styles are allowed
 * because Monaco and React Flow set element styles; scripts, workers and connections are
 * same-origin only (blob: for the workers Monaco may create from URLs).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the policy to the built index.html. Only at build: the dev server injects inline
 * scripts (React refresh) that the policy would block.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'istio-designer:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
