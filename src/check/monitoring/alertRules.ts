/**
 * Alerting rules without what makes them usable: a `for`, so one bad scrape does not page
 * anyone (the rule must hold that long before it fires), and a `severity` label, which
 * Alertmanager routes and silences by and the kube-prometheus rules all carry. Information
 * only: some alerts (a watchdog, `absent()`) rightly fire at once.
 */
import { ruleExpressions } from '../../model/monitoring.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';

export const checkMonitoringAlertRules: Check = (context) => {
  const out: Finding[] = [];
  for (const entry of context.entriesOf('PrometheusRule')) {
    for (const rule of ruleExpressions(entry.plain)) {
      if (!rule.alert) continue;
      const path = [...rule.path.slice(0, -1), 'alert'];
      const base = { resource: entry.id, at: entryAddress(entry), path, severity: 'info' as const };
      if (rule.for === undefined)
        out.push({
          ...base,
          code: 'monitoring-alert-no-for',
          message: `Alert ${rule.owner} has no "for": it fires on the first evaluation that matches, so a single spike pages someone. Add for: 5m (or how long it must hold)`,
        });
      if (rule.severity === undefined)
        out.push({
          ...base,
          code: 'monitoring-alert-no-severity',
          message: `Alert ${rule.owner} has no severity label: Alertmanager routes and silences alerts by it. Add labels: {severity: warning} (or critical, info)`,
        });
    }
  }
  return out;
};
