/**
 * A dashboard ConfigMap (label `grafana_dashboard`) whose `*.json` entry is not JSON: the
 * sidecar writes it to Grafana's dashboards folder and Grafana fails to load it, silently for
 * the user. Entries not named `.json` are left alone (the sidecar may carry other files).
 */
import { isDashboardConfigMap } from '../../model/monitoring.ts';
import { record } from '../../model/read.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';

export const checkMonitoringDashboards: Check = (context) => {
  const out: Finding[] = [];
  for (const entry of context.entriesOf('ConfigMap')) {
    if (!isDashboardConfigMap(entry.object)) continue;
    const data = record(entry.plain.data);
    for (const key of Object.keys(data)) {
      const text = data[key];
      if (!key.endsWith('.json') || typeof text !== 'string') continue;
      try {
        JSON.parse(text);
      } catch (error) {
        out.push({
          code: 'monitoring-dashboard-json-invalid',
          severity: 'warning',
          message: `Dashboard ${key} is not valid JSON, so Grafana cannot load it: ${error instanceof Error ? error.message : String(error)}`,
          resource: entry.id,
          at: entryAddress(entry),
          path: ['data', key],
        });
      }
    }
  }
  return out;
};
