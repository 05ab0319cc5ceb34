import type { LabelSelector } from './gatewayApi.ts';
import type { Dict } from './read.ts';

/**
 * Whether a label selector (`matchLabels`-style map) selects an object with `labels`. An empty
 * selector selects everything, as Kubernetes and Istio (`Gateway.selector`) define it.
 */
export function selects(selector: Dict<string>, labels: Dict<string>): boolean {
  for (const key in selector) if (labels[key] !== selector[key]) return false;
  return true;
}

export function isEmptySelector(selector: Dict<string>): boolean {
  for (const _ in selector) return false;
  return true;
}

/** `app=web,version=v1`: a selector as one line of text, keys in order. */
export function formatLabels(labels: Dict<string>): string {
  return Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/**
 * A LabelSelector as Kubernetes prints it (`metav1.FormatLabelSelector`): requirements sorted by
 * key, `key=value` for matchLabels, `key in (a,b)`, `key notin (a)`, `key` (Exists), `!key`
 * (DoesNotExist). An absent or empty selector is `''`; the caller says what that means.
 */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts: [string, string][] = Object.keys(selector.matchLabels).map((key) => [
    key,
    `${key}=${selector.matchLabels[key]}`,
  ]);
  for (const { key, operator, values } of selector.matchExpressions) {
    const list = `(${[...values].sort().join(',')})`;
    const text =
      operator === 'In'
        ? `${key} in ${list}`
        : operator === 'NotIn'
          ? `${key} notin ${list}`
          : operator === 'Exists'
            ? key
            : operator === 'DoesNotExist'
              ? `!${key}`
              : `${key} ${operator} ${list}`;
    parts.push([key, text]);
  }
  return parts
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, text]) => text)
    .join(',');
}
