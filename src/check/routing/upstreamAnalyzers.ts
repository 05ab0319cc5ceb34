/**
 * The project codes that carry each Istio analyzer's messages. IST0101 is shared by several
 * analyzers (gateway, host, subset references), so a comparison with Istio's own analyzer test
 * suite, where each case runs one analyzer, must select findings by these codes, not by the
 * Istio code alone.
 */
export const ROUTING_ANALYZER_CODES: Readonly<Record<string, readonly string[]>> = {
  'virtualservice.GatewayAnalyzer': [
    'vs-gateway-not-found',
    'vs-host-not-in-gateway',
    'vs-internal-gateway',
  ],
  'virtualservice.DestinationHostAnalyzer': [
    'vs-destination-host-not-found',
    'vs-mirror-host-not-found',
    'vs-destination-port-required',
    'vs-destination-port-not-found',
    'vs-ingress-subset-ignored',
  ],
  'virtualservice.DestinationRuleAnalyzer': [
    'vs-destination-subset-not-found',
    'vs-mirror-subset-not-found',
  ],
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': ['vs-mesh-host-conflict'],
  'virtualservice.JWTClaimRouteAnalyzer': ['vs-jwt-claim-without-authentication'],
  'schemaValidation.CollectionValidationAnalyzer(collections.VirtualService)': [
    'vs-unreachable-rule',
    'vs-ineffective-match',
  ],
};
