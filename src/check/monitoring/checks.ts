import type { Check } from '../finding.ts';
import { checkMonitoringAlertRules } from './alertRules.ts';
import { checkMonitoringDashboards } from './dashboards.ts';
import { checkMonitoringPorts } from './ports.ts';
import { checkMonitoringPromql } from './promql.ts';
import { checkMonitoringSchema } from './schema.ts';

/** The monitoring checks (prometheus-operator kinds, Grafana dashboards), in listing order. */
export const MONITORING_CHECKS: readonly Check[] = [
  checkMonitoringSchema,
  checkMonitoringPromql,
  checkMonitoringDashboards,
  checkMonitoringPorts,
  checkMonitoringAlertRules,
];
