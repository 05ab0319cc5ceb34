import { describe, expect, test } from 'vitest';
import { docs, httpGateway, sim, stepsOf, targets, yaml } from '../testing/simulations.ts';

/** shop.example.com with one rule: `rule` is the YAML of that rule's fields (block style). */
function oneRule(rule: string, gateway = httpGateway()): string {
  const indented = rule
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 ? `    - ${line}` : `      ${line}`))
    .join('\n');
  return docs(
    gateway,
    `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: shop, namespace: web }
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/gw]
  http:
${indented}
`,
  );
}

describe('weighted destinations', () => {
  test('each destination gets weight / sum of weights, which need not be 100', () => {
    const text = oneRule(yaml`
      route:
        - { destination: { host: a }, weight: 3 }
        - { destination: { host: b }, weight: 1 }
    `);
    expect(targets(sim(text, 'http://shop.example.com/'))).toEqual([
      'a.web.svc.cluster.local @0.75',
      'b.web.svc.cluster.local @0.25',
    ]);
  });

  test('a lone destination takes all traffic whatever its weight; weight 0 next to others takes none', () => {
    const lone = sim(oneRule('route: [{ destination: { host: a } }]'), 'http://shop.example.com/');
    expect(lone.destinations.map((d) => [d.weight, d.probability])).toEqual([[100, 1]]);
    expect(
      targets(
        sim(
          oneRule('route: [{ destination: { host: a }, weight: 0 }]'),
          'http://shop.example.com/',
        ),
      ),
    ).toEqual(['a.web.svc.cluster.local @1']);
    const text = oneRule(yaml`
      route:
        - { destination: { host: a }, weight: 100 }
        - { destination: { host: b }, weight: 0 }
    `);
    const simulation = sim(text, 'http://shop.example.com/');
    expect(simulation.destinations.map((d) => [d.weight, d.probability])).toEqual([
      [100, 1],
      [0, 0],
    ]);
    expect(stepsOf(simulation, 'destination').map((s) => s.matched)).toEqual([true, false]);
  });
});

describe('redirect', () => {
  const redirectOf = (redirect: string, url = 'http://shop.example.com/old/page?x=1', match = '') =>
    sim(oneRule(`${match}redirect: ${redirect}`), url);

  test('uri replaces the whole path, the query string is kept; the default code is 301', () => {
    expect(redirectOf('{ uri: /new }')).toMatchObject({
      outcome: 'redirect',
      status: 301,
      redirect: { location: 'http://shop.example.com/new?x=1' },
    });
  });

  test('redirectCode, authority and scheme replace their parts', () => {
    const simulation = redirectOf(
      '{ authority: www.example.com, scheme: https, redirectCode: 308 }',
    );
    expect(simulation).toMatchObject({
      status: 308,
      redirect: { location: 'https://www.example.com/old/page?x=1', status: 308 },
    });
  });

  test('port is added unless it is the default for the scheme', () => {
    expect(redirectOf('{ port: 8443, scheme: https }').redirect?.location).toBe(
      'https://shop.example.com:8443/old/page?x=1',
    );
    expect(redirectOf('{ port: 443, scheme: https }').redirect?.location).toBe(
      'https://shop.example.com/old/page?x=1',
    );
  });

  test('derivePort FROM_REQUEST_PORT uses the listener port; FROM_PROTOCOL_DEFAULT leaves it to the scheme', () => {
    const gw = httpGateway().replace('number: 80', 'number: 8080');
    expect(
      sim(
        // The load balancer's port 80 reaches the pods' 8080, where the server listens.
        oneRule('redirect: { derivePort: FROM_REQUEST_PORT, uri: /x }', gw),
        'http://shop.example.com/',
      ).redirect?.location,
    ).toBe('http://shop.example.com:8080/x');
    expect(
      redirectOf('{ derivePort: FROM_PROTOCOL_DEFAULT, scheme: https }').redirect?.location,
    ).toBe('https://shop.example.com/old/page?x=1');
  });

  test('prefixRewrite replaces only the matched prefix', () => {
    const simulation = redirectOf(
      '{ prefixRewrite: /new }',
      'http://shop.example.com/old/page',
      'match: [{ uri: { prefix: /old } }]\n',
    );
    expect(simulation.redirect?.location).toBe('http://shop.example.com/new/page');
  });
});

