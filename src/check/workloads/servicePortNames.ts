import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace, scalarAt } from './resources.ts';

/** Protocols `protocol.Parse` knows (pkg/config/protocol/instance.go), lower case. */
const PROTOCOLS = new Set([
  'tcp',
  'udp',
  'grpc',
  'grpc-web',
  'http',
  'http_proxy',
  'http2',
  'https',
  'tls',
  'mongo',
  'redis',
  'mysql',
]);

/** Ports Istio treats as TCP whatever their name: SMTP, DNS, MySQL, MongoDB (pkg/config/kube). */
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);

/** Kubernetes' standard `appProtocol` names (`kube.ConvertProtocol`). */
const STANDARD_APP_PROTOCOLS = new Set([
  'kubernetes.io/h2c',
  'kubernetes.io/ws',
  'kubernetes.io/wss',
]);

/** Labels of Services that gateway controllers create, which users do not name. */
const MANAGED_GATEWAY_CONTROLLERS = new Set([
  'istio.io-gateway-controller',
  'istio.io-mesh-controller',
  'istio.io-eastwest-controller',
]);

/**
 * Whether Istio can tell a Service port's protocol from `appProtocol` or the port name
 * (`<protocol>[-<suffix>]`), as `kube.ConvertProtocol` (pkg/config/kube/conversion.go) does.
 */
export function hasKnownProtocol(
  port: number | undefined,
  name: string,
  protocol: string,
  appProtocol: string | undefined,
): boolean {
  if (protocol === 'UDP') return true;
  const text = appProtocol ?? name;
  if (appProtocol !== undefined && STANDARD_APP_PROTOCOLS.has(appProtocol)) return true;
  if (text.toLowerCase().startsWith('grpc-web')) return true;
  const dash = text.indexOf('-');
  const prefix = (dash === -1 ? text : text.slice(0, dash)).toLowerCase();
  if (PROTOCOLS.has(prefix)) return true;
  return port !== undefined && WELL_KNOWN_PORTS.has(port);
}

/**
 * Service port names, as `PortNameAnalyzer` (pkg/config/analysis/analyzers/service/portname.go)
 * reads them: a port whose protocol Istio cannot tell from `appProtocol` or its name gets
 * protocol sniffing → IST0118 (info). For an ExternalName Service that, or a port named `tcp`,
 * is IST0150 instead: the proxy may not forward its traffic. Istio's own Services (labelled
 * `istio`, or `release: istio`) and gateway-controller Services are skipped.
 */
export const servicePortNameChecks: Check = function* (context) {
  for (const item of context.catalog.services) {
    const entry = entryOf(context, item.id);
    const service = item.object;
    const { labels, namespace } = service.metadata;
    if (!entry || isSystemNamespace(namespace)) continue;
    if (labels.istio !== undefined || labels.release === 'istio') continue;
    if (MANAGED_GATEWAY_CONTROLLERS.has(labels['gateway.istio.io/managed'] ?? '')) continue;
    const externalName = service.type === 'ExternalName';
    const seen = new Set<string>();
    for (const [index, port] of service.ports.entries()) {
      const name = port.name ?? '';
      const appProtocol = scalarAt(entry, ['spec', 'ports', index, 'appProtocol']);
      const known = hasKnownProtocol(
        port.port,
        name,
        port.protocol,
        typeof appProtocol === 'string' ? appProtocol : undefined,
      );
      if (known && !(externalName && name === 'tcp')) continue;
      const path =
        port.name === undefined ? ['spec', 'ports', index] : ['spec', 'ports', index, 'name'];
      if (externalName) {
        // IST0150's message has no arguments: Istio reports it once per Service.
        if (seen.has('external')) continue;
        seen.add('external');
        yield findingOn(entry, {
          code: 'service-external-name-port-name',
          severity: 'warning',
          message: `${name ? `Port name ${name}` : 'An unnamed port'} of this ExternalName Service does not tell Istio the protocol${name === 'tcp' ? ' (tcp is not enough for ExternalName)' : ''}: the proxy may not forward TCP-named ports and unmatched traffic correctly. Name it after its protocol, such as https or http-web.`,
          path,
          istio: 'IST0150',
        });
        continue;
      }
      const target = port.targetPort ?? 0;
      const key = `${name}\n${port.port}\n${target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield findingOn(entry, {
        code: 'service-port-name-convention',
        severity: 'info',
        message: `${name ? `Port name ${name}` : 'Unnamed port'} (port ${port.port ?? '?'}) does not follow Istio's <protocol>[-<suffix>] naming, so Istio detects the protocol from traffic. Name it like http-${name || 'web'} or set appProtocol.`,
        path,
        istio: 'IST0118',
      });
    }
  }
};
