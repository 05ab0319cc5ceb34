/**
 * Finds Prometheus's `promtool` for the tests that check alert rules with it, as e2e/browser.ts
 * finds Chromium: $PROMTOOL_PATH, `promtool` on PATH, and, as root on Debian or Ubuntu, Debian's
 * `prometheus` package (which ships /usr/bin/promtool) installed on the spot. Otherwise the
 * reason it cannot be had, for the test to print when it skips. Not part of the app.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type Promtool = { readonly path: string } | { readonly skip: string };

let found: Promtool | undefined;

/** Where promtool is, or why not; looked for (and installed) once per test run. */
export function findPromtool(): Promtool {
  found ??= locateOrInstall();
  return found;
}

function locateOrInstall(): Promtool {
  const fromEnv = process.env.PROMTOOL_PATH;
  if (fromEnv)
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { skip: `PROMTOOL_PATH ${fromEnv} does not exist` };
  const located = onPath();
  if (located) return { path: located };
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return {
      skip: 'promtool is not on PATH and apt-get cannot install it here (not root on Debian/Ubuntu): install Prometheus’s promtool to run these tests',
    };
  const run = (...args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
    });
  console.warn('promtool not found: installing Debian’s prometheus package…');
  try {
    // Without recommends: only Prometheus and promtool, not the exporters.
    run('install', '-y', '--no-install-recommends', 'prometheus');
  } catch {
    try {
      run('update');
      run('install', '-y', '--no-install-recommends', 'prometheus');
    } catch {
      return { skip: 'installing the prometheus package with apt-get failed' };
    }
  }
  return onPath()
    ? { path: onPath() as string }
    : { skip: 'the prometheus package installed no promtool' };
}

function onPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean))
    if (existsSync(join(dir, 'promtool'))) return join(dir, 'promtool');
  return undefined;
}

/** `promtool check rules` on a rules file holding `groups` (a PrometheusRule's `spec`). */
export function checkRules(
  promtool: string,
  spec: unknown,
): { readonly ok: boolean; readonly output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'istio-designer-rules-'));
  const file = join(dir, 'rules.yaml');
  // JSON is YAML: promtool reads the file with a YAML parser.
  writeFileSync(file, JSON.stringify(spec, null, 2));
  const result = spawnSync(promtool, ['check', 'rules', file], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
