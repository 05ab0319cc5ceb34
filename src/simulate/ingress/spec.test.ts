import { describe, expect, it } from 'vitest';
import { ingress, nginx, rule } from '../../testing/ingressSimulations.ts';
import { sim, stepsOf } from '../../testing/simulations.ts';

const SHOP = 'shop.example.com';
const where = (texts: string | string[], url: string) => {
  const s = sim(texts, url);
  return s.outcome === 'route'
    ? `${s.ingress}${s.rule ? ` #${s.rule.index}` : ''} → ${s.destinations.map((d) => d.host.split('.')[0]).join(' ')}`
    : `${s.outcome} ${s.status}`;
};

// A class no modelled controller serves: the Kubernetes documentation's semantics stand in.
describe('Ingresses of another class (spec semantics)', () => {
  const traefik = (rules: string[], o: Parameters<typeof ingress>[1] = {}) =>
    ingress(rules, { className: 'traefik', ...o });

  it('routes by the spec and says the controller is not modelled', () => {
    const texts = traefik([rule(SHOP, [['/foo/', 'Prefix', 'foo', 80]])], {
      annotations: { [nginx('rewrite-target')]: '/' },
    });
    const s = sim(texts, `http://${SHOP}/foo`);
    // Prefix /foo/ takes /foo by the spec (ingress-nginx would not), and no rewrite happens.
    expect(where(texts, `http://${SHOP}/foo`)).toBe('Ingress/web/shop #0 → foo');
    expect(s.request.path).toBe('/foo');
    expect(stepsOf(s, 'note')[0]?.detail).toContain(
      'the traefik Ingress controller is not modelled',
    );
    expect(where(texts, `http://${SHOP}/foobar`)).toBe('noRoute 404');
  });

  it('an Ingress naming no class is served the same way', () => {
    const none = ingress([rule(SHOP, [['/', 'Prefix', 'web', 80]])]).replace(
      '  ingressClassName: nginx\n',
      '',
    );
    expect(where(none, `http://${SHOP}/x`)).toBe('Ingress/web/shop #0 → web');
  });

  it('the defaultBackend takes a host with no rule and a path no rule matches', () => {
    const texts = traefik([rule(SHOP, [['/api', 'Exact', 'api', 80]])], {
      defaultBackend: '{ service: { name: fallback, port: { number: 80 } } }',
    });
    expect(where(texts, 'http://other.example.org/')).toBe('Ingress/web/shop → fallback');
    expect(where(texts, `http://${SHOP}/api/x`)).toBe('Ingress/web/shop → fallback');
    expect(where(texts, `http://${SHOP}/api`)).toBe('Ingress/web/shop #0 → api');
  });

  it('a wildcard host takes one label only', () => {
    const texts = traefik([rule('"*.example.com"', [['/', 'Prefix', 'web', 80]])]);
    expect(where(texts, 'http://a.example.com/')).toBe('Ingress/web/shop #0 → web');
    expect(where(texts, 'http://a.b.example.com/')).toBe('noRoute 404');
  });
});