describe('direct response and fault', () => {
  test('directResponse answers with its status and body', () => {
    const simulation = sim(
      oneRule('directResponse: { status: 418, body: { string: teapot } }'),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'directResponse',
      status: 418,
      directResponse: { status: 418, body: 'teapot' },
      destinations: [],
    });
  });

  test('an abort with percentage 100 answers for the backend with its httpStatus', () => {
    const simulation = sim(
      oneRule(yaml`
      fault: { abort: { httpStatus: 503, percentage: { value: 100 } } }
      route: [{ destination: { host: a } }]
    `),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'fault',
      status: 503,
      fault: { aborted: true, abort: { httpStatus: 503, percentage: 100 } },
    });
  });

  test('an abort for some requests is reported as a chance; the request is still routed', () => {
    const simulation = sim(
      oneRule(yaml`
      fault: { abort: { httpStatus: 500, percentage: { value: 10 } }, delay: { fixedDelay: 2s, percentage: { value: 50 } } }
      route: [{ destination: { host: a } }]
    `),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'route',
      status: null,
      fault: {
        aborted: false,
        abort: { percentage: 10 },
        delay: { fixedDelay: '2s', percentage: 50 },
      },
    });
  });

  test('an abort without percentage never fires: Envoy defaults it to 0 (istio/istio#36303)', () => {
    const simulation = sim(
      oneRule(yaml`
      fault: { abort: { httpStatus: 500 } }
      route: [{ destination: { host: a } }]
    `),
      'http://shop.example.com/',
    );
    expect(simulation).toMatchObject({
      outcome: 'route',
      fault: { aborted: false, abort: { percentage: 0 } },
    });
    expect(stepsOf(simulation, 'fault')[0]?.detail).toContain('percentage unset');
  });
});

describe('the request the backend sees', () => {
  test('rewrite.uri replaces the matched prefix of a prefix match and keeps the query', () => {
    const text = oneRule(yaml`
      match: [{ uri: { prefix: /api/v1 } }]
      rewrite: { uri: /v1 }
      route: [{ destination: { host: a } }]
    `);
    expect(sim(text, 'http://shop.example.com/api/v1/items?page=2').request.path).toBe(
      '/v1/items?page=2',
    );
  });

  test('rewrite.uri replaces the whole path of an exact match, and prefixes the path when there is no uri match (prefix "/")', () => {
    const exact = oneRule(
      'match: [{ uri: { exact: /login } }]\nrewrite: { uri: /auth/login }\nroute: [{ destination: { host: a } }]',
    );
    expect(sim(exact, 'http://shop.example.com/login').request.path).toBe('/auth/login');
    const none = oneRule('rewrite: { uri: /v2 }\nroute: [{ destination: { host: a } }]');
    expect(sim(none, 'http://shop.example.com/items').request.path).toBe('/v2items');
  });

  test('uriRegexRewrite substitutes every match on the path with \\1 capture groups (RE2 GlobalReplace)', () => {
    const text = oneRule(yaml`
      rewrite: { uriRegexRewrite: { match: "^/service/([^/]+)(/.*)$", rewrite: "\\\\2/instance/\\\\1" } }
      route: [{ destination: { host: a } }]
    `);
    expect(sim(text, 'http://shop.example.com/service/foo/v1/api?x=1').request.path).toBe(
      '/v1/api/instance/foo?x=1',
    );
  });

  test('rewrite.authority replaces the Host; the match still used the original one', () => {
    const text = oneRule(
      'match: [{ authority: { exact: shop.example.com } }]\nrewrite: { authority: internal.web }\nroute: [{ destination: { host: a } }]',
    );
    expect(sim(text, 'http://shop.example.com/').request.authority).toBe('internal.web');
  });

  test('request header operations: remove, then set (overwrite) and add (append), route level and lone destination', () => {
    const text = oneRule(yaml`
      headers:
        request:
          set: { x-env: prod }
          add: { x-trace: gw }
          remove: [x-debug]
      route:
        - destination: { host: a }
          headers: { request: { set: { x-dest: a } } }
    `);
    const simulation = sim(text, {
      url: 'http://shop.example.com/',
      headers: { 'x-env': 'dev', 'x-trace': 'client', 'x-debug': '1' },
    });
    expect(simulation.request.headers).toEqual({
      'x-env': 'prod',
      'x-trace': 'client,gw',
      'x-dest': 'a',
    });
    expect(stepsOf(simulation, 'headers')[0]?.path).toEqual(['spec', 'http', 0, 'headers']);
  });

  test('a :authority set by a header operation rewrites the authority', () => {
    const text = oneRule(
      'headers: { request: { set: { ":authority": other.web } } }\nroute: [{ destination: { host: a } }]',
    );
    expect(sim(text, 'http://shop.example.com/').request.authority).toBe('other.web');
  });
});

