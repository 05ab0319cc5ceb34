import type { Command } from '../edit/command.ts';
import type { ResourceId } from '../model/resource.ts';
import type { Severity } from '../workspace/diagnostics.ts';
import type { DocAddress } from '../workspace/workspace.ts';
import type { Path } from '../yaml/path.ts';

/**
 * Kinds a check may find missing. When the workspace holds none of a kind, it cannot be taken
 * as complete for that kind, and a reference to one is "not in this workspace" rather than
 * wrong (issue 5). The implied default ingress gateway does not count as holding one.
 */
export type ReferencedKind =
  | 'Service'
  | 'Secret'
  | 'ConfigMap'
  | 'Workload'
  | 'Gateway'
  /** A Gateway API Gateway (`K8S_GATEWAY`): routes' parentRefs name these. */
  | 'Gateway.gateway.networking.k8s.io'
  | 'DestinationRule'
  /** A VirtualService without hosts, which only a root rule's `delegate` can use. */
  | 'DelegateVirtualService';

/** A repair the user can apply in one step, as one undoable command. */
export interface QuickFix {
  readonly title: string;
  readonly command: Command;
}

/**
 * What a check reports, before positions are known: the resource, the document it is written
 * in, and the field path. `lint` turns these into CONTRACT section 3 diagnostics.
 */
export interface Finding {
  /** The project's own stable code, kebab-case (`vs-gateway-not-found`). */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong and, where it is clear, how to fix it. */
  readonly message: string;
  readonly resource: ResourceId;
  readonly at: DocAddress;
  /** Field path inside the resource; `[]` is the whole document. */
  readonly path: Path;
  readonly istio?: string;
  readonly kiali?: string;
  /** Set when the finding is a reference to something of this kind that is not there. */
  readonly missing?: ReferencedKind;
  readonly fixes?: readonly QuickFix[];
}

/** A check: reads the context, returns findings. Pure, never throws on odd input. */
export type Check = (context: import('./context.ts').CheckContext) => Iterable<Finding>;
