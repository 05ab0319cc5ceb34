import { describe, expect, it } from 'vitest';
import { dedent } from '../../testing/dedent.ts';
import { codes, seen } from '../../testing/structureFindings.ts';

/** A VirtualService with one HTTP rule; `rule` is indented as a list item's body. */
const http = (rule: string, hosts = '[web]') => dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop
  spec:
    hosts: ${hosts}
    http:
    - ${rule.trim().replace(/\n/g, '\n      ')}
`;

const dest = 'route:\n  - destination: {host: web}';

describe('HTTP rule actions (validateHTTPRouteConflict)', () => {
  it('rejects a redirect together with a route, naming the fix', () => {
    const found = seen(http(`redirect: {uri: /new}\n${dest}`));
    expect(found).toEqual([
      {
        code: 'vs-redirect-with-route',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.http[0].redirect',
      },
    ]);
  });

  it('rejects directResponse with a fault or rewrite', () => {
    expect(
      codes(
        http(
          'directResponse: {status: 503}\nfault: {abort: {httpStatus: 500}}\nrewrite: {uri: /x}',
        ),
      ),
    ).toEqual(['vs-direct-response-with-fault', 'vs-direct-response-with-rewrite']);
  });

  it('requires a route, redirect or directResponse', () => {
    expect(seen(http('timeout: 5s'))).toEqual([
      { code: 'vs-route-missing', istio: 'IST0106', severity: 'error', path: 'spec.http[0].route' },
    ]);
  });

  it('a delegating rule may not route or redirect', () => {
    expect(codes(http(`delegate: {name: reviews}\n${dest}`))).toEqual([
      'vs-delegate-route-conflict',
    ]);
    expect(codes(http('delegate: {name: reviews}'))).toEqual([]);
  });

  it('a delegate VirtualService (no hosts) may not delegate again', () => {
    expect(codes(http(`delegate: {name: more}`, '[]'))).toEqual([
      'vs-delegate-nested',
      'vs-route-missing',
    ]);
  });

  it('rejects mirror and mirrors together', () => {
    expect(
      codes(http(`${dest}\nmirror: {host: copy}\nmirrors:\n- destination: {host: copy2}`)),
    ).toEqual(['vs-mirror-and-mirrors']);
  });
});

describe('HTTP match conditions (validateHTTPRouteMatchRequest)', () => {
  it('rejects empty prefixes except on uri', () => {
    const rule = `match:\n- uri: {prefix: ""}\n  method: {prefix: ""}\n${dest}`;
    expect(seen(rule && http(rule))).toEqual([
      {
        code: 'vs-match-prefix-empty',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.http[0].match[0].method.prefix',
      },
    ]);
  });

  it('rejects regexes that RE2 cannot compile, at the regex', () => {
    const rule = `match:\n- uri: {regex: "/api/(?=v1)"}\n  headers:\n    x-id: {regex: "*"}\n${dest}`;
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-match-regex-invalid', 'spec.http[0].match[0].headers.x-id.regex'],
      ['vs-match-regex-invalid', 'spec.http[0].match[0].uri.regex'],
    ]);
  });

  it('accepts regex "*" in withoutHeaders, which Istio turns into a presence match', () => {
    expect(codes(http(`match:\n- withoutHeaders:\n    x-debug: {regex: "*"}\n${dest}`))).toEqual(
      [],
    );
  });

  it('rejects invalid header names and out-of-range match ports', () => {
    const rule = `match:\n- headers:\n    "x user": {exact: a}\n  port: 0\n- port: 70000\n${dest}`;
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-match-header-name-invalid', 'spec.http[0].match[0].headers.x user'],
      ['vs-match-port-invalid', 'spec.http[0].match[1].port'],
    ]);
  });
});

describe('HTTP destinations (validateHTTPRouteDestinations)', () => {
  it('accepts weights that do not sum to 100: Istio only forbids negatives and all-zero', () => {
    const rule =
      'route:\n- destination: {host: web, subset: v1}\n  weight: 30\n- destination: {host: web, subset: v2}\n  weight: 30';
    expect(codes(http(rule))).toEqual([]);
  });

  it('rejects several destinations without any weight (total weight 0)', () => {
    expect(codes(http('route:\n- destination: {host: a}\n- destination: {host: b}'))).toEqual([
      'vs-weight-total-zero',
    ]);
  });

  it('rejects a negative weight and an all-zero split', () => {
    const negative =
      'route:\n- destination: {host: a}\n  weight: -1\n- destination: {host: b}\n  weight: 10';
    expect(seen(http(negative)).map((f) => [f.code, f.path])).toEqual([
      ['vs-weight-negative', 'spec.http[0].route[0].weight'],
    ]);
    const zero = 'route:\n- destination: {host: a}\n  weight: 0\n- destination: {host: b}';
    expect(seen(http(zero)).map((f) => [f.code, f.path])).toEqual([
      ['vs-weight-total-zero', 'spec.http[0].route'],
    ]);
  });

  it('rejects host *, subsets that are not DNS labels and bad ports', () => {
    const rule =
      'route:\n- destination: {host: "*"}\n  weight: 50\n- destination: {host: web, subset: v1.2, port: {number: 0}}\n  weight: 50';
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-destination-host-invalid', 'spec.http[0].route[0].destination.host'],
      ['vs-destination-subset-invalid', 'spec.http[0].route[1].destination.subset'],
      ['vs-destination-port-invalid', 'spec.http[0].route[1].destination.port.number'],
    ]);
  });

  it('requires a destination in each route entry', () => {
    expect(seen(http('route:\n- weight: 100')).map((f) => [f.code, f.path])).toEqual([
      ['vs-destination-missing', 'spec.http[0].route[0].destination'],
    ]);
  });
});

describe('HTTP policies', () => {
  it('timeout must be a Go duration of at least 1ms', () => {
    expect(seen(http(`${dest}\ntimeout: 0.5ms`))).toEqual([
      {
        code: 'vs-duration-invalid',
        istio: 'IST0106',
        severity: 'error',
        path: 'spec.http[0].timeout',
      },
    ]);
    expect(codes(http(`${dest}\ntimeout: 1m30s`))).toEqual([]);
  });

  it('retries: retryOn tokens and attempts 0 with a policy', () => {
    expect(
      seen(http(`${dest}\nretries: {attempts: 3, retryOn: "5xx,timeout"}`)).map((f) => [
        f.code,
        f.path,
      ]),
    ).toEqual([['vs-retry-on-invalid', 'spec.http[0].retries.retryOn']]);
    expect(codes(http(`${dest}\nretries: {perTryTimeout: 2s}`))).toEqual([
      'vs-retry-disabled-with-policy',
    ]);
    expect(
      codes(
        http(`${dest}\nretries: {attempts: 3, perTryTimeout: 2s, retryOn: "gateway-error,503"}`),
      ),
    ).toEqual([]);
  });

  it('fault: abort status range, gRPC status names, percentages, and an abort without type', () => {
    const rule = `${dest}\nfault:\n  abort: {httpStatus: 700, percentage: {value: 150}}\n  delay: {fixedDelay: 7x}`;
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-fault-percentage-invalid', 'spec.http[0].fault.abort.percentage.value'],
      ['vs-fault-abort-status-invalid', 'spec.http[0].fault.abort.httpStatus'],
      ['vs-duration-invalid', 'spec.http[0].fault.delay.fixedDelay'],
    ]);
    expect(codes(http(`${dest}\nfault: {abort: {grpcStatus: NOPE}}`))).toEqual([
      'vs-fault-grpc-status-invalid',
    ]);
    expect(seen(http(`${dest}\nfault: {abort: {percentage: {value: 10}}}`))).toEqual([
      {
        code: 'vs-fault-abort-type-missing',
        istio: 'IST0133',
        severity: 'warning',
        path: 'spec.http[0].fault.abort',
      },
    ]);
    expect(codes(http(`${dest}\nfault: {}`))).toEqual(['vs-fault-empty']);
  });

  it('redirect: something to change, a 3xx code, http(s) scheme', () => {
    expect(codes(http('redirect: {redirectCode: 301}'))).toEqual(['vs-redirect-empty']);
    expect(seen(http('redirect: {uri: /a, redirectCode: 200}')).map((f) => f.path)).toEqual([
      'spec.http[0].redirect.redirectCode',
    ]);
    expect(codes(http('redirect: {scheme: ftp}'))).toEqual(['vs-redirect-scheme-invalid']);
    expect(codes(http('redirect: {scheme: https, port: 443}'))).toEqual([]);
  });

  it('directResponse: status 200 to 599', () => {
    expect(seen(http('directResponse: {status: 99}')).map((f) => [f.code, f.path])).toEqual([
      ['vs-direct-response-status-invalid', 'spec.http[0].directResponse.status'],
    ]);
    expect(codes(http('directResponse: {status: 404, body: {string: "not here"}}'))).toEqual([]);
  });

  it('rewrite: uri or uriRegexRewrite, and a compiling regex', () => {
    expect(
      codes(http(`${dest}\nrewrite: {uri: /a, uriRegexRewrite: {match: a, rewrite: b}}`)),
    ).toEqual(['vs-rewrite-conflict']);
    expect(codes(http(`${dest}\nrewrite: {}`))).toEqual(['vs-rewrite-empty']);
    expect(
      codes(http(`${dest}\nrewrite: {uriRegexRewrite: {match: "(a", rewrite: "/b"}}`)),
    ).toEqual(['vs-rewrite-regex-invalid']);
  });

  it('header operations: no ":" headers, Host only in request set/add, valid % variables', () => {
    const rule = `${dest}\nheaders:\n  request:\n    set: {":path": /x, x-ok: "100%%"}\n  response:\n    add: {host: a, x-bad: "50%"}`;
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-header-invalid', 'spec.http[0].headers.request.set.:path'],
      ['vs-header-invalid', 'spec.http[0].headers.response.add.host'],
      ['vs-header-value-invalid', 'spec.http[0].headers.response.add.x-bad'],
    ]);
  });

  it('the authority may be rewritten in one place only', () => {
    const rule = `${dest}\nrewrite: {authority: a.example.com}\nheaders:\n  request:\n    set: {host: b.example.com}`;
    expect(codes(http(rule))).toEqual(['vs-authority-set-twice']);
  });

  it('CORS: methods, header names, whole-second maxAge, origin regex', () => {
    const rule = `${dest}\ncorsPolicy:\n  allowOrigins: [{regex: "(x"}]\n  allowMethods: [GET, FETCH]\n  allowHeaders: ["x y"]\n  maxAge: 1500ms`;
    expect(seen(http(rule)).map((f) => [f.code, f.path])).toEqual([
      ['vs-cors-origin-invalid', 'spec.http[0].corsPolicy.allowOrigins[0].regex'],
      ['vs-cors-method-invalid', 'spec.http[0].corsPolicy.allowMethods[1]'],
      ['vs-cors-header-invalid', 'spec.http[0].corsPolicy.allowHeaders[0]'],
      ['vs-cors-max-age-invalid', 'spec.http[0].corsPolicy.maxAge'],
    ]);
  });

  it('mirrorPercent is deprecated (IST0133); mirror percentages stay within 0..100', () => {
    expect(seen(http(`${dest}\nmirror: {host: copy}\nmirrorPercent: 50`))).toEqual([
      {
        code: 'vs-mirror-percent-deprecated',
        istio: 'IST0133',
        severity: 'warning',
        path: 'spec.http[0].mirrorPercent',
      },
    ]);
    expect(codes(http(`${dest}\nmirror: {host: copy}\nmirrorPercentage: {value: 120}`))).toEqual([
      'vs-mirror-percentage-invalid',
    ]);
    expect(codes(http(`${dest}\nmirrors:\n- percentage: {value: 5}`))).toEqual([
      'vs-mirror-destination-missing',
    ]);
  });
});