describe('timeouts, retries, mirrors, CORS', () => {
  test('without timeout and retries: no timeout, and Istio default retries (2 attempts, default retryOn)', () => {
    const simulation = sim(
      oneRule('route: [{ destination: { host: a } }]'),
      'http://shop.example.com/',
    );
    expect(simulation.timeout).toBeNull();
    expect(simulation.retries).toEqual({
      attempts: 2,
      retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes',
      retriableStatusCodes: [503],
      perTryTimeout: null,
      source: 'default',
    });
  });

  test('retries with attempts 0 disable retries; status codes in retryOn bring retriable-status-codes', () => {
    expect(
      sim(
        oneRule('retries: { attempts: 0 }\nroute: [{ destination: { host: a } }]'),
        'http://shop.example.com/',
      ).retries,
    ).toBeNull();
    const simulation = sim(
      oneRule(
        'timeout: 3s\nretries: { attempts: 3, retryOn: "5xx,429", perTryTimeout: 1s }\nroute: [{ destination: { host: a } }]',
      ),
      'http://shop.example.com/',
    );
    expect(simulation.timeout).toBe('3s');
    expect(simulation.retries).toMatchObject({
      attempts: 3,
      retryOn: '5xx,retriable-status-codes',
      retriableStatusCodes: [429],
      perTryTimeout: '1s',
      source: 'rule',
    });
  });

  test('mirror defaults to 100%, mirrorPercentage 0 turns it off, mirrors carry their own percentage', () => {
    const mirrored = sim(
      oneRule('mirror: { host: shadow }\nroute: [{ destination: { host: a } }]'),
      'http://shop.example.com/',
    );
    expect(mirrored.mirrors).toEqual([
      { host: 'shadow.web.svc.cluster.local', subset: null, port: 80, percentage: 100 },
    ]);
    expect(
      sim(
        oneRule(
          'mirror: { host: shadow }\nmirrorPercentage: { value: 0 }\nroute: [{ destination: { host: a } }]',
        ),
        'http://shop.example.com/',
      ).mirrors,
    ).toBeUndefined();
    const many = sim(
      oneRule(
        'mirrors: [{ destination: { host: s1 }, percentage: { value: 5 } }, { destination: { host: s2 } }]\nroute: [{ destination: { host: a } }]',
      ),
      'http://shop.example.com/',
    );
    expect(many.mirrors?.map((m) => [m.host, m.percentage])).toEqual([
      ['s1.web.svc.cluster.local', 5],
      ['s2.web.svc.cluster.local', 100],
    ]);
  });

  test('corsPolicy is reported when the rule has one', () => {
    const simulation = sim(
      oneRule(
        'corsPolicy: { allowOrigins: [{ exact: "https://a.example.com" }] }\nroute: [{ destination: { host: a } }]',
      ),
      'http://shop.example.com/',
    );
    expect(simulation.corsPolicy).toEqual({ allowOrigins: [{ exact: 'https://a.example.com' }] });
  });
});
