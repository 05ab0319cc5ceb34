/**
 * The production build served by `vite preview`, for the UI benchmark: built, started on its own
 * port, and stopped (with its process) when done.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const VITE = join('node_modules', 'vite', 'bin', 'vite.js');

/** Builds the app into `outDir`; the build's output shows only when it fails. */
export function build(outDir: string): void {
  const result = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('vite build failed');
  }
}

export interface Preview {
  readonly url: string;
  stop(): void;
}

/** Starts `vite preview` (vite itself, not through npx, so stopping it stops the server). */
export async function startPreview(port: number, outDir: string): Promise<Preview> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      VITE,
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  // Also on Ctrl+C or a crash: never leave a server behind.
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}/`;
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${stderr}`);
    if (await responds(url)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`vite preview did not answer on ${url} within 20 s`);
}

async function responds(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
