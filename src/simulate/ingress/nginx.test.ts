import { describe, expect, it } from 'vitest';
import { ingress, nginx, rule } from '../../testing/ingressSimulations.ts';
import { sim, stepsOf } from '../../testing/simulations.ts';
import { outcomeSummary } from '../summary.ts';

const SHOP = 'shop.example.com';
const where = (texts: string | string[], url: string, headers?: Record<string, string>) => {
  const s = sim(texts, headers ? { url, headers } : { url });
  return s.outcome === 'route'
    ? `${s.rule ? `${s.ingress} #${s.rule.index}` : s.ingress} → ${s.destinations.map((d) => `${d.host.split('.')[0]}@${Math.round(d.probability * 100)}`).join(' ')}`
    : `${s.outcome} ${s.status}${s.redirect ? ` ${s.redirect.location}` : ''}`;
};

describe('ingress-nginx: hosts and paths', () => {
  const shop = ingress([
    rule(SHOP, [
      ['/api', 'Prefix', 'api', 8080],
      ['/', 'Prefix', 'web', 80],
      ['/api/health', 'Exact', 'health', 9000],
    ]),
  ]);

  it('answers through the controller, naming the Ingress and the path counted across rules (CONTRACT 4)', () => {
    const s = sim(shop, `http://${SHOP}/api/orders`);
    expect(s.outcome).toBe('route');
    expect(s.ingress).toBe('Ingress/web/shop');
    expect(s.virtualService).toBeNull();
    expect(s.rule).toEqual({ index: 0, name: null, section: 'rules' });
    expect(s.destinations[0]).toMatchObject({ host: 'api.web.svc.cluster.local', port: 8080 });
    expect(outcomeSummary(s)).toContain('Routed by rule rules[0] of Ingress/web/shop');
    expect(stepsOf(s, 'gateway')[0]?.detail).toContain('ingress-nginx');
    // ingress-nginx is not Envoy: the destination's problems say "the controller".
    expect(s.destinations[0]?.problems.join(' ')).toContain('whether the controller has endpoints');
  });

  it('takes the longest matching path; Exact /api/health wins only for that exact path', () => {
    expect(where(shop, `http://${SHOP}/api/health`)).toBe('Ingress/web/shop #2 → health@100');
    expect(where(shop, `http://${SHOP}/api/health/x`)).toBe('Ingress/web/shop #0 → api@100');
    expect(where(shop, `http://${SHOP}/apix`)).toBe('Ingress/web/shop #1 → web@100');
  });

  it('counts paths across rules for the index', () => {
    const two = ingress([
      rule('a.example.com', [['/', 'Prefix', 'a', 80]]),
      rule(SHOP, [['/', 'Prefix', 'b', 80]]),
    ]);
    expect(where(two, `http://${SHOP}/`)).toBe('Ingress/web/shop #1 → b@100');
  });

  it('a host with rules never falls back to the rules without host; a one-label wildcard host', () => {
    const texts = ingress([
      rule(SHOP, [['/only', 'Exact', 'exact', 80]]),
      rule('"*.example.com"', [['/', 'Prefix', 'wild', 80]]),
      rule('', [['/', 'Prefix', 'any', 80]]),
    ]);
    expect(where(texts, `http://${SHOP}/other`)).toBe('noRoute 404');
    expect(where(texts, 'http://blog.example.com/')).toBe('Ingress/web/shop #1 → wild@100');
    expect(where(texts, 'http://a.blog.example.com/')).toBe('Ingress/web/shop #2 → any@100');
  });

  it('a path no location takes goes to the defaultBackend of the Ingress, else 404', () => {
    const withDefault = ingress([rule(SHOP, [['/api', 'Prefix', 'api', 80]])], {
      defaultBackend: '{ service: { name: fallback, port: { number: 80 } } }',
    });
    expect(where(withDefault, `http://${SHOP}/other`)).toBe('Ingress/web/shop → fallback@100');
    expect(outcomeSummary(sim(shop, 'http://unknown.example.org/'))).toBe(
      '404 from the Ingress controller: no Ingress path matches',
    );
  });

  it('an Ingress with a defaultBackend and no rules is the catch-all for any host', () => {
    const catchAll = ingress([], {
      name: 'catch',
      defaultBackend: '{ service: { name: fallback, port: { number: 80 } } }',
    });
    expect(where([shop, catchAll], 'http://other.example.org/x')).toBe(
      'Ingress/web/catch → fallback@100',
    );
  });

  it('ImplementationSpecific is a plain prefix (takes /apix), Prefix /api/ does not take /api', () => {
    const texts = ingress([
      rule(SHOP, [
        ['/app', 'ImplementationSpecific', 'app', 80],
        ['/api/', 'Prefix', 'api', 80],
      ]),
    ]);
    expect(where(texts, `http://${SHOP}/appx`)).toBe('Ingress/web/shop #0 → app@100');
    expect(where(texts, `http://${SHOP}/api`)).toBe('noRoute 404');
  });
});

