#!/usr/bin/env node
// Starts the command line from the bundle of src/cli (scripts/build-cli.mjs: the same build as
// the installed command), rebuilt whenever a source file is newer than it. Scripts call the CLI
// many times in a row: a prebuilt bundle answers in about a tenth of a second, where compiling
// TypeScript on every call takes most of one.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache', 'istio-designer');
const builder = join(root, 'scripts', 'build-cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

// One bundle directory per state of the sources, built aside and renamed into place: several
// commands run at once (tests, other shells) never see a bundle half written or half removed.
const inputs = [fileURLToPath(import.meta.url), builder, join(root, 'package.json')];
const stamp = Math.floor(
  Math.max(...inputs.map((f) => statSync(f).mtimeMs), newestSource(join(root, 'src'))),
);
const outdir = join(cache, `cli-${stamp}`);
const entry = join(outdir, 'istio-designer.mjs');
if (!existsSync(entry)) {
  const { buildCli } = await import(pathToFileURL(builder).href);
  const building = `${outdir}.${process.pid}`;
  await buildCli(building);
  try {
    renameSync(building, outdir);
  } catch {
    // Another command built the same sources first: use its bundle.
    rmSync(building, { recursive: true, force: true });
  }
  // Bundles of older sources, left a minute for commands that may still be loading them.
  for (const name of readdirSync(cache))
    if (name.startsWith('cli') && name !== `cli-${stamp}`) {
      const path = join(cache, name);
      if (Date.now() - statSync(path).mtimeMs > 60_000)
        rmSync(path, { recursive: true, force: true });
    }
}

// The entry runs the command line of this process (its arguments after this script's name).
await import(pathToFileURL(entry).href);
