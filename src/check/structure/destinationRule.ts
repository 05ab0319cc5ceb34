/**
 * Istio's `ValidateDestinationRule` (pkg/config/validation/validation.go) on a DestinationRule
 * as written: host, subsets, traffic policies, exportTo and workload selector.
 */

import { isDnsLabel, wildcardDomainProblem } from '../../rules/names.ts';
import { checkExportTo, checkLabels } from './common.ts';
import { at, type Report } from './report.ts';
import { checkTrafficPolicy } from './trafficPolicy.ts';
import { arr, entriesOf, isSet, isTemplated, obj, type Plain, textOr } from './values.ts';

export function validateDestinationRule(doc: Plain, namespace: string, report: Report): void {
  const spec = obj(doc.spec) ?? {};
  const host = textOr(spec.host);
  if (host === '') {
    report.error(
      'dr-host-invalid',
      ['spec', 'host'],
      'DestinationRule has no host: set spec.host to the service it configures',
    );
  } else if (!isTemplated(host)) {
    const problem = wildcardDomainProblem(host);
    if (problem) report.error('dr-host-invalid', ['spec', 'host'], `host "${host}": ${problem}`);
  }
  const policy = isSet(spec, 'trafficPolicy') ? obj(spec.trafficPolicy) : undefined;
  if (policy) checkTrafficPolicy(policy, ['spec', 'trafficPolicy'], report);

  const names = new Set<string>();
  arr(spec.subsets).forEach((item, i) => {
    const path = ['spec', 'subsets', i];
    if (item === null) {
      report.error(
        'dr-subset-null',
        path,
        'subset is empty: remove it or give it a name and labels',
      );
      return;
    }
    const subset = obj(item);
    if (!subset) return;
    const name = textOr(subset.name);
    if (names.has(name)) {
      report.error(
        'dr-subset-duplicate',
        at(path, 'name'),
        `subset name "${name}" is used twice: give each subset a unique name`,
      );
    }
    names.add(name);
    if (name === '') {
      report.error(
        'dr-subset-name-invalid',
        at(path, 'name'),
        'subset has no name: set name, such as v1',
      );
    } else if (!isTemplated(name) && !isDnsLabel(name)) {
      report.error(
        'dr-subset-name-invalid',
        at(path, 'name'),
        `subset name "${name}" is invalid: use letters, digits and inner dashes (a DNS label)`,
      );
    }
    checkLabels(subset.labels, at(path, 'labels'), report, 'dr-subset-labels-invalid');
    const subsetPolicy = isSet(subset, 'trafficPolicy') ? obj(subset.trafficPolicy) : undefined;
    if (subsetPolicy) checkTrafficPolicy(subsetPolicy, at(path, 'trafficPolicy'), report);
  });

  const selector = isSet(spec, 'workloadSelector') ? obj(spec.workloadSelector) : undefined;
  checkExportTo(
    spec.exportTo,
    namespace,
    ['spec', 'exportTo'],
    report,
    'dr-export-to-invalid',
    selector !== undefined,
  );
  if (selector) checkWorkloadSelector(selector, report);
}

/** `validateWorkloadSelector`: no empty keys, no wildcards; no labels is a warning. */
function checkWorkloadSelector(selector: Plain, report: Report): void {
  const path = ['spec', 'workloadSelector', 'matchLabels'];
  const labels = entriesOf(selector.matchLabels);
  for (const [key, value] of labels) {
    if (key === '') {
      report.error('dr-workload-selector-invalid', path, 'workloadSelector has an empty label key');
    }
    if (key.includes('*') || (typeof value === 'string' && value.includes('*'))) {
      report.error(
        'dr-workload-selector-invalid',
        at(path, key),
        `workloadSelector cannot use wildcards ("${key}: ${String(value)}")`,
      );
    }
  }
  if (labels.length === 0) {
    report.warning(
      'dr-workload-selector-empty',
      ['spec', 'workloadSelector'],
      'workloadSelector has no labels: add matchLabels, or remove the selector',
    );
  }
}
