import type { SimRequest } from '../simulate/types.ts';
import type { Observed, Verification } from './verify.ts';

/**
 * The comparison in words, the same in the command line and the Convert dialog:
 * "41 of 41 requests go where they went; 2 differences (2 explained by the loss report)".
 */
export function comparisonLine(result: Verification): string {
  const count = result.differences.length;
  const explained = result.differences.filter((d) => d.explainedBy).length;
  return `${result.same} of ${result.total} requests go where they went; ${count} difference${count === 1 ? '' : 's'} (${explained} explained by the loss report)`;
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
