import { DEFAULT_INGRESS } from '../model/defaultIngress.ts';
import { nameParam, namespaceParam } from './parameters.ts';
import type { ParameterSpec } from './scenario.ts';

/**
 * The ingress gateway pods the operations scenarios act on, named by their Deployment. Their
 * labels follow Istio's gateway chart: `app: <name>` and `istio: <name without "istio-">`, so
 * `istio-ingressgateway` gives Istio's default `istio: ingressgateway`, the label Gateways
 * select and the graph's implied default ingress carries.
 */
export interface GatewayPods {
  readonly name: string;
  readonly namespace: string;
  /** What Services, budgets and filters select them by. */
  readonly selector: Readonly<Record<string, string>>;
  /** The labels the pods carry. */
  readonly podLabels: Readonly<Record<string, string>>;
}

export function gatewayPods(name: string, namespace: string): GatewayPods {
  const istio = name.startsWith('istio-') && name.length > 6 ? name.slice(6) : name;
  return { name, namespace, selector: { istio }, podLabels: { app: name, istio } };
}

/** The gateway Deployment's name and namespace, Istio's default ingress gateway by default. */
export function gatewayParameters(suffix: string): ParameterSpec[] {
  return [
    {
      ...nameParam(DEFAULT_INGRESS.deploymentName, suffix, 'Gateway deployment'),
      help: 'The ingress gateway Deployment; its pods are labelled istio: <name without istio->',
    },
    namespaceParam(DEFAULT_INGRESS.namespace, 'Gateway namespace'),
  ];
}
