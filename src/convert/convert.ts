import type { Workspace } from '../workspace/workspace.ts';
import { gatewayApiToIstio } from './gatewayApiToIstio.ts';
import { istioToGatewayApi } from './istioToGatewayApi.ts';
import type { Conversion, TargetApi } from './types.ts';

/**
 * One converter per target API. Each reads the whole workspace and converts what it knows of
 * the other API (an Ingress reader is one more source a converter can take in).
 */
const CONVERTERS: Record<TargetApi, (workspace: Workspace) => Conversion> = {
  'gateway-api': istioToGatewayApi,
  istio: gatewayApiToIstio,
};

/** Converts the workspace's routing to `to`; the losses say what could not be carried over. */
export function convert(workspace: Workspace, to: TargetApi): Conversion {
  return CONVERTERS[to](workspace);
}

export function isTargetApi(value: string): value is TargetApi {
  return value === 'istio' || value === 'gateway-api';
}
