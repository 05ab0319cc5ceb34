import type { GatewayServer } from '../../model/gateway.ts';
import type { HttpMatch, L4Match, StringMatch } from '../../model/match.ts';
import type { Dict } from '../../model/read.ts';
import type { HttpRoute } from '../../model/virtualService.ts';
import { formatShare, routeShares } from '../../model/weights.ts';

/**
 * One-line texts the canvas shows for rules, servers and edges. Pure functions of the typed
 * model, so they are tested without React (summaries.test.ts).
 */

/** Joins the conditions of one match block: all of them must hold. */
const AND = ' · ';
/** Joins match blocks: any one of them selects the rule (virtual_service.proto). */
const OR = ' | ';

/** `prefix /api`, `exact /`, `regex ^/v[12]/`: how a URI condition reads. */
export function uriText(match: StringMatch): string {
  if (match.exact !== undefined) return `exact ${match.exact}`;
  if (match.prefix !== undefined) return `prefix ${match.prefix}`;
  if (match.regex !== undefined) return `regex ${match.regex}`;
  return 'any uri';
}

/**
 * `x-beta=true` (exact), `x-beta=v1*` (prefix), `x-beta~^v[12]$` (regex), `x-beta` (present:
 * an empty StringMatch only asks for the header to exist).
 */
export function keyedText(key: string, match: StringMatch): string {
  if (match.exact !== undefined) return `${key}=${match.exact}`;
  if (match.prefix !== undefined) return `${key}=${match.prefix}*`;
  if (match.regex !== undefined) return `${key}~${match.regex}`;
  return key;
}

function keyedTexts(
  entries: Dict<StringMatch> | undefined,
  format: (text: string) => string,
): string[] {
  if (!entries) return [];
  return Object.entries(entries).map(([key, match]) => format(keyedText(key, match)));
}

/** One HTTP match block as `prefix /api · GET · x-beta=true`. */
export function httpMatchText(match: HttpMatch): string {
  const parts: string[] = [];
  if (match.uri) parts.push(uriText(match.uri) + (match.ignoreUriCase ? ' (any case)' : ''));
  if (match.method) parts.push(plainText(match.method));
  if (match.authority) parts.push(`host ${plainText(match.authority)}`);
  if (match.scheme) parts.push(`scheme ${plainText(match.scheme)}`);
  if (match.port !== undefined) parts.push(`port ${match.port}`);
  parts.push(...keyedTexts(match.headers, (t) => t));
  parts.push(...keyedTexts(match.withoutHeaders, (t) => `not ${t}`));
  parts.push(...keyedTexts(match.queryParams, (t) => `?${t}`));
  if (match.gateways) parts.push(`via ${match.gateways.join(', ')}`);
  return parts.length > 0 ? parts.join(AND) : 'any request';
}

/** A method or host condition reads best without the `exact` word: `GET`, `shop.example.com`. */
function plainText(match: StringMatch): string {
  if (match.exact !== undefined) return match.exact;
  if (match.prefix !== undefined) return `${match.prefix}*`;
  if (match.regex !== undefined) return `~${match.regex}`;
  return 'any';
}

/** One TLS/TCP match block: `sni shop.example.com · port 443`. */
export function l4MatchText(match: L4Match): string {
  const parts: string[] = [];
  if (match.sniHosts?.length) parts.push(`sni ${match.sniHosts.join(', ')}`);
  if (match.port !== undefined) parts.push(`port ${match.port}`);
  if (match.destinationSubnets?.length) parts.push(`to ${match.destinationSubnets.join(', ')}`);
  if (match.gateways) parts.push(`via ${match.gateways.join(', ')}`);
  return parts.length > 0 ? parts.join(AND) : 'any connection';
}

/** A rule's whole match list: blocks joined by ` | `; no block at all matches everything. */
export function matchSummary(matches: readonly (HttpMatch | L4Match)[], section: string): string {
  if (matches.length === 0) return section === 'http' ? 'any request' : 'any connection';
  const text = (m: HttpMatch | L4Match) =>
    section === 'http' ? httpMatchText(m as HttpMatch) : l4MatchText(m as L4Match);
  return matches.map(text).join(OR);
}

