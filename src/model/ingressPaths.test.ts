import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IngressReading,
  ingressHostMatches,
  pathMatchers,
  pickIngressHost,
  pickPath,
} from './ingressPaths.ts';

type P = [path: string, pathType: string];

/** The position of the path that answers `request`, or undefined (the default backend). */
function answer(paths: P[], request: string, reading: IngressReading = 'spec', regex = false) {
  const candidates = paths.map(([path, pathType], i) => ({
    i,
    matchers: pathMatchers({ path, pathType }, reading, regex),
  }));
  return pickPath(candidates, request, reading)?.candidate.i;
}

describe('Ingress path matching, the Kubernetes documentation table', () => {
  // One row per row of concepts/services-networking/ingress "Examples", in our own words.
  const rows: [string, P[], string, number | undefined][] = [
    ['Prefix / takes every path', [['/', 'Prefix']], '/anything/at/all', 0],
    ['Exact /foo takes /foo', [['/foo', 'Exact']], '/foo', 0],
    ['Exact /foo does not take /bar', [['/foo', 'Exact']], '/bar', undefined],
    ['Exact /foo does not take /foo/', [['/foo', 'Exact']], '/foo/', undefined],
    ['Exact /foo/ does not take /foo', [['/foo/', 'Exact']], '/foo', undefined],
    ['Prefix /foo takes /foo', [['/foo', 'Prefix']], '/foo', 0],
    ['Prefix /foo takes /foo/', [['/foo', 'Prefix']], '/foo/', 0],
    ['Prefix /foo/ takes /foo', [['/foo/', 'Prefix']], '/foo', 0],
    ['Prefix /foo/ takes /foo/', [['/foo/', 'Prefix']], '/foo/', 0],
    ['Prefix /aaa/bb does not take /aaa/bbb', [['/aaa/bb', 'Prefix']], '/aaa/bbb', undefined],
    ['Prefix /aaa/bbb takes /aaa/bbb', [['/aaa/bbb', 'Prefix']], '/aaa/bbb', 0],
    ['Prefix /aaa/bbb/ takes /aaa/bbb', [['/aaa/bbb/', 'Prefix']], '/aaa/bbb', 0],
    ['Prefix /aaa/bbb takes /aaa/bbb/', [['/aaa/bbb', 'Prefix']], '/aaa/bbb/', 0],
    ['Prefix /aaa/bbb takes /aaa/bbb/ccc', [['/aaa/bbb', 'Prefix']], '/aaa/bbb/ccc', 0],
    [
      'Prefix /aaa/bbb does not take /aaa/bbbxyz',
      [['/aaa/bbb', 'Prefix']],
      '/aaa/bbbxyz',
      undefined,
    ],
    [
      '/ and /aaa: /aaa/ccc goes to /aaa',
      [
        ['/', 'Prefix'],
        ['/aaa', 'Prefix'],
      ],
      '/aaa/ccc',
      1,
    ],
    [
      '/, /aaa and /aaa/bbb: /aaa/bbb goes to /aaa/bbb',
      [
        ['/', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
        ['/aaa', 'Prefix'],
      ],
      '/aaa/bbb',
      1,
    ],
    [
      '/, /aaa and /aaa/bbb: /ccc goes to /',
      [
        ['/aaa', 'Prefix'],
        ['/', 'Prefix'],
        ['/aaa/bbb', 'Prefix'],
      ],
      '/ccc',
      1,
    ],
    ['Prefix /aaa does not take /ccc (default backend)', [['/aaa', 'Prefix']], '/ccc', undefined],
    [
      'Prefix and Exact /foo: Exact wins',
      [
        ['/foo', 'Prefix'],
        ['/foo', 'Exact'],
      ],
      '/foo',
      1,
    ],
  ];
  for (const [name, paths, request, expected] of rows)
    it(name, () => expect(answer(paths, request)).toBe(expected));

  it('the longest path wins whatever the YAML order', () => {
    expect(
      answer(
        [
          ['/a', 'Prefix'],
          ['/a/b/c', 'Prefix'],
          ['/a/b', 'Prefix'],
        ],
        '/a/b/c/d',
      ),
    ).toBe(1);
    expect(
      answer(
        [
          ['/a', 'Prefix'],
          ['/a/b/c', 'Prefix'],
          ['/a/b', 'Prefix'],
        ],
        '/a/b/x',
      ),
    ).toBe(2);
  });

  it('ImplementationSpecific is a plain prefix, as ingress-nginx takes it', () => {
    expect(answer([['/foo', 'ImplementationSpecific']], '/foobar')).toBe(0);
    expect(answer([['/foo', 'ImplementationSpecific']], '/fo')).toBeUndefined();
  });
});

describe('ingress-nginx locations', () => {
  it('Prefix /foo takes /foo, /foo/ and /foo/bar but not /foobar', () => {
    for (const path of ['/foo', '/foo/', '/foo/bar'])
      expect(answer([['/foo', 'Prefix']], path, 'nginx')).toBe(0);
    expect(answer([['/foo', 'Prefix']], '/foobar', 'nginx')).toBeUndefined();
  });

  it('Prefix /foo/ does not take /foo (its exact location is /foo/)', () => {
    expect(answer([['/foo/', 'Prefix']], '/foo', 'nginx')).toBeUndefined();
    expect(answer([['/foo/', 'Prefix']], '/foo/x', 'nginx')).toBe(0);
  });

  it('a written Exact wins over the exact copy of a Prefix of the same path, in any order', () => {
    expect(
      answer(
        [
          ['/foo', 'Prefix'],
          ['/foo', 'Exact'],
        ],
        '/foo',
        'nginx',
      ),
    ).toBe(1);
    expect(
      answer(
        [
          ['/foo', 'Exact'],
          ['/foo', 'Prefix'],
        ],
        '/foo',
        'nginx',
      ),
    ).toBe(0);
    expect(
      answer(
        [
          ['/foo', 'Prefix'],
          ['/foo', 'Exact'],
        ],
        '/foo/x',
        'nginx',
      ),
    ).toBe(0);
  });

  it('an exact location wins over a longer prefix location', () => {
    expect(
      answer(
        [
          ['/a/', 'ImplementationSpecific'],
          ['/a/', 'Exact'],
        ],
        '/a/',
        'nginx',
      ),
    ).toBe(1);
    expect(
      answer(
        [
          ['/a', 'ImplementationSpecific'],
          ['/a/b', 'Prefix'],
        ],
        '/a/b/c',
        'nginx',
      ),
    ).toBe(1);
  });

  it('with regexes every path is a case-insensitive regex anchored at the start, longest first', () => {
    const paths: P[] = [
      ['/api(/|$)(.*)', 'ImplementationSpecific'],
      ['/api/v2(/|$)(.*)', 'ImplementationSpecific'],
    ];
    expect(answer(paths, '/API/v2/users', 'nginx', true)).toBe(1);
    expect(answer(paths, '/api/v1', 'nginx', true)).toBe(0);
    expect(answer(paths, '/x/api', 'nginx', true)).toBeUndefined();
    // Exact is no longer exact once the host uses regexes.
    expect(answer([['/exact', 'Exact']], '/exactly', 'nginx', true)).toBe(0);
  });
});

describe('Istio Ingress conversion', () => {
  it('Prefix matches whole path elements; / takes everything', () => {
    expect(answer([['/foo/', 'Prefix']], '/foo', 'istio')).toBe(0);
    expect(answer([['/foo', 'Prefix']], '/foobar', 'istio')).toBeUndefined();
    expect(answer([['/', 'Prefix']], '/x', 'istio')).toBe(0);
  });

  it('ImplementationSpecific: /* and .* suffixes are prefixes, the rest exact, * everything', () => {
    expect(answer([['/foo/*', 'ImplementationSpecific']], '/foo/bar', 'istio')).toBe(0);
    expect(answer([['/foo.*', 'ImplementationSpecific']], '/foo/bar', 'istio')).toBe(0);
    expect(answer([['/foo', 'ImplementationSpecific']], '/foo/bar', 'istio')).toBeUndefined();
    expect(answer([['/foo', 'ImplementationSpecific']], '/foo', 'istio')).toBe(0);
    expect(answer([['/*', 'ImplementationSpecific']], '/any', 'istio')).toBe(0);
  });

  it('sorts by written length, Exact first at equal length', () => {
    expect(
      answer(
        [
          ['/foo', 'Prefix'],
          ['/foo', 'Exact'],
        ],
        '/foo',
        'istio',
      ),
    ).toBe(1);
    // Prefix /x/ is longer than Exact /x, so Istio picks it for /x.
    expect(
      answer(
        [
          ['/x', 'Exact'],
          ['/x/', 'Prefix'],
        ],
        '/x',
        'istio',
      ),
    ).toBe(1);
  });
});

describe('Ingress hosts', () => {
  it('a wildcard stands for exactly one label (spec, nginx) or any number (istio)', () => {
    expect(ingressHostMatches('*.foo.com', 'bar.foo.com', 'spec')).toBe(true);
    expect(ingressHostMatches('*.foo.com', 'baz.bar.foo.com', 'spec')).toBe(false);
    expect(ingressHostMatches('*.foo.com', 'foo.com', 'spec')).toBe(false);
    expect(ingressHostMatches('*.foo.com', 'baz.bar.foo.com', 'nginx')).toBe(false);
    expect(ingressHostMatches('*.foo.com', 'baz.bar.foo.com', 'istio')).toBe(true);
    expect(ingressHostMatches('*.foo.com', 'foo.com', 'istio')).toBe(false);
  });

  it('a rule without host takes every host; names compare without case', () => {
    expect(ingressHostMatches('', 'anything.example', 'spec')).toBe(true);
    expect(ingressHostMatches('Foo.com', 'foo.COM', 'spec')).toBe(true);
  });

  it('the host itself wins over a wildcard, a wildcard over rules without host', () => {
    const hosts = ['', '*.foo.com', 'bar.foo.com'];
    expect(pickIngressHost(hosts, 'bar.foo.com', 'spec')).toBe('bar.foo.com');
    expect(pickIngressHost(hosts, 'baz.foo.com', 'spec')).toBe('*.foo.com');
    expect(pickIngressHost(hosts, 'a.baz.foo.com', 'spec')).toBe('');
    expect(pickIngressHost(['*.foo.com'], 'other.com', 'spec')).toBeUndefined();
  });
});

describe('the three readings agree where the controllers do', () => {
  // Exact and Prefix paths without a trailing slash: ingress-nginx, Istio and the documentation
  // pick the same path for every request (they differ only on trailing slashes of Prefix paths,
  // ImplementationSpecific and regexes).
  const segment = fc.constantFrom('a', 'b', 'ab');
  const path = fc.array(segment, { minLength: 0, maxLength: 3 }).map((s) => `/${s.join('/')}`);
  const written = fc.array(fc.tuple(path, fc.constantFrom('Exact', 'Prefix')), {
    minLength: 1,
    maxLength: 5,
  });
  const request = fc
    .tuple(path, fc.boolean())
    .map(([p, slash]) => (slash && p !== '/' ? `${p}/` : p));

  it('for any Exact and Prefix paths and any request', () => {
    fc.assert(
      fc.property(written, request, (paths, req) => {
        const spec = answer(paths as P[], req, 'spec');
        expect(answer(paths as P[], req, 'nginx')).toBe(spec);
        expect(answer(paths as P[], req, 'istio')).toBe(spec);
      }),
      { numRuns: 300 },
    );
  });
});
