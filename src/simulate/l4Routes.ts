import { resolveGatewayName } from '../model/gatewayNames.ts';
import { hostsOverlap, mostSpecificHost } from '../model/hosts.ts';
import type { L4Match } from '../model/match.ts';
import { namesForNamespace } from '../model/serverHosts.ts';
import type { L4Route } from '../model/virtualService.ts';
import { type VsInfo, virtualServicesForGateway } from './bindings.ts';
import type { ServerRef } from './servers.ts';

/** A `tcp` or `tls` rule chosen at a server. */
export interface L4Choice {
  readonly vs: VsInfo;
  readonly section: 'tcp' | 'tls';
  readonly index: number;
  readonly matchIndex?: number;
  readonly rule: L4Route;
}

/**
 * `pickMatchingGatewayHosts`: whether a VirtualService host overlaps a server host (either way),
 * a `ns/host` server host counting only for VirtualServices of that namespace.
 */
function sharesHost(server: ServerRef, vs: VsInfo): boolean {
  return namesForNamespace(server.hosts, vs.namespace).some((name) =>
    vs.hosts.some((h) => hostsOverlap(name, h)),
  );
}

/** `l4SingleMatch`: the match's port (if any) is the server's, its gateways (if any) name this one. */
function l4Match(match: L4Match, server: ServerRef, namespace: string): boolean {
  if (match.port && match.port !== server.port) return false;
  const gateways = (match.gateways ?? []).map((g) => resolveGatewayName(g, namespace));
  return gateways.length === 0 || gateways.includes(server.gatewayName);
}

/**
 * `buildGatewayNetworkFiltersFromTCPRoutes`: for a TCP server, or a TLS server that terminates,
 * the first `tcp` rule (with destinations) whose matches fit, of the first VirtualService bound
 * to the Gateway that shares a host with the server. The request's host plays no part.
 */
export function tcpRoute(
  server: ServerRef,
  all: readonly VsInfo[],
  proxyNamespace: string,
): L4Choice | undefined {
  for (const vs of virtualServicesForGateway(all, server.gatewayName, proxyNamespace)) {
    if (!sharesHost(server, vs)) continue;
    const rules = vs.item.object.tcp;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as L4Route;
      const fits =
        rule.match.length === 0 || rule.match.some((m) => l4Match(m, server, vs.namespace));
      if (fits && rule.route.length > 0) return { vs, section: 'tcp', index, rule };
    }
  }
  return undefined;
}

/** A filter chain of a TLS passthrough server: the SNI names of one `tls` match. */
export interface TlsChain {
  readonly sniHosts: readonly string[];
  readonly choice: L4Choice;
}

/**
 * `buildGatewayNetworkFiltersFromTLSRoutes` for a PASSTHROUGH server: one filter chain per
 * fitting match of every `tls` rule (with destinations) of the VirtualServices bound to the
 * Gateway that share a host with the server; a match repeating SNI names already taken on the
 * port is skipped (`CheckDuplicates`), which `taken` records across servers.
 */
export function tlsChains(
  server: ServerRef,
  all: readonly VsInfo[],
  proxyNamespace: string,
  taken: Set<string>,
): { readonly chains: TlsChain[]; readonly duplicates: string[] } {
  const chains: TlsChain[] = [];
  const duplicates: string[] = [];
  for (const vs of virtualServicesForGateway(all, server.gatewayName, proxyNamespace)) {
    if (!sharesHost(server, vs)) continue;
    vs.item.object.tls.forEach((rule, index) => {
      if (rule.route.length === 0) return;
      rule.match.forEach((match, matchIndex) => {
        if (!l4Match(match, server, vs.namespace)) return;
        const sni = (match.sniHosts ?? []).map((h) => h.toLowerCase());
        const bind = server.server.bind ?? '';
        const repeated = sni.filter((h) => taken.has(`${bind}|${h}`));
        if (repeated.length > 0) {
          duplicates.push(
            `${vs.item.id} tls[${index}] match ${matchIndex}: ${repeated.join(', ')}`,
          );
          return;
        }
        for (const h of sni) taken.add(`${bind}|${h}`);
        chains.push({ sniHosts: sni, choice: { vs, section: 'tls', index, matchIndex, rule } });
      });
    });
  }
  return { chains, duplicates };
}

/**
 * Envoy's filter chain choice by SNI (`server_names`): an exact name, else the longest wildcard
 * suffix (`*.example.com`), else a chain without names. Undefined when none takes the name.
 */
export function pickBySni<T extends { readonly sniHosts: readonly string[] }>(
  chains: readonly T[],
  sni: string,
): T | undefined {
  const name = mostSpecificHost(
    sni,
    chains.flatMap((c) => c.sniHosts.filter((n) => n !== '*')),
  );
  if (name !== undefined) return chains.find((c) => c.sniHosts.includes(name));
  return chains.find((c) => c.sniHosts.length === 0 || c.sniHosts.includes('*'));
}
