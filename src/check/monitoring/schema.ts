/**
 * prometheus-operator's CRDs as the API server validates them: the validators
 * `@kubernetes-models/prometheus-operator` compiles from the operator's published CRDs
 * (monitoring.coreos.com/v1), for ServiceMonitor, PodMonitor and PrometheusRule. Other versions
 * are not checked (the package has no other version of these kinds).
 */
import { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { MONITORING_GROUP } from '../../model/monitoring.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import { formatPath } from '../../yaml/path.ts';
import type { Check, Finding } from '../finding.ts';
import { type SchemaIssue, type Validate, validatorIssues } from '../structure/schema.ts';

const VERSION = `${MONITORING_GROUP}/v1`;

const VALIDATORS: Readonly<Record<string, Validate>> = {
  ServiceMonitor: ServiceMonitor.prototype.validate,
  PodMonitor: PodMonitor.prototype.validate,
  PrometheusRule: PrometheusRule.prototype.validate,
};

/** The CRDs' pattern for Prometheus durations (`for`, `interval`, `scrapeTimeout`…). */
const DURATION_PATTERN =
  '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$';

/** Issues depend on the document alone: an edit elsewhere reuses them. */
const cache = new WeakMap<object, readonly SchemaIssue[]>();

export const checkMonitoringSchema: Check = (context) => {
  const out: Finding[] = [];
  for (const kind of Object.keys(VALIDATORS)) {
    const validate = VALIDATORS[kind] as Validate;
    for (const entry of context.entriesOf(kind)) {
      if (entry.object.apiVersion !== VERSION) continue;
      let issues = cache.get(entry.plain);
      if (!issues) {
        issues = validatorIssues(validate, entry.plain, VERSION).map(readable);
        cache.set(entry.plain, issues);
      }
      for (const issue of issues)
        out.push({
          code: 'monitoring-schema-invalid',
          severity: 'error',
          message: `${kind} ${issue.message} (prometheus-operator's CRD)`,
          resource: entry.id,
          at: entryAddress(entry),
          path: issue.path,
        });
    }
  }
  return out;
};

/** A duration pattern said as what to write, rather than the regular expression. */
function readable(issue: SchemaIssue): SchemaIssue {
  if (issue.keyword !== 'pattern' || !issue.message.includes(DURATION_PATTERN)) return issue;
  return {
    ...issue,
    message: `${formatPath(issue.path)} is not a Prometheus duration: write a number with a unit, such as 30s, 5m or 1h30m`,
  };
}
