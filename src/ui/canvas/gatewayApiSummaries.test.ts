import { describe, expect, it } from 'vitest';
import { readK8sGateway } from '../../model/gatewayApi.ts';
import { readRoute } from '../../model/gatewayRoutes.ts';
import { gatewayRuleMatch, gatewayRuleTags, listenerSummary } from './gatewayApiSummaries.ts';

const httpRoute = (rules: unknown[]) =>
  readRoute({ kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { rules } });

describe('Gateway API rule summaries', () => {
  it('spells out two matches and counts the rest', () => {
    const route = httpRoute([
      {
        matches: [
          { path: { type: 'Exact', value: '/productpage' } },
          { path: { type: 'PathPrefix', value: '/static' } },
          { path: { type: 'Exact', value: '/login' } },
        ],
      },
    ]);
    expect(gatewayRuleMatch(route, 0)).toBe('Exact /productpage, PathPrefix /static +1');
  });

  it('adds the method and counts headers and query parameters; the default path is PathPrefix /', () => {
    const route = httpRoute([
      {
        matches: [
          {
            method: 'POST',
            headers: [
              { name: 'x-a', value: '1' },
              { name: 'x-b', value: '2' },
            ],
            queryParams: [{ name: 'q', value: 'x' }],
          },
        ],
      },
      {},
    ]);
    expect(gatewayRuleMatch(route, 0)).toBe('PathPrefix / · POST · 2 headers · 1 query');
    expect(gatewayRuleMatch(route, 1)).toBe('any request');
  });

  it('reads gRPC methods', () => {
    const route = readRoute({
      kind: 'GRPCRoute',
      metadata: { name: 'g' },
      spec: { rules: [{ matches: [{ method: { service: 'helloworld.Greeter' } }] }, {}] },
    });
    expect(gatewayRuleMatch(route, 0)).toBe('Exact helloworld.Greeter/*');
    expect(gatewayRuleMatch(route, 1)).toBe('any request');
  });

  it('tags filters once each, backendRef filters too, and the request timeout', () => {
    const route = httpRoute([
      {
        filters: [
          { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
          {
            type: 'RequestHeaderModifier',
            requestHeaderModifier: { set: [{ name: 'a', value: 'b' }] },
          },
          { type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['c'] } },
          { type: 'ExtensionRef', extensionRef: { name: 'x' } },
        ],
        timeouts: { request: '5s' },
      },
      {
        filters: [
          {
            type: 'URLRewrite',
            urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } },
          },
        ],
        backendRefs: [
          {
            name: 'a',
            filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm' } } }],
          },
        ],
      },
    ]);
    expect(gatewayRuleTags(route, 0)).toEqual([
      'redirect 301 https',
      'headers',
      'ExtensionRef',
      'timeout 5s',
    ]);
    expect(gatewayRuleTags(route, 1)).toEqual(['rewrite /v2', 'mirror']);
  });
});

describe('listener summaries', () => {
  it('reads port, hostname, TLS passthrough and a namespace selector with kinds', () => {
    const gateway = readK8sGateway({
      kind: 'Gateway',
      metadata: { name: 'gw' },
      spec: {
        listeners: [
          {
            name: 'tls',
            port: 443,
            protocol: 'TLS',
            hostname: 'db.example.com',
            tls: { mode: 'Passthrough' },
            allowedRoutes: {
              namespaces: { from: 'Selector', selector: { matchLabels: { team: 'db' } } },
            },
          },
        ],
      },
    });
    const [listener] = gateway.listeners;
    if (!listener) throw new Error('no listener');
    expect(listenerSummary(listener)).toEqual({
      port: '443 TLS',
      hostname: 'db.example.com',
      tls: 'TLS Passthrough',
      allowed: 'from Selector team=db · TLSRoute',
    });
  });
});
