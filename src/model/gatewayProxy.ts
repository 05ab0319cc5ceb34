import { isRecord } from './read.ts';

/**
 * The Istio proxy in a gateway pod: which container it is, and the readiness endpoint it
 * serves. The gateway injection template probes `/healthz/ready` on the status port 15021.
 */

export const PROXY_CONTAINER = 'istio-proxy';

export const PROXY_READINESS = { path: '/healthz/ready', port: 15021 } as const;

/**
 * The index of the proxy in a pod's `containers`: the one named `istio-proxy`, else the first
 * (a gateway Deployment written for injection has only the proxy); -1 when there is none.
 */
export function proxyContainerIndex(containers: unknown): number {
  if (!Array.isArray(containers) || containers.length === 0) return -1;
  const index = containers.findIndex((c) => isRecord(c) && c.name === PROXY_CONTAINER);
  return index === -1 ? 0 : index;
}
