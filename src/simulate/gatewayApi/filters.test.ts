import { describe, expect, it } from 'vitest';
import {
  backend,
  backends,
  HTTP_LISTENER,
  httpRoute,
  k8sGateway,
} from '../../testing/gatewayApiSimulations.ts';
import { sim } from '../../testing/simulations.ts';
import { outcomeSummary } from '../summary.ts';

const ws = (rules: string, listeners: readonly string[] = [HTTP_LISTENER]) => [
  k8sGateway(listeners),
  httpRoute('r', `rules:\n${rules}`),
  backend('a'),
  backend('b'),
];

// RequestRedirect: conformance httproute-redirect-{path,port,scheme,host-and-status,port-and-scheme}.
describe('RequestRedirect', () => {
  const redirect = (filter: string, match = '{ path: { type: PathPrefix, value: /old } }') =>
    ws(
      `  - matches: [${match}]\n    filters: [{ type: RequestRedirect, requestRedirect: ${filter} }]`,
    );
  const location = (filter: string, url = 'http://example.org/old/page') => {
    const s = sim(redirect(filter), url);
    return `${s.status} ${s.redirect?.location}`;
  };

  it('is a 302 to the same URL by default, with the status written when there is one', () => {
    expect(location('{ hostname: example.net }')).toBe('302 http://example.net/old/page');
    expect(location('{ hostname: example.net, statusCode: 301 }')).toBe(
      '301 http://example.net/old/page',
    );
  });
  it('ReplaceFullPath replaces the path; ReplacePrefixMatch only the matched prefix', () => {
    expect(location('{ path: { type: ReplaceFullPath, replaceFullPath: /new } }')).toBe(
      '302 http://example.org/new',
    );
    expect(location('{ path: { type: ReplacePrefixMatch, replacePrefixMatch: /new } }')).toBe(
      '302 http://example.org/new/page',
    );
  });
  it('a new scheme without a port takes the scheme’s well-known port, left out of Location', () => {
    expect(location('{ scheme: https }')).toBe('302 https://example.org/old/page');
    const https = [
      k8sGateway([
        '{ name: https, port: 443, protocol: HTTPS, tls: { certificateRefs: [{ name: cert }] } }',
      ]),
      httpRoute(
        'r',
        'rules:\n  - filters: [{ type: RequestRedirect, requestRedirect: { scheme: http } }]',
      ),
    ];
    expect(sim(https, 'https://example.org/x').redirect?.location).toBe('http://example.org/x');
  });
  it('a port is written unless it is the default of the scheme', () => {
    expect(location('{ port: 8443 }')).toBe('302 http://example.org:8443/old/page');
    expect(location('{ scheme: https, port: 443 }')).toBe('302 https://example.org/old/page');
    expect(location('{ scheme: https, port: 8443 }')).toBe('302 https://example.org:8443/old/page');
    expect(location('{ scheme: http, port: 80 }')).toBe('302 http://example.org/old/page');
  });
  it('without scheme or port the listener port stays (omitted when 80 for http)', () => {
    const on8080 = [
      k8sGateway(['{ name: http, port: 8080, protocol: HTTP }']),
      httpRoute(
        'r',
        'rules:\n  - filters: [{ type: RequestRedirect, requestRedirect: { hostname: example.net } }]',
      ),
    ];
    expect(sim(on8080, 'http://example.org:8080/x').redirect?.location).toBe(
      'http://example.net:8080/x',
    );
    expect(location('{ hostname: example.net }', 'http://example.org/old')).toBe(
      '302 http://example.net/old',
    );
  });
  it('is the answer: no backend is reached, and the step points at the filter', () => {
    const s = sim(redirect('{ hostname: example.net }'), 'http://example.org/old');
    expect(s.outcome).toBe('redirect');
    expect(s.destinations).toEqual([]);
    expect(s.steps.find((step) => step.kind === 'redirect')?.path).toEqual([
      'spec',
      'rules',
      0,
      'filters',
      0,
    ]);
    expect(outcomeSummary(s)).toBe(
      '302 redirect to http://example.net/old (rule rules[0] of HTTPRoute/web/r)',
    );
  });
});

