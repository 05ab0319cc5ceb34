/**
 * Which controller takes a Gateway: its `gatewayClassName` must name a GatewayClass, held in the
 * workspace or one of Istio's built-in classes (`istio`, `istio-remote`…, Istio's
 * `GetBuiltinGatewayClasses`); `gatewayController` answers it once. Istio ignores a Gateway
 * whose class it does not know, and a GatewayClass of another controller is not Istio's to run.
 */
import {
  ISTIO_BUILTIN_CLASSES,
  ISTIO_GATEWAY_CONTROLLER,
} from '../../model/istioGatewayDeployment.ts';
import { gatewayApiIndex } from '../../workspace/gatewayApiIndex.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Finding } from '../finding.ts';

const ISTIO_CONTROLLERS = new Set(Object.values(ISTIO_BUILTIN_CLASSES));

export function* checkGatewayClasses(context: CheckContext): Iterable<Finding> {
  const index = gatewayApiIndex(context.workspace);
  for (const { entry, gateway, controller } of index.gateways) {
    if (controller !== undefined) continue;
    const held = index.classes.map((c) => c.metadata.name);
    yield {
      code: 'gwapi-unknown-class',
      severity: 'warning',
      message: `Gateway ${gateway.metadata.name} names GatewayClass "${gateway.gatewayClassName}", which is neither in the workspace${held.length ? ` (it holds ${held.join(', ')})` : ''} nor one of Istio's built-in classes (${Object.keys(ISTIO_BUILTIN_CLASSES).join(', ')}): Istio will ignore this Gateway. Use gatewayClassName: istio, or add the GatewayClass`,
      resource: entry.id,
      at: entryAddress(entry),
      path: ['spec', 'gatewayClassName'],
      fixes: [
        {
          title: 'Use Istio’s class "istio"',
          command: {
            type: 'setValue',
            target: entry.id,
            path: ['spec', 'gatewayClassName'],
            value: 'istio',
          },
        },
      ],
    };
  }
  for (const entry of context.entriesOf('GatewayClass')) {
    const object = entry.object;
    if (object.kind !== 'GatewayClass' || !('controllerName' in object)) continue;
    const controller = object.controllerName;
    if (controller === undefined || ISTIO_CONTROLLERS.has(controller)) continue;
    yield {
      code: 'gwapi-class-not-istio',
      severity: 'info',
      message: `GatewayClass ${object.metadata.name} is run by controller "${controller}", not by Istio (${ISTIO_GATEWAY_CONTROLLER}): Istio neither deploys nor programs its Gateways, and the designer draws and simulates them with the spec's meaning only`,
      resource: entry.id,
      at: entryAddress(entry),
      path: ['spec', 'controllerName'],
    };
  }
}
