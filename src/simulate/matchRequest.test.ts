import { describe, expect, test } from 'vitest';
import { httpGateway, sim, stepsOf, winner, yaml } from '../testing/simulations.ts';

/** One VirtualService for shop.example.com whose rule 0 has `match`, rule 1 catches the rest. */
function withMatch(match: string): string {
  return `${httpGateway()}---
${yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [istio-system/gw]
    http:
      - name: tested
        match: ${match}
        route: [{ destination: { host: tested } }]
      - name: rest
        route: [{ destination: { host: rest } }]
`}`;
}

const TESTED = 'VirtualService/web/shop http[0]';
const REST = 'VirtualService/web/shop http[1]';

function winnerOf(
  match: string,
  request: string | { url: string; method?: string; headers?: Record<string, string> },
) {
  return winner(sim(withMatch(match), request));
}

describe('uri', () => {
  test('exact: the whole path must be equal, the query string is not part of it (Envoy path match)', () => {
    const m = '[{ uri: { exact: /api } }]';
    expect(winnerOf(m, 'http://shop.example.com/api?x=1')).toBe(TESTED);
    expect(winnerOf(m, 'http://shop.example.com/api/')).toBe(REST);
  });

  test('prefix: a string prefix, not a path-segment prefix, for VirtualServices (route.go TranslateRouteMatch)', () => {
    const m = '[{ uri: { prefix: /api } }]';
    expect(winnerOf(m, 'http://shop.example.com/api/x')).toBe(TESTED);
    expect(winnerOf(m, 'http://shop.example.com/apis')).toBe(TESTED);
    expect(winnerOf(m, 'http://shop.example.com/ap')).toBe(REST);
  });

  test('values are case-sensitive unless ignoreUriCase', () => {
    expect(winnerOf('[{ uri: { prefix: /API } }]', 'http://shop.example.com/api')).toBe(REST);
    expect(
      winnerOf('[{ uri: { prefix: /API }, ignoreUriCase: true }]', 'http://shop.example.com/api'),
    ).toBe(TESTED);
    expect(
      winnerOf('[{ uri: { exact: /API }, ignoreUriCase: true }]', 'http://shop.example.com/Api'),
    ).toBe(TESTED);
  });

  test('ignoreUriCase does not apply to regex ("only in the case of exact and prefix")', () => {
    expect(
      winnerOf('[{ uri: { regex: "/API" }, ignoreUriCase: true }]', 'http://shop.example.com/api'),
    ).toBe(REST);
    expect(winnerOf('[{ uri: { regex: "(?i)/API" } }]', 'http://shop.example.com/api')).toBe(
      TESTED,
    );
  });

  test('regex matches the whole path without the query string (RE2 FullMatch), not a substring', () => {
    const m = '[{ uri: { regex: "/api/v[0-9]+" } }]';
    expect(winnerOf(m, 'http://shop.example.com/api/v12?q=1')).toBe(TESTED);
    expect(winnerOf(m, 'http://shop.example.com/api/v12/items')).toBe(REST);
    expect(winnerOf(m, 'http://shop.example.com/x/api/v1')).toBe(REST);
  });

  test('regex is RE2: syntax JavaScript accepts but RE2 rejects (lookahead) matches nothing and says so', () => {
    const simulation = sim(
      withMatch('[{ uri: { regex: "/(?=api).*" } }]'),
      'http://shop.example.com/api',
    );
    expect(winner(simulation)).toBe(REST);
    expect(stepsOf(simulation, 'rule')[0]?.detail).toContain('invalid regex');
  });

  test('RE2 classes JavaScript does not know are honoured (\\pL)', () => {
    expect(winnerOf('[{ uri: { regex: "/\\\\pL+" } }]', 'http://shop.example.com/caf%C3%A9')).toBe(
      REST,
    );
    expect(winnerOf('[{ uri: { regex: "/\\\\pL+" } }]', 'http://shop.example.com/shop')).toBe(
      TESTED,
    );
  });
});

describe('headers', () => {
  test('exact, prefix and regex compare the value case-sensitively; names are case-insensitive', () => {
    expect(
      winnerOf('[{ headers: { x-beta: { exact: "on" } } }]', {
        url: 'http://shop.example.com/',
        headers: { 'X-Beta': 'on' },
      }),
    ).toBe(TESTED);
    expect(
      winnerOf('[{ headers: { x-beta: { exact: "on" } } }]', {
        url: 'http://shop.example.com/',
        headers: { 'x-beta': 'ON' },
      }),
    ).toBe(REST);
    expect(
      winnerOf('[{ headers: { x-user: { prefix: "adm" } } }]', {
        url: 'http://shop.example.com/',
        headers: { 'x-user': 'admin' },
      }),
    ).toBe(TESTED);
    expect(
      winnerOf('[{ headers: { x-user: { regex: "adm" } } }]', {
        url: 'http://shop.example.com/',
        headers: { 'x-user': 'admin' },
      }),
    ).toBe(REST);
  });

  test('a missing header fails an exact match, and the trace says it is absent', () => {
    const simulation = sim(
      withMatch('[{ headers: { x-beta: { exact: "1" } } }]'),
      'http://shop.example.com/',
    );
    expect(winner(simulation)).toBe(REST);
    expect(stepsOf(simulation, 'rule')[0]).toMatchObject({
      matched: false,
      detail: expect.stringContaining('header x-beta: absent'),
    });
  });

  test('{} and regex "*" only need the header to be present (present_match)', () => {
    for (const m of [
      '[{ headers: { x-beta: {} } }]',
      '[{ headers: { x-beta: { regex: "*" } } }]',
    ]) {
      expect(winnerOf(m, { url: 'http://shop.example.com/', headers: { 'x-beta': '' } })).toBe(
        TESTED,
      );
      expect(winnerOf(m, 'http://shop.example.com/')).toBe(REST);
    }
  });

  test('the keys uri, scheme, method and authority are ignored in headers (HTTPMatchRequest doc)', () => {
    expect(
      winnerOf(
        '[{ headers: { method: { exact: POST } }, uri: { prefix: / } }]',
        'http://shop.example.com/',
      ),
    ).toBe(TESTED);
  });
});

describe('withoutHeaders', () => {
  test('withoutHeaders: a request without the header matches an exact withoutHeaders condition (InvertMatch with TreatMissingHeaderAsEmpty)', () => {
    expect(
      winnerOf('[{ withoutHeaders: { x-beta: { exact: "1" } } }]', 'http://shop.example.com/'),
    ).toBe(TESTED);
  });

  test('withoutHeaders: a header with the excluded value does not match, another value does', () => {
    const m = '[{ withoutHeaders: { x-beta: { exact: "1" } } }]';
    expect(winnerOf(m, { url: 'http://shop.example.com/', headers: { 'x-beta': '1' } })).toBe(REST);
    expect(winnerOf(m, { url: 'http://shop.example.com/', headers: { 'x-beta': '2' } })).toBe(
      TESTED,
    );
  });

  test('withoutHeaders: a presence condition needs the header to be absent', () => {
    const m = '[{ withoutHeaders: { x-beta: {} } }]';
    expect(winnerOf(m, 'http://shop.example.com/')).toBe(TESTED);
    expect(
      winnerOf(m, { url: 'http://shop.example.com/', headers: { 'x-beta': 'anything' } }),
    ).toBe(REST);
  });

  test('withoutHeaders regex: a missing header counts as "" before the inversion', () => {
    expect(
      winnerOf('[{ withoutHeaders: { x-beta: { regex: ".*" } } }]', 'http://shop.example.com/'),
    ).toBe(REST);
    expect(
      winnerOf('[{ withoutHeaders: { x-beta: { regex: ".+" } } }]', 'http://shop.example.com/'),
    ).toBe(TESTED);
  });
});

describe('queryParams', () => {
  test('exact, prefix and regex on the URL-decoded value; a missing parameter fails', () => {
    expect(
      winnerOf('[{ queryParams: { q: { exact: "a b" } } }]', 'http://shop.example.com/?q=a%20b'),
    ).toBe(TESTED);
    expect(
      winnerOf('[{ queryParams: { v: { prefix: "2" } } }]', 'http://shop.example.com/?v=2.1'),
    ).toBe(TESTED);
    expect(
      winnerOf('[{ queryParams: { id: { regex: "\\\\d+" } } }]', 'http://shop.example.com/?id=123'),
    ).toBe(TESTED);
    expect(
      winnerOf(
        '[{ queryParams: { id: { regex: "\\\\d+" } } }]',
        'http://shop.example.com/?id=a123',
      ),
    ).toBe(REST);
    expect(winnerOf('[{ queryParams: { q: { exact: "x" } } }]', 'http://shop.example.com/')).toBe(
      REST,
    );
  });

  test('{} only needs the parameter to be present, even without a value', () => {
    expect(winnerOf('[{ queryParams: { debug: {} } }]', 'http://shop.example.com/?debug')).toBe(
      TESTED,
    );
    expect(winnerOf('[{ queryParams: { debug: {} } }]', 'http://shop.example.com/?other=1')).toBe(
      REST,
    );
  });
});

describe('method, authority, scheme, port', () => {
  test('method is compared with :method exactly', () => {
    const m = '[{ method: { exact: POST } }]';
    expect(winnerOf(m, { url: 'http://shop.example.com/', method: 'POST' })).toBe(TESTED);
    expect(winnerOf(m, 'http://shop.example.com/')).toBe(REST);
  });

  test('authority is compared with :authority as sent, port included', () => {
    const m = '[{ authority: { exact: "shop.example.com" } }]';
    expect(winnerOf(m, 'http://shop.example.com/')).toBe(TESTED);
    expect(
      winnerOf(m, { url: 'http://shop.example.com/', headers: { host: 'shop.example.com:80' } }),
    ).toBe(REST);
    expect(
      winnerOf('[{ authority: { prefix: "shop." } }]', {
        url: 'http://shop.example.com/',
        headers: { host: 'shop.example.com:80' },
      }),
    ).toBe(TESTED);
  });

  test('scheme is the :scheme the gateway sees: http on a plain-text server', () => {
    expect(winnerOf('[{ scheme: { exact: https } }]', 'http://shop.example.com/')).toBe(REST);
    expect(winnerOf('[{ scheme: { exact: http } }]', 'http://shop.example.com/')).toBe(TESTED);
  });

  test('port: a match for another listener port builds no route (TranslateRoute)', () => {
    const simulation = sim(withMatch('[{ port: 8080 }]'), 'http://shop.example.com/');
    expect(winner(simulation)).toBe(REST);
    expect(stepsOf(simulation, 'rule')[0]?.detail).toContain('listener port 80');
    expect(winnerOf('[{ port: 80, uri: { prefix: /a } }]', 'http://shop.example.com/a')).toBe(
      TESTED,
    );
  });
});

describe('combining conditions', () => {
  test('conditions of one match block are ANDed', () => {
    const m = '[{ uri: { prefix: /api }, headers: { x-beta: { exact: "1" } } }]';
    expect(winnerOf(m, 'http://shop.example.com/api')).toBe(REST);
    expect(winnerOf(m, { url: 'http://shop.example.com/api', headers: { 'x-beta': '1' } })).toBe(
      TESTED,
    );
  });

  test('match blocks are ORed, and the trace names the block that matched', () => {
    const m = '[{ uri: { prefix: /a } }, { uri: { prefix: /b } }]';
    const simulation = sim(withMatch(m), 'http://shop.example.com/b');
    expect(winner(simulation)).toBe(TESTED);
    expect(simulation.rule?.matchIndex).toBe(1);
    expect(stepsOf(simulation, 'rule').map((s) => s.path)).toEqual([
      ['spec', 'http', 0, 'match', 0],
      ['spec', 'http', 0, 'match', 1],
    ]);
  });

  test('the first matching rule wins even when a later one is more specific', () => {
    const text = `${httpGateway()}---
${yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: { name: shop, namespace: web }
  spec:
    hosts: [shop.example.com]
    gateways: [istio-system/gw]
    http:
      - match: [{ uri: { prefix: /api } }]
        route: [{ destination: { host: broad } }]
      - match: [{ uri: { exact: /api/users } }]
        route: [{ destination: { host: narrow } }]
`}`;
    expect(winner(sim(text, 'http://shop.example.com/api/users'))).toBe(TESTED);
  });
});

describe('JWT claims', () => {
  test('@request.auth.claims headers match claims of a validated token; a header of that name stands for it', () => {
    const m = '[{ headers: { "@request.auth.claims.group": { exact: admins } } }]';
    expect(
      winnerOf(m, {
        url: 'http://shop.example.com/',
        headers: { '@request.auth.claims.group': 'admins' },
      }),
    ).toBe(TESTED);
    const simulation = sim(withMatch(m), 'http://shop.example.com/');
    expect(winner(simulation)).toBe(REST);
    expect(stepsOf(simulation, 'rule')[0]?.detail).toContain('JWT claim group: absent');
  });
});