// URLRewrite: conformance httproute-rewrite-path and -rewrite-host, and ReplacePrefixMatch's table
// in the HTTPPathModifier docs (apis/v1/httproute_types.go).
describe('URLRewrite', () => {
  const rewritten = (prefix: string, replacement: string, path: string) => {
    const rules = `  - matches: [{ path: { type: PathPrefix, value: "${prefix}" } }]\n    filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: "${replacement}" } } }]\n    backendRefs: [{ name: a, port: 8080 }]`;
    return sim(ws(rules), `http://h${path}`).request.path;
  };
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
  ])('ReplacePrefixMatch: %s with prefix %s and %j → %s', (path, prefix, replacement, expected) => {
    expect(rewritten(prefix, replacement, path)).toBe(expected);
  });
  it('ReplaceFullPath replaces the whole path and keeps the query; hostname replaces the authority', () => {
    const rules = `  - filters: [{ type: URLRewrite, urlRewrite: { hostname: internal.example, path: { type: ReplaceFullPath, replaceFullPath: /one } } }]\n    backendRefs: [{ name: a, port: 8080 }]`;
    const s = sim(ws(rules), 'http://h/some/path?x=1');
    expect(s.request.path).toBe('/one?x=1');
    expect(s.request.authority).toBe('internal.example');
    expect(s.outcome).toBe('route');
  });
});

// RequestHeaderModifier / ResponseHeaderModifier: conformance httproute-request-header-modifier
// and httproute-response-header-modifier.
describe('header modifiers', () => {
  it('set overwrites, add appends, remove drops; names are case-insensitive', () => {
    const rules = `  - filters:
      - type: RequestHeaderModifier
        requestHeaderModifier:
          set: [{ name: X-Header-Set, value: set }]
          add: [{ name: X-Header-Add, value: added }]
          remove: [X-Header-Remove]
    backendRefs: [{ name: a, port: 8080 }]`;
    const s = sim(ws(rules), {
      url: 'http://h/',
      headers: {
        'x-header-set': 'old',
        'x-header-add': 'old',
        'x-header-remove': 'gone',
        keep: 'yes',
      },
    });
    expect(s.request.headers).toEqual({
      'x-header-set': 'set',
      'x-header-add': 'old,added',
      keep: 'yes',
    });
  });
  it('the response modifier is reported as a step; the request is untouched', () => {
    const rules = `  - filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: X-Resp, value: "1" }] } }]\n    backendRefs: [{ name: a, port: 8080 }]`;
    const s = sim(ws(rules), 'http://h/');
    expect(s.request.headers).toEqual({});
    expect(s.steps.find((step) => step.kind === 'headers')?.detail).toBe(
      'response headers: set x-resp: 1',
    );
  });
  it('a backendRef’s own request modifier applies when it is the only backend', () => {
    const rules = `  - backendRefs:
      - name: a
        port: 8080
        filters: [{ type: RequestHeaderModifier, requestHeaderModifier: { add: [{ name: x-backend, value: a }] } }]`;
    expect(sim(ws(rules), 'http://h/').request.headers).toEqual({ 'x-backend': 'a' });
  });
});

// RequestMirror: conformance httproute-request-mirror and -percentage-mirror.
describe('RequestMirror', () => {
  it('copies the share of requests written (all by default) and routes as usual', () => {
    const rules = `  - filters:
      - { type: RequestMirror, requestMirror: { backendRef: { name: b, port: 8080 } } }
      - { type: RequestMirror, requestMirror: { backendRef: { name: b, port: 8080 }, fraction: { numerator: 1, denominator: 4 } } }
    backendRefs: [{ name: a, port: 8080 }]`;
    const s = sim(ws(rules), 'http://h/');
    expect(s.mirrors?.map((m) => `${m.host} ${m.percentage}`)).toEqual([
      'b.web.svc.cluster.local 100',
      'b.web.svc.cluster.local 25',
    ]);
    expect(backends(s)).toEqual(['a 100%']);
  });
});
