import { type Dict, labels, record, str } from './read.ts';

/** The namespace of a manifest that names none, as `kubectl apply` would use. */
export const DEFAULT_NAMESPACE = 'default';

/** `Kind/namespace/name`: how the project names a resource everywhere (graph, diagnostics, CLI). */
export type ResourceId = string;

export function resourceId(kind: string, namespace: string, name: string): ResourceId {
  return `${kind}/${namespace}/${name}`;
}

export function parseResourceId(
  id: ResourceId,
): { kind: string; namespace: string; name: string } | undefined {
  const parts = id.split('/');
  if (parts.length !== 3 || parts.some((p) => p === '')) return undefined;
  const [kind, namespace, name] = parts as [string, string, string];
  return { kind, namespace, name };
}

export interface Metadata {
  readonly name: string;
  /** Always set: `default` when the manifest has none. */
  readonly namespace: string;
  /** Whether the manifest wrote a namespace (edits keep a missing one missing). */
  readonly namespaceWritten: boolean;
  readonly labels: Dict<string>;
  readonly annotations: Dict<string>;
}

export function readMetadata(raw: unknown): Metadata {
  const meta = record(raw);
  const namespace = str(meta.namespace);
  return {
    name: str(meta.name) ?? '',
    namespace: namespace || DEFAULT_NAMESPACE,
    namespaceWritten: Boolean(namespace),
    labels: labels(meta.labels),
    annotations: labels(meta.annotations),
  };
}

/** The parts every manifest has: what a typed view of a kind starts from. */
export interface ObjectHeader {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: Metadata;
}

export function readHeader(raw: Record<string, unknown>): ObjectHeader {
  return {
    apiVersion: str(raw.apiVersion) ?? '',
    kind: str(raw.kind) ?? '',
    metadata: readMetadata(raw.metadata),
  };
}
