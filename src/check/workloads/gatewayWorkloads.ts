import { DEFAULT_INGRESS } from '../../model/defaultIngress.ts';
import type { Gateway } from '../../model/gateway.ts';
import {
  formatMapping,
  IMPLIED_INGRESS_PORTS,
  servicePortMappings,
} from '../../model/gatewayPorts.ts';
import { selects } from '../../model/labels.ts';
import type { Service } from '../../model/service.ts';
import type { Workload } from '../../model/workload.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext, CheckItem } from '../context.ts';
import type { Check, Finding } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace, selectorText } from './resources.ts';
import { selectedWorkloads, servicesIn } from './workloadSelection.ts';

/**
 * A Gateway against the pods it configures and the Services in front of them, with the meaning
 * of `IngressGatewayPortAnalyzer` (pkg/config/analysis/analyzers/gateway/gateway.go):
 *
 * - the selector matches no pod in any namespace → IST0101 (reftype "selector"); Kiali reports
 *   the same fact as KIA0302 (business/checkers/gateways/selector_checker.go). A Gateway with
 *   no selector applies to every workload, so it never matches nothing.
 * - a server port is neither a `port` nor a `targetPort` of any TCP Service selecting one of
 *   those pods (Services select pods of their own namespace only) → IST0162. Both count since
 *   istio/istio#51278: Istio translates a Gateway port that equals a Service port to its
 *   targetPort. "Will not report a problem if *any* selecting service exposes the port."
 */
export const gatewayWorkloadChecks: Check = function* (context) {
  for (const item of context.catalog.gateways) {
    const entry = entryOf(context, item.id);
    const gateway = item.object;
    if (!entry || isSystemNamespace(gateway.metadata.namespace)) continue;
    const selector = selectorText(gateway.selector);
    const pods = selectedWorkloads(context, gateway.selector);
    if (pods.length === 0) {
      yield findingOn(entry, {
        code: 'gateway-selector-no-workload',
        severity: 'error',
        message: `Gateway selector matches no pods: ${selector}. Change the selector to the labels of the gateway's pods, or add its Deployment.`,
        path: ['spec', 'selector'],
        istio: 'IST0101',
        kiali: 'KIA0302',
        missing: 'Workload',
      });
      continue;
    }
    yield* portsNotOnServices(context, entry, gateway, pods, selector);
  }
};

function* portsNotOnServices(
  context: CheckContext,
  entry: Entry,
  gateway: Gateway,
  pods: readonly CheckItem<Workload>[],
  selector: string,
): Generator<Finding> {
  const ports = new Set<number>();
  let anyService = false;
  let ownService = false;
  for (const pod of pods) {
    for (const service of servicesIn(context, pod.object.metadata.namespace)) {
      // A Service without selector selects everything here, as in the analyzer.
      if (!selects(service.object.selector ?? {}, pod.object.podLabels)) continue;
      anyService = true;
      if (!service.implied) ownService = true;
      addPorts(service.object, ports);
    }
  }
  const reported = new Set<number>();
  for (const [index, server] of gateway.servers.entries()) {
    const number = server.port?.number;
    if (number === undefined || ports.has(number) || reported.has(number)) continue;
    reported.add(number);
    const where = selector === '' ? 'every workload' : `pods ${selector}`;
    yield findingOn(entry, {
      code: 'gateway-port-not-on-service',
      severity: 'warning',
      message: !anyService
        ? `No Service selects the Gateway's ${where}, so port ${number} cannot be reached through a Service. Add a Service for the gateway pods that exposes it.`
        : ownService
          ? `Gateway port ${number} is not a port or targetPort of any Service selecting its ${where}: it cannot be reached through that Service. Add the port to the Service or use one it exposes.`
          : `Gateway port ${number} is not a port of the ingress Service istioctl assumes (${IMPLIED_SERVICE}): it cannot be reached through it. Add the gateway's own Service to the workspace, or use one of those ports.${installedHint(number)}`,
      path: ['spec', 'servers', index, 'port', 'number'],
      istio: 'IST0162',
      // Judged against istioctl's stand-in Service only, the port may well be on the real one.
      ...(ownService ? {} : { missing: 'Service' as const }),
    });
  }
}

const IMPLIED_SERVICE = `${DEFAULT_INGRESS.namespace}/${DEFAULT_INGRESS.serviceName}: ${DEFAULT_INGRESS.servicePorts.map((p) => p.port).join(', ')}`;

/**
 * A standard install's Service (the istio-ingress chart) maps 80 → 8080 and 443 → 8443, which
 * istioctl's stand-in does not: a Gateway on 8080 (Istio's Bookinfo) is served there, and the
 * simulator routes it, so the finding says so.
 */
function installedHint(port: number): string {
  const mapping = IMPLIED_INGRESS_PORTS.find((m) => m.targetPort === port && m.port !== port);
  return mapping
    ? ` A standard install's Service maps ${formatMapping(mapping)}, so there it is served.`
    : '';
}

/**
 * The TCP ports a Service opens on its pods' side: `port`, and a numeric `targetPort` (a named
 * one counts as the port, as the analyzer's `IntValue()` reads it).
 */
function addPorts(service: Service, out: Set<number>): void {
  for (const mapping of servicePortMappings(service)) {
    out.add(mapping.port);
    out.add(mapping.targetPort);
  }
}
