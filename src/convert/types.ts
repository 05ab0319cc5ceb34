import type { ResourceId } from '../model/resource.ts';
import type { SourceText } from '../workspace/workspace.ts';

/** The APIs a workspace converts to (CONTRACT section 1, `convert --to`). */
export type TargetApi = 'istio' | 'gateway-api';

/**
 * One thing the target API cannot say as the source says it (CONTRACT section 1's report shape):
 * `resource` is the source's `Kind/namespace/name`, `path` the field in it (`spec.http[0].fault`).
 */
export interface Loss {
  readonly resource: ResourceId;
  readonly path: string;
  readonly message: string;
}

/** Where a converted rule (or listener/server) came from: a source resource and a field in it. */
export interface Origin {
  readonly resource: ResourceId;
  readonly path: string;
}

/**
 * Per converted resource id, the origin of each of its rules (`rules[i]` of an HTTPRoute,
 * `http[i]` of a VirtualService) or listeners/servers, by index; `resource` is the whole one.
 */
export interface ResourceOrigin {
  readonly resource: Origin;
  readonly parts: readonly Origin[];
}

export interface Conversion {
  /** YAML ready to apply: the converted resources only (the rest of the input is kept as it is). */
  readonly files: readonly SourceText[];
  readonly losses: readonly Loss[];
  /** The source ids that were converted (and are replaced by `files`). */
  readonly replaced: readonly ResourceId[];
  readonly origins: Readonly<Record<ResourceId, ResourceOrigin>>;
}

/** A manifest the conversion writes, with the comment that says where it came from. */
export interface Written {
  readonly id: ResourceId;
  readonly comment: string;
  readonly plain: Record<string, unknown>;
  readonly origin: ResourceOrigin;
}

/** `spec.http[2].route[0]` from path segments. */
export function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}