/**
 * What a rule does besides routing, as short tags: `rewrite /`, `redirect 301`, `direct 404`,
 * `delegate web/api`, `fault`, `timeout 5s`, `retries 3`.
 */
export function ruleActionTags(r: HttpRoute): string[] {
  const tags: string[] = [];
  if (r.redirect) {
    const target = r.redirect.uri ?? r.redirect.authority ?? r.redirect.scheme ?? '';
    tags.push(`redirect ${r.redirect.redirectCode ?? 301}${target ? ` ${target}` : ''}`);
  }
  if (r.directResponse) tags.push(`direct ${r.directResponse.status ?? '?'}`);
  if (r.delegate) {
    const ns = r.delegate.namespace;
    tags.push(`delegate ${ns ? `${ns}/` : ''}${r.delegate.name}`);
  }
  if (r.rewrite?.uri !== undefined) tags.push(`rewrite ${r.rewrite.uri || '""'}`);
  else if (r.rewrite?.uriRegexRewrite) tags.push('rewrite regex');
  if (r.rewrite?.authority !== undefined) tags.push(`host → ${r.rewrite.authority}`);
  if (r.fault)
    tags.push(r.fault.abort ? `abort ${r.fault.abort.httpStatus ?? ''}`.trim() : 'delay');
  if (r.timeout) tags.push(`timeout ${r.timeout}`);
  if (r.retries?.attempts !== undefined) tags.push(`retries ${r.retries.attempts}`);
  return tags;
}

/** A Gateway server as the canvas lists it. */
export interface ServerSummary {
  /** `443 HTTPS`. */
  readonly port: string;
  /** `shop.example.com, web/*.example.org`. */
  readonly hosts: string;
  /** `TLS SIMPLE · shop-cert`, or undefined for plain-text servers. */
  readonly tls: string | undefined;
  /** True when the server answers plain HTTP with a redirect to HTTPS. */
  readonly httpsRedirect: boolean;
}

export function serverSummary(server: GatewayServer): ServerSummary {
  const port = server.port
    ? `${server.port.number ?? '?'} ${server.port.protocol || '?'}`.trim()
    : 'no port';
  const tls = server.tls;
  const credential = tls?.credentialName ?? tls?.credentialNames?.join(', ');
  const tlsText =
    tls?.mode !== undefined
      ? `TLS ${tls.mode}${credential ? ` · ${credential}` : ''}`
      : credential
        ? `TLS · ${credential}`
        : undefined;
  return {
    port,
    hosts: server.hosts.length > 0 ? server.hosts.join(', ') : 'no hosts',
    tls: tlsText,
    httpsRedirect: tls?.httpsRedirect === true,
  };
}

/** The part of a graph edge the labels need (kept structural so tests need no whole graph). */
export interface WeightedEdge {
  readonly id: string;
  readonly source: string;
  readonly kind: string;
  readonly weight?: number;
}

/**
 * Percent labels for the `route` edges of rules that split traffic. Weights are relative
 * (Istio divides each by the rule's total, and a destination without a weight gets none when
 * others have one), so a rule writing 3 and 1 shows 75% and 25%. Rules with one destination get
 * no label: all traffic goes there, which the single edge already says.
 */
export function splitLabels(edges: readonly WeightedEdge[]): Map<string, string> {
  const byRule = new Map<string, WeightedEdge[]>();
  for (const edge of edges) {
    if (edge.kind !== 'route') continue;
    const group = byRule.get(edge.source);
    if (group) group.push(edge);
    else byRule.set(edge.source, [edge]);
  }
  const labels = new Map<string, string>();
  for (const group of byRule.values()) {
    if (group.length < 2) continue;
    const shares = routeShares(group.map((e) => e.weight ?? 0));
    if (shares.every((s) => s === 0)) continue;
    group.forEach((edge, i) => {
      labels.set(edge.id, formatShare(shares[i] ?? 0));
    });
  }
  return labels;
}

/** `mirror` or `mirror 10%`: a mirror edge's label, with its sampling percentage if written. */
export function mirrorLabel(percentage: number | undefined): string {
  return percentage === undefined ? 'mirror' : `mirror ${formatShare(percentage / 100)}`;
}
