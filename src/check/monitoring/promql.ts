/**
 * Every PromQL expression of a PrometheusRule (`spec.groups[].rules[].expr`) and of a Grafana
 * dashboard ConfigMap (its panels' `targets[].expr`) read with Prometheus's own grammar
 * (`@prometheus-io/lezer-promql`): where it stops understanding one, an error at the field, with
 * the line and column inside the expression. Grafana's variables are read as Grafana sends them.
 */
import { promqlExpressions } from '../../model/monitoring.ts';
import { parsePromql } from '../../model/promql.ts';
import { entryAddress } from '../../workspace/workspace.ts';
import type { Check, Finding } from '../finding.ts';

const cache = new WeakMap<object, readonly Omit<Finding, 'resource' | 'at'>[]>();

export const checkMonitoringPromql: Check = (context) => {
  const out: Finding[] = [];
  for (const kind of ['PrometheusRule', 'ConfigMap']) {
    for (const entry of context.entriesOf(kind)) {
      let found = cache.get(entry.plain);
      if (!found) {
        found = promqlExpressions(entry.plain).flatMap((e) => {
          const [error] = parsePromql(e.expr).errors;
          if (!error) return [];
          const where =
            e.alert || e.path[0] === 'spec' ? `${e.owner}: its expr` : `The query of ${e.owner}`;
          return [
            {
              code: 'monitoring-promql-invalid',
              severity: 'error' as const,
              message: `${where} is not valid PromQL at line ${error.line}, column ${error.column}: ${error.message} (near "${near(e.expr, error.offset)}")`,
              path: e.path,
            },
          ];
        });
        cache.set(entry.plain, found);
      }
      for (const finding of found)
        out.push({ ...finding, resource: entry.id, at: entryAddress(entry) });
    }
  }
  return out;
};

/** A few characters on either side of the error, on one line. */
function near(expr: string, offset: number): string {
  const start = Math.max(0, offset - 20);
  const text = expr.slice(start, offset + 10).replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${text}${offset + 10 < expr.length ? '…' : ''}`;
}
