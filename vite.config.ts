import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy.ts';

/** monaco-editor's own ESM folder, for the deep imports older packages still make. */
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));
/** The RE2 runtime of `@kubernetes-models`' validators, on re2js (src/check/monitoring/re2Runtime.ts). */
const re2Runtime = fileURLToPath(new URL('./src/check/monitoring/re2Runtime.ts', import.meta.url));

export default defineConfig({
  // Relative asset paths: the build is static files that can be served from any path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    alias: [
      // monaco-editor ≥ 0.56 maps `./*` to `./esm/vs/*.js` in its exports, so the old deep
      // path monaco-yaml's worker imports (`monaco-editor/esm/vs/editor/editor.worker.js`)
      // would resolve to `esm/vs/esm/vs/…`. Point such paths at the real files.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
      // The CRD validators' RE2 runtime loads re2-wasm with Node's fs: use the re2js one.
      { find: '@kubernetes-models/validate/runtime/re2', replacement: re2Runtime },
    ],
  },
  // Monaco (about 4 MB) is a lazy chunk loaded after the graph shows; its size is expected.
  build: { chunkSizeWarningLimit: 4500 },
  // Monaco's and the YAML language's workers are ES modules, loaded from the page's origin.
  worker: { format: 'es' },
  // Pre-bundled up front: discovered late, it makes a cold dev server reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a shared 2-core CI machine under load one can
    // take longer than Vitest's 5 s default without anything being wrong.
    testTimeout: 20_000,
  },
});
