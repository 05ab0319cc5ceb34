import { record, str } from './read.ts';
import { type ObjectHeader, readHeader } from './resource.ts';

/** Kubernetes `Secret`: where a Gateway's `credentialName` points. Only the key names are read. */
export interface Secret extends ObjectHeader {
  readonly kind: 'Secret';
  readonly type: string | undefined;
  readonly keys: readonly string[];
}

export function readSecret(raw: Record<string, unknown>): Secret {
  return {
    ...readHeader(raw),
    kind: 'Secret',
    type: str(raw.type),
    keys: [...Object.keys(record(raw.data)), ...Object.keys(record(raw.stringData))],
  };
}
