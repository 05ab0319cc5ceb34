import { describe, expect, it } from 'vitest';
import { readGateway } from '../../model/gateway.ts';
import { readHttpMatch, readL4Match } from '../../model/match.ts';
import { readVirtualService } from '../../model/virtualService.ts';
import {
  httpMatchText,
  matchSummary,
  mirrorLabel,
  ruleActionTags,
  serverSummary,
  splitLabels,
} from './summaries.ts';

describe('match summaries', () => {
  it('reads a prefix and a header as one line', () => {
    const match = readHttpMatch({
      uri: { prefix: '/api' },
      headers: { 'x-beta': { exact: 'true' } },
    });
    expect(httpMatchText(match)).toBe('prefix /api · x-beta=true');
  });

  it('names every kind of condition', () => {
    const match = readHttpMatch({
      uri: { regex: '^/v[12]/' },
      ignoreUriCase: true,
      method: { exact: 'GET' },
      authority: { prefix: 'shop.' },
      port: 8080,
      headers: { 'x-a': { prefix: 'v1' }, 'x-b': { regex: 'b+' }, 'x-c': {} },
      withoutHeaders: { 'x-d': { exact: '1' } },
      queryParams: { q: { exact: 'x' } },
    });
    expect(httpMatchText(match)).toBe(
      'regex ^/v[12]/ (any case) · GET · host shop.* · port 8080 · x-a=v1* · x-b~b+ · x-c · not x-d=1 · ?q=x',
    );
  });

  it('joins match blocks as alternatives and says when a rule matches everything', () => {
    const blocks = [
      readHttpMatch({ uri: { exact: '/' } }),
      readHttpMatch({ uri: { prefix: '/a' } }),
    ];
    expect(matchSummary(blocks, 'http')).toBe('exact / | prefix /a');
    expect(matchSummary([], 'http')).toBe('any request');
    expect(matchSummary([], 'tcp')).toBe('any connection');
    expect(matchSummary([readHttpMatch({})], 'http')).toBe('any request');
  });

  it('reads TLS and TCP matches', () => {
    const match = readL4Match({ sniHosts: ['a.example.com', 'b.example.com'], port: 443 });
    expect(matchSummary([match], 'tls')).toBe('sni a.example.com, b.example.com · port 443');
  });
});

describe('rule action tags', () => {
  const rule = (http: Record<string, unknown>) => {
    const vs = readVirtualService({ spec: { http: [http] } });
    const first = vs.http[0];
    if (!first) throw new Error('no rule');
    return first;
  };

  it('tags what a rule does besides routing', () => {
    expect(
      ruleActionTags(rule({ rewrite: { uri: '/' }, timeout: '5s', retries: { attempts: 3 } })),
    ).toEqual(['rewrite /', 'timeout 5s', 'retries 3']);
    expect(ruleActionTags(rule({ redirect: { uri: '/new', redirectCode: 302 } }))).toEqual([
      'redirect 302 /new',
    ]);
    expect(ruleActionTags(rule({ directResponse: { status: 404 } }))).toEqual(['direct 404']);
    expect(ruleActionTags(rule({ delegate: { name: 'api', namespace: 'web' } }))).toEqual([
      'delegate web/api',
    ]);
    expect(ruleActionTags(rule({ route: [] }))).toEqual([]);
  });
});

describe('gateway servers', () => {
  it('lists port, protocol, hosts, TLS mode and HTTPS redirect', () => {
    const gw = readGateway({
      spec: {
        servers: [
          {
            port: { number: 443, protocol: 'https' },
            hosts: ['shop.example.com'],
            tls: { mode: 'SIMPLE', credentialName: 'shop-cert' },
          },
          { port: { number: 80, protocol: 'HTTP' }, hosts: ['*'], tls: { httpsRedirect: true } },
        ],
      },
    });
    expect(gw.servers.map(serverSummary)).toEqual([
      {
        port: '443 HTTPS',
        hosts: 'shop.example.com',
        tls: 'TLS SIMPLE · shop-cert',
        httpsRedirect: false,
      },
      { port: '80 HTTP', hosts: '*', tls: undefined, httpsRedirect: true },
    ]);
  });
});

describe('edge labels', () => {
  it('shows weights as shares of the rule total, only where a rule splits', () => {
    const labels = splitLabels([
      { id: 'a', source: 'r1', kind: 'route', weight: 3 },
      { id: 'b', source: 'r1', kind: 'route', weight: 1 },
      { id: 'c', source: 'r2', kind: 'route', weight: 100 },
      { id: 'd', source: 'r3', kind: 'route', weight: 1 },
      { id: 'e', source: 'r3', kind: 'route', weight: 1 },
      { id: 'f', source: 'r3', kind: 'route', weight: 1 },
      { id: 'g', source: 'r1', kind: 'mirror' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({
      a: '75%',
      b: '25%',
      d: '33.3%',
      e: '33.3%',
      f: '33.3%',
    });
  });

  it('gives a destination without a weight no share when its siblings have one', () => {
    const labels = splitLabels([
      { id: 'a', source: 'r', kind: 'route', weight: 90 },
      { id: 'b', source: 'r', kind: 'route' },
    ]);
    expect(Object.fromEntries(labels)).toEqual({ a: '100%', b: '0%' });
  });

  it('labels nothing when no weight is written at all', () => {
    const labels = splitLabels([
      { id: 'a', source: 'r', kind: 'route' },
      { id: 'b', source: 'r', kind: 'route' },
    ]);
    expect(labels.size).toBe(0);
  });

  it('labels a mirror edge with its sampling percentage, when written', () => {
    expect(mirrorLabel(undefined)).toBe('mirror');
    expect(mirrorLabel(10)).toBe('mirror 10%');
  });
});
