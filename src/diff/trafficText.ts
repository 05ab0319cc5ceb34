import type { SimDestination, SimRequest, Simulation } from '../simulate/types.ts';
import type { TrafficChange } from './trafficChanges.ts';

/**
 * One change for traffic as a reviewer would write it: "GET shop.example.com/api with x-beta: 1:
 * v2 20% → 40%", "GET myapp.example.com/legacy: route → 404". The same words in the command
 * line's text and the app's Compare view.
 */
export function trafficLine(change: TrafficChange): string {
  return `${requestWords(change.request)}: ${changeWords(change.before, change.after)}`;
}

/** `GET shop.example.com/api with x-beta: 1` (the scheme only when it is https). */
export function requestWords(request: SimRequest): string {
  // The port a URL needs anyway (80 for http, 443 for https) is left out, as a person writes it.
  const url = request.url
    .replace(/^(https:\/\/[^/?#]*):443(?=[/?#]|$)/, '$1')
    .replace(/^http:\/\/([^/?#]*?)(:80)?(?=[/?#]|$)/, '$1');
  const headers = Object.entries(request.headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
  return `${request.method ?? 'GET'} ${url}${headers ? ` with ${headers}` : ''}`;
}

/** Only what differs: the whole answer when it differs, else the shares, the upstream, copies. */
function changeWords(before: Simulation, after: Simulation): string {
  const a = answerWord(before);
  const b = answerWord(after);
  if (a !== b) return `${a} → ${b}`;
  const parts: string[] = [];
  const shares = shareChanges(before.destinations, after.destinations);
  if (shares) parts.push(shares);
  const location = (s: Simulation) => s.redirect?.location ?? '';
  if (location(before) !== location(after))
    parts.push(`redirect to ${location(before)} → ${location(after)}`);
  const upstream = (s: Simulation) => `${s.request.authority}${s.request.path}`;
  if (before.outcome === 'route' && upstream(before) !== upstream(after))
    parts.push(`backend gets ${upstream(before)} → ${upstream(after)}`);
  const mirrors = (s: Simulation) =>
    (s.mirrors ?? [])
      .filter((m) => m.percentage > 0)
      .map((m) => `${m.subset ?? shortHost(m.host)} ${m.percentage}%`)
      .join(', ') || 'none';
  if (mirrors(before) !== mirrors(after))
    parts.push(`copies to ${mirrors(before)} → ${mirrors(after)}`);
  // The simulator's comparison saw a difference the words above do not name (another port, or
  // the same subset of another host): say where traffic goes on each side.
  return parts.join('; ') || `${placesWords(before)} → ${placesWords(after)}`;
}

/** The answer in one or two words: `route`, `404`, `301 redirect`, `503 (no endpoints)`… */
function answerWord(s: Simulation): string {
  switch (s.outcome) {
    case 'route':
      return s.status === null ? 'route' : `${s.status} (no endpoints)`;
    case 'redirect':
      return `${s.status ?? s.redirect?.status ?? 301} redirect`;
    case 'directResponse':
      return `${s.status} direct response`;
    case 'fault':
      return `${s.status ?? 'gRPC'} abort`;
    case 'noRoute':
      return `${s.status ?? 404}`;
    case 'noServer':
      return 'connection fails';
  }
}

/** `v1 80% → 60%, v2 20% → 40%`: each place whose share changed, new places at 0% before. */
function shareChanges(a: readonly SimDestination[], b: readonly SimDestination[]): string {
  const named = naming([...a, ...b]);
  const before = shares(a, named);
  const after = shares(b, named);
  const places = [...new Set([...after.keys(), ...before.keys()])];
  return places
    .filter((p) => (before.get(p) ?? 0) !== (after.get(p) ?? 0))
    .map((p) => `${p} ${percent(before.get(p) ?? 0)} → ${percent(after.get(p) ?? 0)}`)
    .join(', ');
}

function placesWords(s: Simulation): string {
  const named = naming(s.destinations);
  return (
    [...shares(s.destinations, named)]
      .map(([p, share]) => `${p}${portsOf(s, p, named)} ${percent(share)}`)
      .join(', ') || answerWord(s)
  );
}

function portsOf(s: Simulation, place: string, named: (d: SimDestination) => string): string {
  const ports = s.destinations.filter((d) => named(d) === place && d.port !== null);
  return ports.length ? `:${ports.map((d) => d.port).join(',')}` : '';
}

/** A subset by its name, a host by its first label: the full name only where two would read alike. */
function naming(all: readonly SimDestination[]): (d: SimDestination) => string {
  const hosts = new Set(all.map((d) => d.host));
  const short = new Set(all.map((d) => shortHost(d.host)));
  const hostName = (host: string) => (short.size === hosts.size ? shortHost(host) : host);
  const place = (d: SimDestination) =>
    d.subset === null
      ? hostName(d.host)
      : hosts.size > 1
        ? `${hostName(d.host)}/${d.subset}`
        : d.subset;
  // A place Envoy has no endpoints for answers its share with 503: the reviewer must see that.
  return (d) => `${place(d)}${d.endpoints === 'none' ? ' (503, no endpoints)' : ''}`;
}

function shares(
  destinations: readonly SimDestination[],
  named: (d: SimDestination) => string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of destinations) out.set(named(d), (out.get(named(d)) ?? 0) + d.probability);
  return out;
}

function shortHost(host: string): string {
  return host.split('.')[0] ?? host;
}

/** 0.2 → `20%`, 1/3 → `33.3%`. */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}