describe('ingress-nginx annotations', () => {
  it('rewrite-target with use-regex capture groups rewrites the path and keeps the query', () => {
    const texts = ingress([rule(SHOP, [['/api(/|$)(.*)', 'ImplementationSpecific', 'api', 80]])], {
      annotations: { [nginx('use-regex')]: 'true', [nginx('rewrite-target')]: '/$2' },
    });
    const s = sim(texts, `http://${SHOP}/API/v1/users?page=2`);
    expect(s.request.path).toBe('/v1/users?page=2');
    expect(stepsOf(s, 'rewrite')[0]?.detail).toContain('/API/v1/users?page=2 → /v1/users?page=2');
  });

  it('regexes of one Ingress make every path of the host a regex, even another Ingress’s Exact', () => {
    const regex = ingress([rule(SHOP, [['/api/.*', 'ImplementationSpecific', 'api', 80]])], {
      name: 'regex',
      annotations: { [nginx('use-regex')]: 'true' },
    });
    const exact = ingress([rule(SHOP, [['/exact', 'Exact', 'exact', 80]])], { name: 'plain' });
    expect(where([regex, exact], `http://${SHOP}/exactly`)).toBe(
      'Ingress/web/plain #0 → exact@100',
    );
    expect(where([exact], `http://${SHOP}/exactly`)).toBe('noRoute 404');
  });

  it('a tls entry turns on the 308 HTTPS redirect; ssl-redirect "false" turns it off', () => {
    const tls = `[{ hosts: [${SHOP}], secretName: shop-tls }]`;
    const on = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], { tls });
    const off = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      tls,
      annotations: { [nginx('ssl-redirect')]: 'false' },
    });
    expect(where(on, `http://${SHOP}/cart/?a=1`)).toBe(`redirect 308 https://${SHOP}/cart/?a=1`);
    expect(where(on, `http://${SHOP}/cart/`)).toBe(`redirect 308 https://${SHOP}/cart`);
    expect(where(on, `https://${SHOP}/cart`)).toBe('Ingress/web/shop #0 → web@100');
    expect(where(off, `http://${SHOP}/cart`)).toBe('Ingress/web/shop #0 → web@100');
  });

  it('force-ssl-redirect redirects without any tls entry', () => {
    const texts = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      annotations: { [nginx('force-ssl-redirect')]: 'true' },
    });
    expect(where(texts, `http://${SHOP}/x`)).toBe(`redirect 308 https://${SHOP}/x`);
  });

  it('permanent-redirect answers 301 (or its code), temporal-redirect 302, before the HTTPS redirect', () => {
    const annotated = (annotations: Record<string, string>) =>
      ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
        annotations: { [nginx('force-ssl-redirect')]: 'true', ...annotations },
      });
    expect(
      where(
        annotated({ [nginx('permanent-redirect')]: 'https://new.example.com' }),
        `http://${SHOP}/`,
      ),
    ).toBe('redirect 301 https://new.example.com');
    expect(
      where(
        annotated({
          [nginx('permanent-redirect')]: 'https://new.example.com',
          [nginx('permanent-redirect-code')]: '308',
        }),
        `http://${SHOP}/`,
      ),
    ).toBe('redirect 308 https://new.example.com');
    expect(
      where(
        annotated({ [nginx('temporal-redirect')]: 'https://tmp.example.com' }),
        `http://${SHOP}/`,
      ),
    ).toBe('redirect 302 https://tmp.example.com');
  });

  it('app-root redirects / only', () => {
    const texts = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      annotations: { [nginx('app-root')]: '/app1' },
    });
    expect(where(texts, `http://${SHOP}/`)).toBe(`redirect 302 http://${SHOP}/app1`);
    expect(outcomeSummary(sim(texts, `http://${SHOP}/`))).toBe(
      `302 redirect to http://${SHOP}/app1 (Ingress/web/shop)`,
    );
    expect(where(texts, `http://${SHOP}/app1`)).toBe('Ingress/web/shop #0 → web@100');
  });

  it('upstream-vhost replaces the Host the backend receives', () => {
    const texts = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      annotations: { [nginx('upstream-vhost')]: 'internal.web.svc' },
    });
    expect(sim(texts, `http://${SHOP}/`).request.authority).toBe('internal.web.svc');
  });

  it('names annotations it does not simulate and the backend protocol', () => {
    const texts = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])], {
      annotations: {
        [nginx('proxy-body-size')]: '8m',
        [nginx('backend-protocol')]: 'GRPC',
      },
    });
    const notes = stepsOf(sim(texts, `http://${SHOP}/`), 'note').map((s) => s.detail);
    expect(notes).toContain('not simulated: nginx.ingress.kubernetes.io/proxy-body-size');
    expect(notes.some((n) => n.includes('backend-protocol GRPC'))).toBe(true);
  });
});

