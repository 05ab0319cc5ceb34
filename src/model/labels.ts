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
