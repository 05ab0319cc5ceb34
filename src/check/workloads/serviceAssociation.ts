import { selects } from '../../model/labels.ts';
import { valueAt } from '../../model/read.ts';
import type { Deployment } from '../../model/workload.ts';
import type { Entry } from '../../workspace/workspace.ts';
import type { CheckContext } from '../context.ts';
import type { Check } from '../finding.ts';
import { entryOf, findingOn, isSystemNamespace, scalarAt } from './resources.ts';
import { servicesIn } from './workloadSelection.ts';

const INJECT = 'sidecar.istio.io/inject';

/**
 * A Deployment against the Services selecting its pods, as `ServiceAssociationAnalyzer`
 * (pkg/config/analysis/analyzers/deployment/services.go) reads them, for Deployments in the
 * mesh only (`util.DeploymentInMesh`):
 *
 * - one port number reached with different protocols by different Services → IST0116;
 * - one targetPort reached through different Service ports → IST0137 ("two services selecting
 *   the same workload with the same targetPort must refer to the same port").
 *
 * Services select pods of their own namespace; a Service without selector selects none.
 */
export const serviceAssociationChecks: Check = function* (context) {
  for (const item of context.catalog.workloads) {
    if (item.object.kind !== 'Deployment') continue;
    const deployment = item.object;
    const entry = entryOf(context, item.id);
    if (!entry || isSystemNamespace(deployment.metadata.namespace)) continue;
    const services = servicesIn(context, deployment.metadata.namespace).filter(
      (s) => s.object.selector !== undefined && selects(s.object.selector, deployment.podLabels),
    );
    if (services.length < 2 || !inMesh(context, entry, deployment)) continue;
    const protocols = new Map<number, Map<string, string[]>>();
    const targets = new Map<string, Map<number, string>>();
    for (const service of services) {
      const name = `${service.object.metadata.namespace}/${service.object.metadata.name}`;
      for (const port of service.object.ports) {
        if (port.port === undefined) continue;
        const byProtocol = protocols.get(port.port) ?? new Map<string, string[]>();
        protocols.set(port.port, byProtocol);
        byProtocol.set(port.protocol, [...(byProtocol.get(port.protocol) ?? []), name]);
        // An unset (or zero) targetPort is the port itself.
        const target =
          port.targetPort === undefined || port.targetPort === 0 || port.targetPort === ''
            ? String(port.port)
            : String(port.targetPort);
        const byPort = targets.get(target) ?? new Map<number, string>();
        targets.set(target, byPort);
        byPort.set(port.port, name);
      }
    }
    for (const [port, byProtocol] of protocols) {
      if (byProtocol.size < 2) continue;
      const uses = [...byProtocol].map(([protocol, names]) => `${protocol} (${names.join(', ')})`);
      yield findingOn(entry, {
        code: 'deployment-port-protocol-conflict',
        severity: 'warning',
        message: `Services selecting this Deployment's pods use port ${port} with different protocols: ${uses.join(', ')}. Istio cannot tell which protocol the port serves; use one protocol per port.`,
        path: ['metadata', 'name'],
        istio: 'IST0116',
      });
    }
    for (const [target, byPort] of targets) {
      if (byPort.size < 2) continue;
      const uses = [...byPort].map(([port, name]) => `${port} (${name})`);
      yield findingOn(entry, {
        code: 'deployment-target-port-conflict',
        severity: 'warning',
        message: `Services selecting this Deployment's pods reach targetPort ${target} through different ports: ${uses.join(', ')}. Services sharing a targetPort must use the same port.`,
        path: ['metadata', 'name'],
        istio: 'IST0137',
      });
    }
  }
};

/**
 * Whether the Deployment's pods get a sidecar (`util.DeploymentInMesh`,
 * pkg/config/analysis/analyzers/util/in_mesh.go): an `istio-proxy` container with an image;
 * else the pod template's `sidecar.istio.io/inject` label, then annotation; else the
 * `istio-injection: enabled` label of its Namespace, when the workspace has it.
 */
function inMesh(context: CheckContext, entry: Entry, deployment: Deployment): boolean {
  if (deployment.containers.some((c) => c.name === 'istio-proxy' && c.image)) return true;
  for (const field of ['labels', 'annotations']) {
    const value = scalarAt(entry, ['spec', 'template', 'metadata', field, INJECT]);
    if (value !== undefined && value !== null) return String(value) === 'true';
  }
  const namespace = namespaceLabels(context).get(deployment.metadata.namespace);
  return namespace?.['istio-injection'] === 'enabled';
}

const namespaceCache = new WeakMap<CheckContext, ReadonlyMap<string, Record<string, unknown>>>();

function namespaceLabels(context: CheckContext): ReadonlyMap<string, Record<string, unknown>> {
  let map = namespaceCache.get(context);
  if (!map) {
    const out = new Map<string, Record<string, unknown>>();
    for (const entry of context.entriesOf('Namespace')) {
      const labels = valueAt(context.raw(entry), ['metadata', 'labels']);
      const name = entry.object.metadata.name;
      if (!out.has(name)) {
        out.set(
          name,
          labels !== null && typeof labels === 'object' ? (labels as Record<string, unknown>) : {},
        );
      }
    }
    map = out;
    namespaceCache.set(context, map);
  }
  return map;
}
