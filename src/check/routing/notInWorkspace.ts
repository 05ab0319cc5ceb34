import type { Finding } from '../finding.ts';

/**
 * A reference to a kind the workspace holds none of (DestinationRules, Gateways, delegate
 * VirtualServices) is probably to something outside it: information, as the framework does for
 * the kinds of `ReferencedKind`. Those kinds are lowered by `lint` only, so these ones are
 * lowered here, whatever `--complete` says; the Istio code stays, so the meaning is kept.
 */
export function notInWorkspace(finding: Finding, kinds: string): Finding {
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message} (not in this workspace: it holds no ${kinds})`,
  };
}
