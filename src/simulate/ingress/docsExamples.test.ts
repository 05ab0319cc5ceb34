import { describe, expect, it } from 'vitest';
import { ingress, rule } from '../../testing/ingressSimulations.ts';
import { sim } from '../../testing/simulations.ts';

// The Kubernetes Ingress documentation's examples (fanout, name-based virtual hosting, wildcard
// hosts, default backend), in our own YAML. Every controller the designer simulates must send
// these requests to the same place: they are the cases where the controllers agree.
const CLASSES = ['nginx', 'istio', 'traefik'] as const;

const where = (texts: string | string[], url: string) => {
  const s = sim(texts, url);
  return s.outcome === 'route'
    ? s.destinations.map((d) => d.host.split('.')[0]).join(' ')
    : s.status;
};

describe.each(CLASSES)('the Kubernetes documentation examples, class %s', (className) => {
  it('simple fanout: one host, a Service per path prefix', () => {
    const fanout = ingress(
      [
        rule('foo.bar.com', [
          ['/foo', 'Prefix', 'service1', 4200],
          ['/bar', 'Prefix', 'service2', 8080],
        ]),
      ],
      { className },
    );
    expect(where(fanout, 'http://foo.bar.com/foo')).toBe('service1');
    expect(where(fanout, 'http://foo.bar.com/foo/x')).toBe('service1');
    expect(where(fanout, 'http://foo.bar.com/bar')).toBe('service2');
    expect(where(fanout, 'http://foo.bar.com/foobar')).toBe(404);
    expect(where(fanout, 'http://foo.bar.com/')).toBe(404);
  });

  it('name-based virtual hosting: a rule per host, and one without host for the rest', () => {
    const vhosts = ingress(
      [
        rule('first.bar.com', [['/', 'Prefix', 'service1', 80]]),
        rule('second.bar.com', [['/', 'Prefix', 'service2', 80]]),
        rule('', [['/', 'Prefix', 'service3', 80]]),
      ],
      { className },
    );
    expect(where(vhosts, 'http://first.bar.com/')).toBe('service1');
    expect(where(vhosts, 'http://second.bar.com/x')).toBe('service2');
    expect(where(vhosts, 'http://third.bar.com/')).toBe('service3');
  });

  it('a wildcard host takes a one-label subdomain, not the bare domain', () => {
    const wild = ingress(
      [
        rule('foo.bar.com', [['/bar', 'Prefix', 'service1', 80]]),
        rule('"*.foo.com"', [['/foo', 'Prefix', 'service2', 80]]),
      ],
      { className },
    );
    expect(where(wild, 'http://foo.bar.com/bar')).toBe('service1');
    expect(where(wild, 'http://bar.foo.com/foo')).toBe('service2');
    expect(where(wild, 'http://foo.com/foo')).toBe(404);
  });

  it('Exact and Prefix of the same path: Exact answers the exact path', () => {
    const mixed = ingress(
      [
        rule('foo.bar.com', [
          ['/foo', 'Prefix', 'prefix', 80],
          ['/foo', 'Exact', 'exact', 80],
        ]),
      ],
      { className },
    );
    expect(where(mixed, 'http://foo.bar.com/foo')).toBe('exact');
    expect(where(mixed, 'http://foo.bar.com/foo/x')).toBe('prefix');
  });
});
