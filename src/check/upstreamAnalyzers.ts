import { ROUTING_ANALYZER_CODES } from './routing/upstreamAnalyzers.ts';
import { WORKLOAD_ANALYZER_CODES } from './workloads/upstreamAnalyzers.ts';

/**
 * Which project codes carry the messages of each `istioctl analyze` analyzer (by the name Istio's
 * test suite gives it). One Istio code can come from several analyzers, so comparing with a
 * test case that runs one analyzer selects findings by these codes.
 */
export const ANALYZER_CODES: Readonly<Record<string, readonly string[]>> = {
  ...WORKLOAD_ANALYZER_CODES,
  ...ROUTING_ANALYZER_CODES,
};
