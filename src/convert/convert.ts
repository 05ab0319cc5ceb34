import type { Workspace } from '../workspace/workspace.ts';
import { conversionOf } from './emit.ts';
import { gatewayApiToIstio } from './gatewayApiToIstio.ts';
import { type IngressConversion, ingressToGatewayApi } from './ingressToGatewayApi.ts';
import { ingressToIstio } from './ingressToIstio.ts';
import { istioToGatewayApi } from './istioToGatewayApi.ts';
import type { Conversion, TargetApi } from './types.ts';

/**
 * One converter per target API. Each reads the whole workspace and converts what it knows of
 * the other API (an Ingress reader is one more source a converter can take in).
 */
const CONVERTERS: Record<TargetApi, (workspace: Workspace) => Conversion> = {
  'gateway-api': (workspace) =>
    merged(istioToGatewayApi(workspace), fromIngress(ingressToGatewayApi(workspace))),
  istio: (workspace) =>
    merged(gatewayApiToIstio(workspace), fromIngress(ingressToIstio(workspace))),
};

/** Converts the workspace's routing to `to`; the losses say what could not be carried over. */
export function convert(workspace: Workspace, to: TargetApi): Conversion {
  return CONVERTERS[to](workspace);
}

export function isTargetApi(value: string): value is TargetApi {
  return value === 'istio' || value === 'gateway-api';
}

/** The workspace's Ingresses converted, as a file of their own. */
function fromIngress({ written, losses, replaced }: IngressConversion): Conversion {
  return conversionOf('converted-from-ingress.yaml', written, losses, replaced);
}

/** Two conversions of disjoint sources as one. */
function merged(a: Conversion, b: Conversion): Conversion {
  if (b.replaced.length === 0) return a;
  return {
    files: [...a.files, ...b.files],
    losses: [...a.losses, ...b.losses],
    replaced: [...a.replaced, ...b.replaced],
    origins: Object.assign(Object.create(null), a.origins, b.origins),
  };
}
