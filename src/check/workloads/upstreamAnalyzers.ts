/**
 * The project codes that carry each Istio analyzer's messages in this folder. IST0101 comes
 * from several analyzers (gateway selector, credential), so a comparison with Istio's analyzer
 * test suite, where each case runs one analyzer, selects findings by these codes.
 */
export const WORKLOAD_ANALYZER_CODES: Readonly<Record<string, readonly string[]>> = {
  'gateway.IngressGatewayPortAnalyzer': [
    'gateway-selector-no-workload',
    'gateway-port-not-on-service',
  ],
  // Istio's SecretAnalyzer reports a selector that matches no pod too (it needs the pods' namespace).
  'gateway.SecretAnalyzer': [
    'gateway-selector-no-workload',
    'gateway-credential-not-found',
    'gateway-credential-invalid',
  ],
  'gateway.ConflictingGatewayAnalyzer': ['gateway-conflict'],
  'gateway.CertificateAnalyzer': ['gateway-duplicate-certificate'],
  'service.PortNameAnalyzer': ['service-port-name-convention', 'service-external-name-port-name'],
  'deployment.ServiceAssociationAnalyzer': [
    'deployment-port-protocol-conflict',
    'deployment-target-port-conflict',
  ],
  'envoyfilter.EnvoyPatchAnalyzer': [
    'envoyfilter-relative-operation',
    'envoyfilter-replace-operation',
    'envoyfilter-add-operation',
    'envoyfilter-remove-operation',
    'envoyfilter-relative-operation-proxy-version',
  ],
  'destinationrule.CaCertificateAnalyzer': [
    'destinationrule-tls-no-ca',
    'destinationrule-port-tls-no-ca',
  ],
  'destinationrule.PodNotSelectedAnalyzer': [
    'destinationrule-host-not-found',
    'destinationrule-subset-no-pods',
  ],
};
