#!/usr/bin/env node
// Builds the `istio-designer` command: src/cli/bin.ts and everything it uses, dependencies
// included, in one ES module for Node (no TypeScript, no dev dependency at run time).
//   node scripts/build-cli.mjs                 → dist-cli/istio-designer.mjs (package.json's bin)
//                                                and the engine chunk beside it
//   node scripts/build-cli.mjs --pack [DIR]    → also an installable tarball in DIR (default
//     dist-cli/): the bundle with a package.json of its own, without the app's dependencies,
//     packed with `npm pack`; prints the tarball's path.
//   --out DIR builds into DIR instead of dist-cli/ (tests and the benchmark build aside).
// scripts/cli.mjs (npm run cli) builds the same bundle with the same options.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(root, 'dist-cli');
/** The command's entry in `OUT`; the engine is a chunk beside it, loaded only for a real command. */
export const ENTRY = 'istio-designer.mjs';

/**
 * Bundles the command into `outdir`: a small entry that answers --help alone, and the chunk it
 * imports for everything else (splitting), so help does not parse two megabytes of engine.
 * esbuild is loaded only when a build is needed.
 */
export async function buildCli(outdir = OUT) {
  const { build } = await import('esbuild');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { 'istio-designer': join(root, 'src', 'cli', 'bin.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'engine-[hash]',
    splitting: true,
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['node:*'],
    // The CRD validators' RE2 runtime loads re2-wasm with Node's fs; the re2js one bundles.
    alias: {
      '@kubernetes-models/validate/runtime/re2': join(
        root,
        'src',
        'check',
        'monitoring',
        're2Runtime.ts',
      ),
    },
    format: 'esm',
    target: 'node20',
    // Less to parse at every start; messages and names in output are data, not identifiers.
    minify: true,
    legalComments: 'eof',
    // esbuild keeps the entry's own shebang (src/cli/bin.ts has none: tsc and Vitest import it).
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
}

/**
 * Stages the bundle built in `outdir` as a package of its own in `outdir/package/` and packs it
 * into `destination`; returns the tarball's path.
 */
export function packCli(destination, outdir = OUT) {
  const app = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const stage = join(outdir, 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const modules = readdirSync(outdir).filter((name) => name.endsWith('.mjs'));
  for (const name of modules) copyFileSync(join(outdir, name), join(stage, name));
  copyFileSync(join(root, 'README.md'), join(stage, 'README.md'));
  // The app's dependencies are inside the bundle: the command's package has none to install.
  const pkg = {
    name: app.name,
    version: app.version,
    description:
      'Istio Designer command line: lint, simulate, test, graph and convert Istio and Gateway API manifests (SARIF, JUnit, GitHub annotations).',
    type: 'module',
    engines: app.engines,
    bin: { 'istio-designer': ENTRY },
    files: [...modules, 'README.md'],
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  mkdirSync(destination, { recursive: true });
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: stage,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return join(destination, JSON.parse(out)[0].filename);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name) => {
    const at = process.argv.indexOf(name);
    const value = at === -1 ? undefined : (process.argv[at + 1] ?? '');
    return value?.startsWith('--') ? '' : value;
  };
  const outdir = resolve(option('--out') || OUT);
  await buildCli(outdir);
  const pack = option('--pack');
  if (pack !== undefined) console.log(packCli(resolve(pack || OUT), outdir));
}
