import { formatPercent } from './destinations.ts';
import type { SimDestination, Simulation } from './types.ts';

/** One line that answers "where does this request go?", for the panel and `simulate --format text`. */
export function outcomeSummary(simulation: Simulation): string {
  const { outcome, status } = simulation;
  const rule = simulation.rule
    ? `rule ${simulation.rule.name ?? `${simulation.rule.section}[${simulation.rule.index}]`} of ${simulation.virtualService}`
    : undefined;
  switch (outcome) {
    case 'route':
      return `Routed by ${rule ?? simulation.virtualService} to ${simulation.destinations
        .filter((d) => d.probability > 0)
        .map(destinationText)
        .join(', ')}`;
    case 'redirect':
      return `${status} redirect to ${simulation.redirect?.location ?? '?'}${rule ? ` (${rule})` : ' (httpsRedirect)'}`;
    case 'directResponse':
      return `${status} answered by the gateway itself (directResponse, ${rule})`;
    case 'fault':
      return `${status ?? 'gRPC'} abort injected by ${rule}`;
    case 'noRoute':
      return `${status ?? 404} from the gateway: no VirtualService route matches`;
    case 'noServer':
      return 'No server of any Gateway takes this request: the connection fails';
  }
}

/** `reviews.bookinfo.svc.cluster.local:9080 v2 (90%)`. */
export function destinationText(d: SimDestination): string {
  return `${d.host}${d.port ? `:${d.port}` : ''}${d.subset ? ` ${d.subset}` : ''} (${formatPercent(d.probability)})`;
}
