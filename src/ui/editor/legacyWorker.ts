import type { editor } from 'monaco-editor/editor';

/** How monaco-yaml 5.5 (through monaco-worker-manager) asks Monaco for a worker. */
interface LegacyWorkerOptions {
  readonly label?: string;
  readonly moduleId?: string;
  readonly createData?: unknown;
}

/**
 * Adapts `editor.createWebWorker` to the call monaco-yaml 5.5 still makes. Monaco 0.56
 * changed it to take a ready `Worker` (`{ worker }`) instead of `{ moduleId, label,
 * createData }`; unadapted, the YAML worker never starts ("Could not create web worker(s)",
 * "Missing requestHandler or method: doValidation") and no schema feature works.
 *
 * The worker side (monaco-worker-manager's `initialize`) treats its first message as "start"
 * and its second as the create data, then hands over to Monaco's RPC; Monaco's own first
 * message (`-please-ignore-`) carries no RPC header and is dropped. So the adapter posts a
 * start message and the create data before Monaco posts anything.
 */
export function adaptCreateWebWorker(
  createWebWorker: typeof editor.createWebWorker,
  spawn: (label: string) => Worker,
) {
  return <T extends object>(options: LegacyWorkerOptions): editor.MonacoWebWorker<T> => {
    const worker = spawn(options.label ?? 'yaml');
    worker.postMessage('start');
    worker.postMessage(options.createData);
    return createWebWorker<T>({ worker });
  };
}
