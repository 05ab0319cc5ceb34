/**
 * Finds a Chromium for Playwright. `npx playwright install` cannot download here, so the order
 * is: $CHROMIUM_PATH, a Playwright-installed Chromium (where someone could install one), a
 * system Chromium on the usual paths or on PATH, and, as root on Debian or Ubuntu, Debian's
 * `chromium` package installed on the spot. Otherwise a clear error says what to install.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

/**
 * Flags for a browser in a container without a GPU or a network beyond the registries
 * (STACK.md "Browser tests"): no sandbox (we run as root), and none of Chromium's own
 * background traffic, which would show up as requests leaving the page's origin.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

const INSTALL_HINT =
  'No Chromium found. Install one and run again: `sudo apt-get install -y chromium` on ' +
  'Debian/Ubuntu, `npx playwright install chromium` where downloads work, or set ' +
  'CHROMIUM_PATH to a Chromium or Chrome executable.';

/** The path of a Chromium executable, installing Debian's package as a last resort. */
export function findChromium(): string {
  const found = locate();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    installDebianChromium();
    const installed = locate();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

function locate(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
  }
  const bundled = playwrightChromium();
  if (bundled && existsSync(bundled)) return bundled;
  return SYSTEM_PATHS.find((path) => existsSync(path)) ?? onPath();
}

/** Where Playwright would keep its own download; it throws when it knows of none. */
function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function onPath(): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of COMMAND_NAMES)
    for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** `apt-get install -y chromium`, refreshing the package lists first only when that fails. */
function installDebianChromium(): void {
  const run = (...args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.error('No Chromium found: installing Debian’s chromium package…');
  try {
    run('install', '-y', 'chromium');
  } catch {
    try {
      run('update');
      run('install', '-y', 'chromium');
    } catch {
      throw new Error(`Installing chromium with apt-get failed. ${INSTALL_HINT}`);
    }
  }
}
