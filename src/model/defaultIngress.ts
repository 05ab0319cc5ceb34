/**
 * The ingress gateway `istioctl analyze` assumes when it reads only files (`AddDefaultResources`,
 * pkg/config/analysis/local/defaults.go): pods labelled `istio: ingressgateway` and the Service
 * `istio-ingressgateway`, both in `istio-system`. The designer shows this gateway as implied
 * wherever a Gateway selects it and the workspace has no pods of its own for it, so the graph
 * and the checks agree with istioctl.
 */
export const DEFAULT_INGRESS = {
  namespace: 'istio-system',
  /** The Deployment of a standard install, which autoscalers target by name. */
  deploymentName: 'istio-ingressgateway',
  serviceName: 'istio-ingressgateway',
  /** The labels of istioctl's stand-in pod: what Gateway selectors are matched against. */
  podLabels: { istio: 'ingressgateway' } as Readonly<Record<string, string>>,
  /** Labels a standard install also puts on the pods: budgets and filters select by these. */
  installLabels: { app: 'istio-ingressgateway', istio: 'ingressgateway' } as Readonly<
    Record<string, string>
  >,
  servicePorts: [
    { name: 'http2', port: 80, targetPort: 80 },
    { name: 'https', port: 443, targetPort: 443 },
    { name: 'tcp', port: 31400, targetPort: 31400 },
    { name: 'tls', port: 15443, targetPort: 15443 },
  ],
} as const;
