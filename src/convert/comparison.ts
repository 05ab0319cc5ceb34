import type { SimRequest } from '../simulate/types.ts';
import type { Observed, Verification } from './verify.ts';

/**
 * The comparison in words, the same in the command line and the Convert dialog: "41 of 41
 * requests go where they went; no differences", "39 of 41 …; 2 differences, both in the loss
 * report", "38 of 41 …; 3 differences, 1 in the loss report, 2 not explained".
 */
export function comparisonLine(result: Verification): string {
  const count = result.differences.length;
  const explained = result.differences.filter((d) => d.explainedBy).length;
  const head = `${result.same} of ${result.total} requests go where they went; `;
  if (count === 0) return `${head}no differences`;
  const differences = `${count} difference${count === 1 ? '' : 's'}`;
  if (explained === count)
    return `${head}${differences}, ${count === 1 ? '' : count === 2 ? 'both ' : 'all '}in the loss report`;
  if (explained === 0) return `${head}${differences}, not explained by the loss report`;
  return `${head}${differences}, ${explained} in the loss report, ${count - explained} not explained`;
}

/** `GET http://shop.example.com/api {"x-beta":"1"}` */
export function requestText(request: SimRequest): string {
  const headers = request.headers ? ` ${JSON.stringify(request.headers)}` : '';
  return `${request.method ?? 'GET'} ${request.url}${headers}`;
}

/** `routed 200 web.default:80 100%`: what a request did, as the comparison saw it. */
export function observedText(o: Observed): string {
  return [o.outcome, o.status ?? '', o.location ?? '', o.destinations.join(', ')]
    .filter((x) => x !== '')
    .join(' ');
}

/**
 * Only what differs, each aspect as before → after: "backend gets shop.example.com/ →
 * shop.example.com/api". Another outcome is the whole answer, so it is said whole.
 */
export function differenceText(before: Observed, after: Observed): string {
  if (before.outcome !== after.outcome || before.status !== after.status)
    return `${observedText(before)} → ${observedText(after)}`;
  const parts: string[] = [];
  const aspect = (name: string, a: string | undefined, b: string | undefined) => {
    if (a !== b) parts.push(`${name} ${a || 'none'} → ${b || 'none'}`);
  };
  aspect('to', before.destinations.join(', '), after.destinations.join(', '));
  aspect('redirect to', before.location, after.location);
  aspect('backend gets', before.upstream, after.upstream);
  aspect('mirrors', before.mirrors?.join(', '), after.mirrors?.join(', '));
  return parts.join('; ');
}
