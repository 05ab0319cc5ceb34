import type { ObjectHeader } from './resource.ts';

/** The kinds monitoring is written in: prometheus-operator's and Grafana's dashboard ConfigMaps. */

export const MONITORING_GROUP = 'monitoring.coreos.com';
export const MONITORING_KINDS = ['ServiceMonitor', 'PodMonitor', 'PrometheusRule'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];

/** Whether a manifest is one of prometheus-operator's kinds (any `monitoring.coreos.com/*`). */
export function isMonitoringObject(object: ObjectHeader): boolean {
  return (
    (MONITORING_KINDS as readonly string[]).includes(object.kind) &&
    object.apiVersion.startsWith(`${MONITORING_GROUP}/`)
  );
}

/**
 * The label Grafana's dashboard sidecar (kiwigrid k8s-sidecar) watches ConfigMaps for, as the
 * Grafana chart and kube-prometheus-stack configure it (`sidecar.dashboards.label`). Since
 * kube-prometheus-stack 32.2 the sidecar also asks for the value `"1"`; Grafana's own chart
 * takes any value.
 */
export const DASHBOARD_LABEL = 'grafana_dashboard';
export const DASHBOARD_LABEL_VALUE = '1';

/** A ConfigMap the Grafana dashboard sidecar loads: it carries the `grafana_dashboard` label. */
export function isDashboardConfigMap(object: ObjectHeader): boolean {
  return (
    object.kind === 'ConfigMap' &&
    object.apiVersion === 'v1' &&
    Object.hasOwn(object.metadata.labels, DASHBOARD_LABEL)
  );
}
