import type { ParameterSpec, ResolvedParams, Scenario } from './scenario.ts';

/**
 * The API a new design is written in: Istio's own (Gateway, VirtualService, DestinationRule) or
 * the Kubernetes Gateway API (Gateway of class `istio`, HTTPRoute, a Service per version), which
 * Istio's documentation now shows for every ingress task.
 */
export type DesignApi = 'istio' | 'gateway-api';

export const DESIGN_APIS: readonly DesignApi[] = ['istio', 'gateway-api'];

/** What a person reads where they choose. */
export const DESIGN_API_LABELS: Readonly<Record<DesignApi, string>> = {
  istio: 'Istio API',
  'gateway-api': 'Gateway API',
};

export function isDesignApi(value: unknown): value is DesignApi {
  return value === 'istio' || value === 'gateway-api';
}

/** The `api` parameter of the scenarios that exist in both APIs (`--set api=gateway-api`). */
export const API_PARAMETER: ParameterSpec = {
  key: 'api',
  label: 'API',
  help: 'istio: Gateway, VirtualService and DestinationRule; gateway-api: Gateway of class istio, HTTPRoute and a Service per version',
  type: 'choice',
  options: DESIGN_APIS,
  default: 'istio',
  validate: () => undefined,
};

/** The API the parameters ask for; Istio's when they name none (scenarios of Istio only). */
export function apiOf(params: ResolvedParams): DesignApi {
  return params.api === 'gateway-api' ? 'gateway-api' : 'istio';
}

/** Whether a scenario can be written in the Gateway API too (it has the `api` parameter). */
export function offersApiChoice(scenario: Pick<Scenario, 'parameters'>): boolean {
  return scenario.parameters.some((spec) => spec.key === API_PARAMETER.key);
}
