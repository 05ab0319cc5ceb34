/**
 * A monitor that scrapes a port by a name none of its targets has: Prometheus discovers the
 * targets but keeps none, and nothing says so. A PodMonitor's `port` names a container port of
 * the pods it selects; a ServiceMonitor's names a port of the Services it selects. Only judged
 * when the workspace holds what the monitor selects (else it is elsewhere in the cluster), and
 * never for the port Istio's injection adds to every proxy (`http-envoy-prom`): a workload's
 * manifest need not declare it.
 */

import { monitorSelects, monitorWatchesNamespace, readMonitor } from '../../model/monitoring.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';

/** Ports the sidecar and gateway injection templates declare on the `istio-proxy` container. */
const INJECTED_PORTS = new Set(['http-envoy-prom']);

const list = (ids: readonly string[]) =>
  ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');

export const checkMonitoringPorts: Check = (context) => {
  const out: Finding[] = [];
  for (const kind of ['PodMonitor', 'ServiceMonitor'] as const) {
    for (const entry of context.entriesOf(kind)) {
      const monitor = readMonitor(entry.plain);
      if (!monitor) continue;
      const ports = new Set<string>();
      const selected: string[] = [];
      if (kind === 'PodMonitor') {
        for (const item of context.catalog.workloads) {
          const { object } = item;
          if (!monitorWatchesNamespace(monitor, object.metadata.namespace)) continue;
          if (!monitorSelects(monitor, object.podLabels)) continue;
          selected.push(item.id);
          for (const container of object.containers)
            for (const port of container.ports) if (port.name) ports.add(port.name);
        }
      } else {
        for (const item of context.catalog.services) {
          const { object } = item;
          if (!monitorWatchesNamespace(monitor, object.metadata.namespace)) continue;
          if (!monitorSelects(monitor, object.metadata.labels)) continue;
          selected.push(item.id);
          for (const port of object.ports) if (port.name) ports.add(port.name);
        }
      }
      if (selected.length === 0) continue;
      const field = kind === 'PodMonitor' ? 'podMetricsEndpoints' : 'endpoints';
      monitor.endpoints.forEach((endpoint, i) => {
        const { port } = endpoint;
        if (port === undefined || ports.has(port) || INJECTED_PORTS.has(port)) return;
        const what =
          kind === 'PodMonitor'
            ? 'no container of the pods it selects'
            : 'none of the Services it selects';
        out.push({
          code: 'monitoring-port-not-found',
          severity: 'warning',
          message: `${kind} scrapes port "${port}", but ${what} (${list(selected)}) has a port of that name: Prometheus finds no target to scrape. Name the port as ${kind === 'PodMonitor' ? 'the container declares it' : 'the Service does'}${ports.size ? ` (${[...ports].sort().join(', ')})` : ''}`,
          resource: entry.id,
          at: entryAddress(entry),
          path: ['spec', field, i, 'port'],
        });
      });
    }
  }
  return out;
};