describe('ingress-nginx canary', () => {
  const main = ingress([rule(SHOP, [['/', 'Prefix', 'stable', 80]])]);
  const canary = (annotations: Record<string, string>) =>
    ingress([rule(SHOP, [['/', 'Prefix', 'beta', 80]])], {
      name: 'shop-canary',
      annotations: { [nginx('canary')]: 'true', ...annotations },
    });

  it('splits by canary-weight out of 100 (or canary-weight-total)', () => {
    expect(where([main, canary({ [nginx('canary-weight')]: '20' })], `http://${SHOP}/`)).toBe(
      'Ingress/web/shop #0 → stable@80 beta@20',
    );
    expect(
      where(
        [main, canary({ [nginx('canary-weight')]: '20', [nginx('canary-weight-total')]: '200' })],
        `http://${SHOP}/`,
      ),
    ).toBe('Ingress/web/shop #0 → stable@90 beta@10');
  });

  it('canary-by-header: always and never decide; any other value falls to the weight', () => {
    const texts = [
      main,
      canary({ [nginx('canary-by-header')]: 'X-Canary', [nginx('canary-weight')]: '10' }),
    ];
    expect(where(texts, `http://${SHOP}/`, { 'x-canary': 'always' })).toBe(
      'Ingress/web/shop #0 → stable@0 beta@100',
    );
    expect(where(texts, `http://${SHOP}/`, { 'x-canary': 'never' })).toBe(
      'Ingress/web/shop #0 → stable@100 beta@0',
    );
    expect(where(texts, `http://${SHOP}/`, { 'x-canary': 'maybe' })).toBe(
      'Ingress/web/shop #0 → stable@90 beta@10',
    );
  });

  it('canary-by-header-value and -pattern; canary-by-cookie', () => {
    const byValue = [
      main,
      canary({
        [nginx('canary-by-header')]: 'x-user',
        [nginx('canary-by-header-value')]: 'tester',
      }),
    ];
    expect(where(byValue, `http://${SHOP}/`, { 'x-user': 'tester' })).toBe(
      'Ingress/web/shop #0 → stable@0 beta@100',
    );
    expect(where(byValue, `http://${SHOP}/`, { 'x-user': 'always' })).toBe(
      'Ingress/web/shop #0 → stable@100 beta@0',
    );
    const byPattern = [
      main,
      canary({
        [nginx('canary-by-header')]: 'x-user',
        [nginx('canary-by-header-pattern')]: '^qa-',
      }),
    ];
    expect(where(byPattern, `http://${SHOP}/`, { 'x-user': 'qa-1' })).toBe(
      'Ingress/web/shop #0 → stable@0 beta@100',
    );
    const byCookie = [main, canary({ [nginx('canary-by-cookie')]: 'beta' })];
    expect(where(byCookie, `http://${SHOP}/`, { cookie: 'a=1; beta=always' })).toBe(
      'Ingress/web/shop #0 → stable@0 beta@100',
    );
  });

  it('a canary Ingress alone never answers: its paths are not locations of their own', () => {
    expect(where([canary({ [nginx('canary-weight')]: '100' })], `http://${SHOP}/`)).toBe(
      'noRoute 404',
    );
  });
});
